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

    @Test
    void halfClosePassesOnBothWaysAndThePairEndsWithWhoClosedFirst() throws Exception {
        TargetServer target = keep(TargetServer.manual());
        relayTo(target.port());
        Socket client = client();
        Socket server = keep(target.nextAccepted());
        client.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
        client.shutdownOutput();
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), readExactly(server.getInputStream(), 3));
        assertEquals(-1, server.getInputStream().read(), "the client's FIN reaches the server");
        long pairId = events.awaitFirst(ConnectionAccepted.class).connectionId();
        await().atMost(RelayEvents.WAIT).until(() -> relay.pairs().getFirst().state().equals("client half-closed"));

        server.getOutputStream().write("late reply".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("late reply".getBytes(StandardCharsets.US_ASCII),
                readExactly(client.getInputStream(), 10), "the server can still answer a half-closed client");
        server.shutdownOutput();
        assertEquals(-1, client.getInputStream().read(), "the server's FIN reaches the client");

        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals(pairId, closed.connectionId());
        assertEquals(CloseReason.PEER_CLOSED, closed.reason());
        assertEquals("the client closed first (FIN), then the server", closed.detail());
        assertFalse(relay.pairs().getFirst().open());
    }

    @Test
    void aClientResetResetsTheServerSide() throws Exception {
        TargetServer target = keep(TargetServer.manual());
        relayTo(target.port());
        Socket client = client();
        Socket server = keep(target.nextAccepted());
        client.getOutputStream().write(1);
        assertEquals(1, server.getInputStream().read());
        client.setSoLinger(true, 0);
        client.close();

        SocketException reset = assertThrows(SocketException.class, () -> server.getInputStream().read());
        assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.RESET, closed.reason());
        assertEquals("the client reset the connection (RST); the relay reset the server too", closed.detail());
    }

    @Test
    void aServerResetResetsTheClientSide() throws Exception {
        TargetServer target = keep(TargetServer.manual());
        relayTo(target.port());
        Socket client = client();
        Socket server = keep(target.nextAccepted());
        server.setSoLinger(true, 0);
        server.close();

        SocketException reset = assertThrows(SocketException.class, () -> client.getInputStream().read());
        assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.RESET, closed.reason());
        assertTrue(closed.detail().startsWith("the server reset the connection (RST)"), closed.detail());
    }

    @Test
    void aRefusedTargetIsAFailureInPlainWordsAndTheClientIsClosed() throws Exception {
        int nothingListens;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = probe.getLocalPort();
        }
        relayTo(nothingListens);
        Socket client = client();

        assertEquals(-1, client.getInputStream().read(), "the client is closed");
        Failure failure = events.awaitFirst(Failure.class);
        long pairId = events.awaitFirst(ConnectionAccepted.class).connectionId();
        assertEquals(pairId, failure.connectionId());
        assertEquals(Operation.CONNECT, failure.operation());
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertTrue(failure.message().contains("nothing is listening on 127.0.0.1:" + nothingListens),
                failure.message());
        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.ERROR, closed.reason());
        assertTrue(closed.detail().startsWith("could not connect to the server"), closed.detail());
    }

    @Test
    void anUnknownTargetHostIsAFailureInPlainWords() throws Exception {
        relay = Relay.start(RelayConfig.tcp("127.0.0.1", 0, "no-such-host.invalid", 80), events, holds);
        Socket client = client();
        assertEquals(-1, client.getInputStream().read());
        Failure failure = events.awaitFirst(Failure.class);
        assertEquals(FailureKind.UNKNOWN_HOST, failure.kind());
        assertTrue(failure.message().contains("no-such-host.invalid"), failure.message());
    }

    @Test
    void closePairWithFinOnTheClientSideClosesBothSidesGracefully() throws Exception {
        TargetServer target = keep(TargetServer.manual());
        relayTo(target.port());
        Socket client = client();
        Socket server = keep(target.nextAccepted());
        long pairId = events.awaitFirst(ConnectionAccepted.class).connectionId();
        events.awaitFirst(Notice.class, n -> n.message().contains("Connected to"));

        relay.closePair(pairId, RelaySide.CLIENT, CloseMode.GRACEFUL);
        assertEquals(-1, client.getInputStream().read(), "FIN to the client");
        assertEquals(-1, server.getInputStream().read(), "FIN to the server");
        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertEquals("closed from the relay: FIN to the client, FIN to the server", closed.detail());
    }

    @Test
    void closePairWithRstOnEitherSideResetsThatSideOnly() throws Exception {
        TargetServer target = keep(TargetServer.manual());
        relayTo(target.port());
        Socket client = client();
        Socket server = keep(target.nextAccepted());
        long first = events.awaitFirst(ConnectionAccepted.class).connectionId();
        events.awaitFirst(Notice.class, n -> n.connectionId() == first && n.message().contains("Connected to"));
        relay.closePair(first, RelaySide.CLIENT, CloseMode.ABORT);
        assertThrows(SocketException.class, () -> client.getInputStream().read(), "RST to the client");
        assertEquals(-1, server.getInputStream().read(), "FIN to the server");
        assertEquals("closed from the relay: RST to the client, FIN to the server",
                events.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == first).detail());

        Socket secondClient = client();
        Socket secondServer = keep(target.nextAccepted());
        long second = events.awaitFirst(ConnectionAccepted.class, a -> a.connectionId() != first).connectionId();
        events.awaitFirst(Notice.class, n -> n.connectionId() == second && n.message().contains("Connected to"));
        relay.closePair(second, RelaySide.SERVER, CloseMode.ABORT);
        assertThrows(SocketException.class, () -> secondServer.getInputStream().read(), "RST to the server");
        assertEquals(-1, secondClient.getInputStream().read(), "FIN to the client");
        assertEquals("closed from the relay: RST to the server, FIN to the client",
                events.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == second).detail());
        assertThrows(IllegalArgumentException.class, () -> relay.closePair(second, RelaySide.CLIENT,
                CloseMode.HALF_CLOSE));
    }

    @Test
    void aPortInUseFailsTheStartWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SocketErrorException error = assertThrows(SocketErrorException.class, () -> Relay.start(
                    RelayConfig.tcp("127.0.0.1", taken.getLocalPort(), "127.0.0.1", 9), events, holds));
            assertEquals(FailureKind.PORT_IN_USE, error.failure().kind());
            assertEquals("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use by another program",
                    error.getMessage());
            assertEquals(error.failure(), events.awaitFirst(Failure.class));
        }
    }

    @Test
    void closeEndsEveryPairReleasesHoldsAndLeavesNoThread() throws Exception {
        TargetServer target = keep(TargetServer.echo());
        relayTo(target.port());
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket client = client();
            client.getOutputStream().write(("held " + i).getBytes(StandardCharsets.US_ASCII));
            clients.add(client);
        }
        List<HeldChunk> held = holds.awaitHeld(3);
        assertTrue(relay.liveThreads().size() >= 6, "readers and writers run: " + relay.liveThreads());

        relay.close();
        for (HeldChunk chunk : held) {
            assertEquals(HoldOutcome.PAIR_CLOSED, holds.outcome(chunk.holdId()));
        }
        for (Socket client : clients) {
            assertEquals(-1, client.getInputStream().read());
        }
        assertEquals(List.of(), relay.liveThreads());
        assertEquals(3, events.of(ConnectionClosed.class).size());
        assertTrue(events.of(ConnectionClosed.class).stream()
                .allMatch(c -> c.reason() == CloseReason.LISTENER_STOPPED));
        assertEquals(3, events.of(Notice.class).stream().filter(n -> n.message().endsWith("the pair closed")).count());
        events.awaitFirst(ListenerStopped.class);
        assertFalse(relay.forward(held.getFirst().holdId(), new byte[1]), "a released hold is gone");
    }

    @Test
    void aThousandConcurrentPairsEachEchoAMessage() throws Exception {
        TargetServer target = keep(TargetServer.echo());
        relayTo(target.port());
        int pairs = 1_000;
        List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < pairs; i++) {
                byte[] message = ("pair " + i).getBytes(StandardCharsets.US_ASCII);
                results.add(executor.submit(() -> {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(),
                            relay.localAddress().getPort())) {
                        socket.setSoTimeout(20_000);
                        socket.getOutputStream().write(message);
                        return java.util.Arrays.equals(message, socket.getInputStream().readNBytes(message.length));
                    }
                }));
            }
            long ok = 0;
            for (var result : results) {
                if (result.get(25, TimeUnit.SECONDS)) {
                    ok++;
                }
            }
            assertEquals(pairs, ok);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> events.of(ConnectionClosed.class).size() == pairs);
        assertEquals(pairs, events.of(ConnectionAccepted.class).size());
        assertTrue(relay.pairs().stream().noneMatch(PairSnapshot::open));
    }
}
