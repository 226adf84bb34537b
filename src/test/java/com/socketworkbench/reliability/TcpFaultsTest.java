package com.socketworkbench.reliability;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.DelimiterPreset;
import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.ConnectionInfo;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Things going wrong around a TcpServer or TcpClient: each one must end in a clear message and leave the engine
 * usable (a later exchange on the same object where the API allows, otherwise on a new one) with no thread behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpFaultsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = RecordingSink.WAIT;

    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    private TcpServer echoServer(int port) {
        return closeLater(new TcpServer(new TcpServerConfig("127.0.0.1", port, 100, true), sink));
    }

    private TcpClient client(String host, int port, Duration timeout) {
        return closeLater(new TcpClient(new TcpClientConfig(host, port, timeout), sink));
    }

    private static Failure failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(SocketErrorException.class, e.getCause()).failure();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    /** The client sends, the echo server answers, and the client receives exactly that. */
    private void assertEchoes(TcpClient client, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.send(bytes).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> sink.of(BytesReceived.class, r -> r.connectionId() == client.id()
                && new String(r.data(), StandardCharsets.UTF_8).contains(text)).size() == 1);
    }

    private static void assertEchoes(Socket peer, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        peer.setSoTimeout(10_000);
        peer.getOutputStream().write(bytes);
        assertArrayEquals(bytes, peer.getInputStream().readNBytes(bytes.length));
    }

    private static void assertNoThreadLeft(Object engineObject) {
        await().atMost(WAIT).until(() -> EngineThreadProbe.liveThreads(engineObject).isEmpty());
    }

    @Test
    void refusedConnectIsExplainedAndTheSameClientConnectsOnceSomethingListens() throws Exception {
        int port = freePort();
        TcpClient client = client("127.0.0.1", port, null);
        Failure failure = failureOf(client.connect());
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("Connection refused: nothing is listening on 127.0.0.1:" + port + " (or a firewall rejected it)",
                failure.message());
        assertFalse(client.isConnected());
        assertNoThreadLeft(client);

        TcpServer server = echoServer(port);
        try {
            server.start();
        } catch (SocketErrorException e) {
            assumeTrue(false, "another program took port " + port + " in the meantime");
        }
        client.connect().get(10, TimeUnit.SECONDS);
        assertEchoes(client, "after refused");
    }

    /**
     * Linux drops SYNs while a listener's accept queue is full, so a listener with backlog 1 that does not accept
     * makes connects time out on loopback. Once the queue is drained, the same client connects.
     */
    @Test
    void connectTimeoutIsExplainedAndTheSameClientConnectsOnceTheListenerAccepts() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, LOOPBACK)) {
            InetSocketAddress address = new InetSocketAddress(LOOPBACK, full.getLocalPort());
            List<Socket> queued = new ArrayList<>();
            boolean queueFull = false;
            for (int i = 0; i < 10 && !queueFull; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(address, 300);
                    queued.add(closeLater(filler));
                } catch (SocketTimeoutException e) {
                    filler.close();
                    queueFull = true;
                }
            }
            assumeTrue(queueFull, "this kernel keeps answering a full listener, so no connect times out here");

            TcpClient client = client("127.0.0.1", full.getLocalPort(), Duration.ofMillis(400));
            long started = System.nanoTime();
            Failure failure = failureOf(client.connect());
            assertEquals(FailureKind.CONNECT_TIMEOUT, failure.kind());
            assertEquals("No answer from 127.0.0.1:" + full.getLocalPort() + " within 400 ms", failure.message());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 350, "gave up too early");
            assertNoThreadLeft(client);

            for (int i = 0; i < queued.size(); i++) {
                closeLater(full.accept());
            }
            CompletableFuture<InetSocketAddress> connected = client.connect();
            full.setSoTimeout(10_000);
            try (Socket peer = full.accept()) {
                assertEquals(connected.get(10, TimeUnit.SECONDS).getPort(), peer.getPort());
                client.send("late but fine".getBytes(StandardCharsets.UTF_8));
                peer.setSoTimeout(10_000);
                assertEquals("late but fine", new String(peer.getInputStream().readNBytes(13), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anUnknownHostIsExplainedAndNamesFromTheHostsFileStillWork() throws Exception {
        TcpClient unknown = client("nonexistent.invalid", 80, null);
        Failure failure = failureOf(unknown.connect());
        assertEquals(FailureKind.UNKNOWN_HOST, failure.kind());
        assertEquals("Unknown host 'nonexistent.invalid': the name could not be resolved", failure.message());
        assertNoThreadLeft(unknown);

        TcpServer server = echoServer(0);
        int port = server.start().getPort();
        TcpClient byName = client("localhost", port, null);
        byName.connect().get(10, TimeUnit.SECONDS);
        assertEchoes(byName, "resolved");
    }

    @Test
    void aPortInUseIsExplainedAndTheSameServerStartsOnceItIsFree() throws Exception {
        TcpServer server;
        int port;
        try (ServerSocket blocker = new ServerSocket(0, 1, LOOPBACK)) {
            port = blocker.getLocalPort();
            server = echoServer(port);
            SocketErrorException e = assertThrows(SocketErrorException.class, server::start);
            assertEquals(FailureKind.PORT_IN_USE, e.failure().kind());
            assertEquals("Port " + port + " on 127.0.0.1 is already in use by another program", e.failure().message());
            assertEquals(e.failure(), sink.awaitFirst(Failure.class));
            assertFalse(server.isRunning());
        }
        assertEquals(port, server.start().getPort());
        try (Socket peer = new Socket(LOOPBACK, port)) {
            assertEchoes(peer, "port free again");
        }
    }

    @Test
    void aPeerResettingMidStreamEndsOnlyItsConnectionAndFailsTheUnsentData() throws Exception {
        TcpServer server = echoServer(0);
        InetSocketAddress address = server.start();
        Socket resetter = closeLater(new Socket(LOOPBACK, address.getPort()));
        long id = sink.awaitFirst(ConnectionAccepted.class).connectionId();

        List<CompletableFuture<Void>> sends = new ArrayList<>();
        byte[] chunk = new byte[1024 * 1024];
        for (int i = 0; i < 24; i++) {
            sends.add(server.send(id, chunk));
        }
        resetter.setSoTimeout(10_000);
        assertEquals(64 * 1024, resetter.getInputStream().readNBytes(64 * 1024).length);
        resetter.setSoLinger(true, 0);
        resetter.close();

        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.RESET, closed.reason());
        assertEquals("connection reset by peer", closed.reason().description());
        await().atMost(WAIT).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        assertTrue(sends.getLast().isCompletedExceptionally(), "the last 1 MiB cannot have been delivered");
        // Either the writer hit the reset with it (a Failure) or it was still queued when the connection ended
        // (cancelled: ConnectionClosed says why).
        Throwable notSent = sends.getLast().handle((ignored, outcome) -> outcome).join();
        if (!(notSent instanceof CancellationException)) {
            notSent = assertInstanceOf(SocketErrorException.class, notSent);
        }
        assertTrue(notSent.getMessage().matches("(Connection " + id + " closed before 1048576 bytes were sent"
                + "|The peer (reset the connection|has closed the connection \\(broken pipe\\)): \\d+ bytes were not"
                + " sent)"), notSent.getMessage());
        for (Failure failure : sink.of(Failure.class, f -> f.connectionId() == id)) {
            assertTrue(failure.message().matches("The peer (reset the connection|has closed the connection \\(broken"
                    + " pipe\\)): \\d+ bytes were not sent"), failure.message());
        }
        await().atMost(WAIT).until(() -> server.connectionCount() == 0);

        try (Socket next = new Socket(LOOPBACK, address.getPort())) {
            assertEchoes(next, "still serving");
        }
    }

    @Test
    void aServerResettingMidStreamIsReportedAndTheSameClientConnectsAgain() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, LOOPBACK)) {
            listener.setSoTimeout(10_000);
            TcpClient client = client("127.0.0.1", listener.getLocalPort(), null);
            client.connect().get(10, TimeUnit.SECONDS);
            try (Socket peer = listener.accept()) {
                peer.getOutputStream().write(new byte[256 * 1024]);
                await().atMost(WAIT).until(() -> client.bytesIn() > 0);
                peer.setSoLinger(true, 0);
            }
            ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class);
            assertEquals(CloseReason.RESET, closed.reason());
            assertFalse(client.isConnected());

            client.connect().get(10, TimeUnit.SECONDS);
            try (Socket peer = listener.accept()) {
                peer.getOutputStream().write("after the reset".getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(() -> sink.of(BytesReceived.class,
                        r -> new String(r.data(), StandardCharsets.UTF_8).equals("after the reset")).size() == 1);
            }
        }
    }

    @Test
    void aPeerHalfCloseStillGetsEveryEchoedByteBeforeTheServerCloses() throws Exception {
        TcpServer server = echoServer(0);
        int port = server.start().getPort();
        try (Socket peer = new Socket(LOOPBACK, port)) {
            peer.setSoTimeout(10_000);
            byte[] request = "the whole request, then FIN".getBytes(StandardCharsets.UTF_8);
            peer.getOutputStream().write(request);
            peer.shutdownOutput();
            assertArrayEquals(request, peer.getInputStream().readAllBytes(), "echo, then end of stream");
        }
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.PEER_CLOSED, closed.reason());
        await().atMost(WAIT).until(() -> server.connectionCount() == 0);
    }

    @Test
    void anEngineHalfCloseKeepsReceivingUntilThePeerCloses() throws Exception {
        TcpClient client;
        try (ServerSocket listener = new ServerSocket(0, 10, LOOPBACK)) {
            listener.setSoTimeout(10_000);
            client = client("127.0.0.1", listener.getLocalPort(), null);
            client.connect().get(10, TimeUnit.SECONDS);
            try (Socket peer = listener.accept()) {
                peer.setSoTimeout(10_000);
                client.send("question".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
                client.close(CloseMode.HALF_CLOSE);
                assertEquals("question", new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                        "the peer reads the data, then end of stream");
                Notice notice = sink.awaitFirst(Notice.class, n -> n.message().startsWith("Output shut down"));
                assertEquals("Output shut down (FIN sent); still reading until the peer closes", notice.message());
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> client.send(new byte[]{1}).get(5, TimeUnit.SECONDS));
                assertEquals("Not sent: connection " + client.id() + " is half-closed (its output is shut down)",
                        refused.getCause().getMessage());
                assertEquals(1, sink.of(Failure.class).size(), "the refused send is one Failure event");

                peer.getOutputStream().write("answer".getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(() -> sink.of(BytesReceived.class,
                        r -> new String(r.data(), StandardCharsets.UTF_8).equals("answer")).size() == 1);
                assertTrue(client.isConnected(), "half-closed is still connected");
            }
            assertEquals(CloseReason.PEER_CLOSED, sink.awaitFirst(ConnectionClosed.class).reason());
        }
        assertNoThreadLeft(client);
    }

    @Test
    void aPeerThatNeverReadsStallsOnlyItsOwnSendsAndStopStillEndsEverythingWithinTwoSeconds() throws Exception {
        TcpServer server = echoServer(0);
        int port = server.start().getPort();
        Socket stuck = closeLater(new Socket(LOOPBACK, port));
        stuck.setReceiveBufferSize(64 * 1024);
        long stuckId = sink.awaitFirst(ConnectionAccepted.class).connectionId();

        List<CompletableFuture<Void>> sends = new ArrayList<>();
        byte[] chunk = new byte[1024 * 1024];
        for (int i = 0; i < 32; i++) {
            sends.add(server.send(stuckId, chunk));
        }
        Supplier<Long> stuckBytesOut = () -> server.connections().stream().filter(c -> c.id() == stuckId)
                .mapToLong(ConnectionInfo::bytesOut).findFirst().orElse(-1L);
        await().atMost(WAIT).until(() -> stuckBytesOut.get() > 0);
        long[] last = {-1};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            long now = stuckBytesOut.get();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        assertTrue(stuckBytesOut.get() < 32L * chunk.length, "the socket buffers cannot hold 32 MiB");
        assertFalse(sends.getLast().isDone(), "a send to a peer that never reads stays pending");

        CompletableFuture<Void> overflow = null;
        for (int i = 0; i < 80 && (overflow == null || !overflow.isCompletedExceptionally()); i++) {
            overflow = server.send(stuckId, chunk);
            sends.add(overflow);
        }
        Failure limit = assertInstanceOf(SocketErrorException.class, assertThrows(ExecutionException.class,
                overflow::get).getCause()).failure();
        assertEquals(FailureKind.LIMIT_EXCEEDED, limit.kind());
        assertTrue(limit.message().matches("Not sent: 1048576 bytes would overfill the send queue to 127\\.0\\.0\\.1:\\d+"
                + " \\(\\d+ bytes are already waiting, the limit is 64 MiB; the peer is not reading fast enough\\)"),
                limit.message());

        try (Socket other = new Socket(LOOPBACK, port)) {
            assertEchoes(other, "the server's other connections keep working");
        }

        long started = System.nanoTime();
        server.stop();
        long stopMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(stopMillis < 2_000, "stop() took " + stopMillis + " ms");
        assertTrue(EngineThreadProbe.liveThreads(server).isEmpty(),
                () -> "threads left: " + EngineThreadProbe.names(EngineThreadProbe.liveThreads(server)));
        assertTrue(sends.stream().allMatch(CompletableFuture::isDone), "stop settles every pending send");
        assertTrue(sends.getLast().isCompletedExceptionally());
        assertEquals(CloseReason.LISTENER_STOPPED,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == stuckId).reason());
    }

    @Test
    void aSlowDripPeerStillYieldsWholeFramesInEveryMode() throws Exception {
        TcpServer server = closeLater(new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink));
        int port = server.start().getPort();

        server.setFramerFactory(new FramingSpec.Delimited(DelimiterPreset.CRLF, false)::create);
        dripAndExpect(server, port, "alpha\r\nbeta\r\ngamma\r\n".getBytes(StandardCharsets.US_ASCII),
                List.of("alpha", "beta", "gamma"));

        server.setFramerFactory(new FramingSpec.LengthPrefixed(2, Endianness.BIG)::create);
        dripAndExpect(server, port, new byte[]{0, 3, 'o', 'n', 'e', 0, 0, 0, 5, 't', 'h', 'r', 'e', 'e'},
                List.of("\0\3one", "\0\0", "\0\5three"));

        server.setFramerFactory(new FramingSpec.FixedSize(4)::create);
        dripAndExpect(server, port, "abcdefghijkl".getBytes(StandardCharsets.US_ASCII), List.of("abcd", "efgh", "ijkl"));
    }

    /**
     * Writes the stream one byte at a time from a new connection, each byte only once the server has read the one
     * before (so every byte is a read of its own, whatever the scheduling), and expects exactly these frames, each
     * assembled from as many reads as it has bytes on the wire.
     */
    private void dripAndExpect(TcpServer server, int port, byte[] stream, List<String> frames) throws Exception {
        int before = sink.of(ConnectionAccepted.class).size();
        try (Socket peer = new Socket(LOOPBACK, port)) {
            peer.setTcpNoDelay(true);
            long id = await().atMost(WAIT).until(() -> sink.of(ConnectionAccepted.class),
                    list -> list.size() > before).getLast().connectionId();
            Supplier<Long> bytesIn = () -> server.connections().stream().filter(c -> c.id() == id)
                    .mapToLong(ConnectionInfo::bytesIn).findFirst().orElse(-1L);
            for (int i = 0; i < stream.length; i++) {
                peer.getOutputStream().write(stream[i]);
                peer.getOutputStream().flush();
                long expected = i + 1;
                await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> bytesIn.get() == expected);
            }
            List<BytesReceived> received = await().atMost(WAIT).until(
                    () -> sink.of(BytesReceived.class, r -> r.connectionId() == id), list -> list.size() >= frames.size());
            assertEquals(frames, received.stream().map(r -> new String(r.data(), StandardCharsets.ISO_8859_1)).toList());
            assertEquals(stream.length, received.stream().mapToInt(BytesReceived::reads).sum(),
                    "every dripped byte was its own read and counts towards its frame");
        }
    }
}
