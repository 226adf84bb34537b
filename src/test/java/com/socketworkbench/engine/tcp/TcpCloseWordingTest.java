package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Notice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local side's timeline says in words what each close mode sent; the JDK peer sees FIN or RST accordingly. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpCloseWordingTest {
    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();

    @Test
    void gracefulSaysFinSent() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        server.close(id, CloseMode.GRACEFUL);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertEquals("FIN sent (graceful close)", closed.detail());
        assertEquals(-1, peer.getInputStream().read(), "the peer reads end of stream");
    }

    @Test
    void halfCloseSaysOutputShutDownAndKeepsReading() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        server.close(id, CloseMode.HALF_CLOSE);
        Notice notice = sink.awaitFirst(Notice.class, n -> n.connectionId() == id);
        assertEquals("Output shut down (FIN sent); still reading until the peer closes", notice.message());
        assertEquals(-1, peer.getInputStream().read());
        peer.getOutputStream().write(new byte[]{1, 2, 3});
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == 3);
        peer.close();
        assertEquals(CloseReason.PEER_CLOSED,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }

    @Test
    void abortSaysRstSent() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        server.close(id, CloseMode.ABORT);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertEquals("RST sent (abort: SO_LINGER 0)", closed.detail());
        SocketException reset = assertThrows(SocketException.class, () -> peer.getInputStream().read());
        assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
    }

    @Test
    void aClientUsesTheSameWords() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);

        Socket first = tcp.connect(client, listener);
        client.close(CloseMode.HALF_CLOSE);
        assertEquals("Output shut down (FIN sent); still reading until the peer closes",
                sink.awaitFirst(Notice.class).message());
        first.close();
        sink.awaitFirst(ConnectionClosed.class);

        tcp.connect(client, listener);
        client.disconnect();
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(ConnectionClosed.class).size() == 2);
        assertEquals("FIN sent (graceful close)", sink.of(ConnectionClosed.class).get(1).detail());
    }
}
