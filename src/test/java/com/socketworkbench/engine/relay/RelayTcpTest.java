package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.tcp.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RelayTcpTest {
    private final RelayEvents events = new RelayEvents();
    private final RecordingHolds holds = new RecordingHolds();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Relay relay;

    @AfterEach
    void tearDown() throws Exception {
        if (relay != null) {
            relay.close();
        }
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private Relay relayTo(int targetPort) throws IOException {
        relay = Relay.start(RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1", targetPort), events, holds);
        return relay;
    }

    private Socket client() throws IOException {
        return keep(new Socket(InetAddress.getLoopbackAddress(), relay.localAddress().getPort()));
    }

    static byte[] readExactly(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        assertEquals(count, bytes.length, "stream ended early");
        return bytes;
    }

    @Test
    void echoGoesThroughBothWaysWithExactBytesEventsAndCounters() throws Exception {
        TargetServer target = keep(TargetServer.echo());
        relayTo(target.port());
        ListenerStarted started = events.awaitFirst(ListenerStarted.class);
        assertEquals(relay.localAddress(), started.local());
        assertEquals("TCP", started.transport());

        Socket client = client();
        byte[] hello = "hello relay".getBytes(StandardCharsets.US_ASCII);
        client.getOutputStream().write(hello);
        assertArrayEquals(hello, readExactly(client.getInputStream(), hello.length));

        ConnectionAccepted accepted = events.awaitFirst(ConnectionAccepted.class);
        long pairId = accepted.connectionId();
        assertEquals(client.getLocalSocketAddress(), accepted.remote());
        events.awaitFirst(Notice.class, n -> n.connectionId() == pairId && n.message().contains("Connected to"));
        await().atMost(RelayEvents.WAIT).until(() -> events.serverToClient(pairId).length == hello.length);
        assertArrayEquals(hello, events.clientToServer(pairId));
        assertArrayEquals(hello, events.serverToClient(pairId));
        BytesReceived in = events.of(BytesReceived.class, pairId).getFirst();
        assertEquals(relay.localAddress(), in.local());
        assertEquals(client.getLocalSocketAddress(), in.remote());
        BytesSent out = events.of(BytesSent.class, pairId).getFirst();
        assertEquals(client.getLocalSocketAddress(), out.remote());

        PairSnapshot snapshot = relay.pairs().getFirst();
        assertEquals(pairId, snapshot.pairId());
        assertTrue(snapshot.open());
        assertEquals(hello.length, snapshot.bytesClientToServer());
        assertEquals(hello.length, snapshot.bytesServerToClient());
        assertEquals(events.of(BytesReceived.class, pairId).size(), snapshot.chunksClientToServer());
        assertEquals("open", snapshot.state());
    }
}
