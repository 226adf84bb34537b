package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Notice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local side's timeline says in words what each close mode sent; the JDK peer sees FIN or RST accordingly. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpCloseWordingTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private TcpServer server() throws Exception {
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink);
        resources.add(server);
        server.start();
        return server;
    }

    private Socket peer(TcpServer server) throws IOException {
        Socket socket = new Socket();
        resources.add(socket);
        socket.setSoTimeout(10_000);
        socket.connect(server.localAddress(), 5_000);
        return socket;
    }

    private long idOf(Socket peer) {
        int port = peer.getLocalPort();
        return sink.awaitFirst(ConnectionAccepted.class,
                a -> ((InetSocketAddress) a.remote()).getPort() == port).connectionId();
    }

    @Test
    void gracefulSaysFinSent() throws Exception {
        TcpServer server = server();
        Socket peer = peer(server);
        long id = idOf(peer);
        server.close(id, CloseMode.GRACEFUL);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertEquals("FIN sent (graceful close)", closed.detail());
        assertEquals(-1, peer.getInputStream().read(), "the peer reads end of stream");
    }

    @Test
    void halfCloseSaysOutputShutDownAndKeepsReading() throws Exception {
        TcpServer server = server();
        Socket peer = peer(server);
        long id = idOf(peer);
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
        TcpServer server = server();
        Socket peer = peer(server);
        long id = idOf(peer);
        server.close(id, CloseMode.ABORT);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertEquals("RST sent (abort: SO_LINGER 0)", closed.detail());
        SocketException reset = assertThrows(SocketException.class, () -> peer.getInputStream().read());
        assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
    }

    @Test
    void aClientUsesTheSameWords() throws Exception {
        ServerSocket listener = new ServerSocket(0, 5, LOOPBACK);
        resources.add(listener);
        listener.setSoTimeout(10_000);
        TcpClient client = new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort()), sink);
        resources.add(client);

        client.connect().get(10, TimeUnit.SECONDS);
        Socket first = listener.accept();
        resources.add(first);
        client.close(CloseMode.HALF_CLOSE);
        assertEquals("Output shut down (FIN sent); still reading until the peer closes",
                sink.awaitFirst(Notice.class).message());
        first.close();
        sink.awaitFirst(ConnectionClosed.class);

        client.connect().get(10, TimeUnit.SECONDS);
        resources.add(listener.accept());
        client.disconnect();
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(ConnectionClosed.class).size() == 2);
        assertEquals("FIN sent (graceful close)", sink.of(ConnectionClosed.class).get(1).detail());
    }
}
