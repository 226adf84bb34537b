package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionRejected;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final RecordingSink sink = new RecordingSink();
    private final List<Socket> peers = new ArrayList<>();
    private TcpServer server;

    @AfterEach
    void tearDown() {
        for (Socket peer : peers) {
            try {
                peer.close();
            } catch (IOException ignored) {
                // the test is over; a peer that fails to close changes nothing
            }
        }
        if (server != null) {
            server.stop();
        }
    }

    private InetSocketAddress start(int maxConnections, boolean echo) throws SocketErrorException {
        server = new TcpServer(new TcpServerConfig("127.0.0.1", 0, maxConnections, echo), sink);
        return server.start();
    }

    private InetSocketAddress start() throws SocketErrorException {
        return start(TcpServerConfig.DEFAULT_MAX_CONNECTIONS, false);
    }

    private Socket peer(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        peers.add(socket);
        socket.setSoTimeout(10_000);
        socket.connect(address, 5_000);
        return socket;
    }

    /** Connects a peer and returns the server-side id of its connection. */
    private long connectPeer(Socket socket, InetSocketAddress address) throws IOException {
        socket.setSoTimeout(10_000);
        socket.connect(address, 5_000);
        int localPort = socket.getLocalPort();
        return sink.awaitFirst(ConnectionAccepted.class,
                a -> ((InetSocketAddress) a.remote()).getPort() == localPort).connectionId();
    }

    private long connectPeer(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        peers.add(socket);
        return connectPeer(socket, address);
    }

    private Socket peerOf(long id) {
        InetSocketAddress remote = (InetSocketAddress) sink.of(ConnectionAccepted.class, id).getFirst().remote();
        return peers.stream().filter(p -> p.getLocalPort() == remote.getPort()).findFirst().orElseThrow();
    }

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void startsOnAFreePortAndReportsTheActualAddress() throws Exception {
        InetSocketAddress address = start();
        assertTrue(address.getPort() > 0);
        assertTrue(server.isRunning());
        assertEquals(address, server.localAddress());
        ListenerStarted started = sink.awaitFirst(ListenerStarted.class);
        assertEquals(0, started.connectionId());
        assertEquals(address, started.local());
        assertEquals("TCP", started.transport());
    }

    @Test
    void carriesEveryByteValueExactlyBothWays() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        Socket peer = peerOf(id);
        byte[] all = allByteValues();

        peer.getOutputStream().write(all);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == 256);
        assertArrayEquals(all, sink.received(id));

        byte[] reversed = new byte[256];
        for (int i = 0; i < 256; i++) {
            reversed[i] = all[255 - i];
        }
        server.send(id, reversed).get(10, TimeUnit.SECONDS);
        assertArrayEquals(reversed, peer.getInputStream().readNBytes(256));

        BytesSent sent = sink.awaitFirst(BytesSent.class);
        assertArrayEquals(reversed, sent.data());
        ConnectionInfo info = server.connections().getFirst();
        assertEquals(id, info.id());
        assertEquals(256, info.bytesIn());
        assertEquals(256, info.bytesOut());
        assertEquals(1, info.messagesOut());
        assertEquals(sink.of(BytesReceived.class, id).size(), info.messagesIn());
    }

    @Test
    void sendCopiesTheCallersArray() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        byte[] data = "original".getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<Void> sent = server.send(id, data);
        data[0] = 'X';
        sent.get(10, TimeUnit.SECONDS);
        assertArrayEquals("original".getBytes(StandardCharsets.US_ASCII),
                peerOf(id).getInputStream().readNBytes(8));
    }

    @Test
    void transfersOneMegabyteEachWayIntact() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        Socket peer = peerOf(id);
        byte[] upload = new byte[1 << 20];
        byte[] download = new byte[1 << 20];
        new Random(1).nextBytes(upload);
        new Random(2).nextBytes(download);

        peer.getOutputStream().write(upload);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == upload.length);
        assertArrayEquals(sha256(upload), sha256(sink.received(id)));

        CompletableFuture<Void> sent = server.send(id, download);
        byte[] got = peer.getInputStream().readNBytes(download.length);
        sent.get(10, TimeUnit.SECONDS);
        assertArrayEquals(sha256(download), sha256(got));
        assertEquals(upload.length, server.connections().getFirst().bytesIn());
        assertEquals(download.length, server.connections().getFirst().bytesOut());
    }

    @Test
    void echoesCorrectlyToTwoHundredConcurrentClients() throws Exception {
        InetSocketAddress address = start(TcpServerConfig.DEFAULT_MAX_CONNECTIONS, true);
        int clients = 200;
        for (int i = 0; i < clients; i++) {
            peer(address);
        }
        await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == clients);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Socket peer = peers.get(i);
                byte[] message = new byte[2000];
                new Random(i).nextBytes(message);
                results.add(pool.submit(() -> {
                    peer.getOutputStream().write(message);
                    return Arrays.equals(message, peer.getInputStream().readNBytes(message.length));
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(20, TimeUnit.SECONDS), "an echo differed from what was sent");
            }
        }
        assertEquals(clients, sink.of(ConnectionAccepted.class).size());
    }

    @Test
    void echoCanBeSwitchedOnWhileRunning() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        Socket peer = peerOf(id);
        assertFalse(server.echo());
        server.setEcho(true);
        assertTrue(server.echo());
        peer.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(4));
    }

    @Test
    void peerCloseIsReportedOnceAsPeerClosed() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        peerOf(id).close();
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.PEER_CLOSED, closed.reason());
        await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == 0);
        server.stop();
        assertEquals(1, sink.of(ConnectionClosed.class, id).size());
    }

    @Test
    void peerResetIsReportedAsReset() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        Socket peer = peerOf(id);
        peer.setSoLinger(true, 0);
        peer.close();
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.RESET, closed.reason());
        assertTrue(sink.of(Failure.class).isEmpty(), "a reset is a close reason, not a failure: " + sink.all());
    }

    @Test
    void rejectsConnectionsBeyondTheMaximum() throws Exception {
        InetSocketAddress address = start(2, false);
        for (int i = 0; i < 4; i++) {
            peer(address);
        }
        await().atMost(RecordingSink.WAIT).until(() -> server.rejectedCount() == 2);
        assertEquals(2, server.connectionCount());
        List<ConnectionRejected> rejected = sink.of(ConnectionRejected.class);
        assertEquals(2, rejected.size());
        assertEquals("maximum of 2 connections reached", rejected.getFirst().reason());
        assertEquals(2, sink.of(ConnectionAccepted.class).size());
    }

    @Test
    void aPortInUseFailsWithThePortInTheMessage() throws Exception {
        try (ServerSocket blocker = new ServerSocket(0, 1, LOOPBACK)) {
            int port = blocker.getLocalPort();
            server = new TcpServer(new TcpServerConfig("127.0.0.1", port), sink);
            SocketErrorException error = assertThrows(SocketErrorException.class, server::start);
            assertEquals(FailureKind.PORT_IN_USE, error.failure().kind());
            assertEquals("Port " + port + " on 127.0.0.1 is already in use by another program",
                    error.failure().message());
            assertEquals(List.of(error.failure()), sink.of(Failure.class), "one Failure, the one thrown");
            assertEquals(Operation.START, error.failure().operation());
            assertFalse(server.isRunning());
            assertTrue(server.liveThreads().isEmpty());
        }
    }

    @Test
    void anUnknownBindHostFailsAsUnknownHost() {
        server = new TcpServer(new TcpServerConfig("nonexistent.invalid", 0), sink);
        SocketErrorException error = assertThrows(SocketErrorException.class, server::start);
        assertEquals(FailureKind.UNKNOWN_HOST, error.failure().kind());
        assertTrue(error.getMessage().contains("nonexistent.invalid"), error.getMessage());
        assertEquals(List.of(error.failure()), sink.of(Failure.class));
    }

    @Test
    void stopClosesEverythingLeavesNoThreadAndFreesThePort() throws Exception {
        InetSocketAddress address = start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(connectPeer(address));
        }
        List<Thread> threads = server.liveThreads();
        assertEquals(1 + 3 * 2, threads.size(), "one accept thread and a reader and writer per connection");
        assertTrue(threads.stream().anyMatch(t -> t.getName().equals("tcp-server-accept-" + address.getPort())));
        assertTrue(threads.stream().anyMatch(t -> t.getName().equals("tcp-conn-" + ids.getFirst() + "-read")));
        assertTrue(threads.stream().anyMatch(t -> t.getName().equals("tcp-conn-" + ids.getFirst() + "-write")));

        server.stop();

        assertTrue(threads.stream().noneMatch(Thread::isAlive), "threads still alive: " + threads);
        assertTrue(server.liveThreads().isEmpty());
        assertFalse(server.isRunning());
        for (long id : ids) {
            List<ConnectionClosed> closed = sink.of(ConnectionClosed.class, id);
            assertEquals(1, closed.size());
            assertEquals(CloseReason.LISTENER_STOPPED, closed.getFirst().reason());
            assertEquals(-1, peerOf(id).getInputStream().read(), "the peer sees end of stream");
        }
        NetEvent last = sink.all().getLast();
        ListenerStopped stopped = assertInstanceOf(ListenerStopped.class, last);
        assertEquals("stopped by user", stopped.reason());
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(address);
            assertEquals(address.getPort(), again.getLocalPort());
        }
        server.stop();
        assertEquals(1, sink.of(ListenerStopped.class).size(), "stop is idempotent");
        assertThrows(IllegalStateException.class, server::start);
    }

    @Test
    void stopWhileClientsKeepConnectingLeavesNoConnectionBehind() throws Exception {
        InetSocketAddress address = start();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> connecting = pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    try (Socket s = new Socket()) {
                        s.connect(address, 2_000);
                    } catch (IOException refusedAfterStop) {
                        return;
                    }
                }
            });
            await().atMost(RecordingSink.WAIT).until(() -> sink.of(ConnectionAccepted.class).size() >= 5);
            List<Thread> threads = server.liveThreads();
            server.stop();
            connecting.get(20, TimeUnit.SECONDS);
            assertTrue(threads.stream().noneMatch(Thread::isAlive));
        }
        assertTrue(server.liveThreads().isEmpty());
        for (ConnectionAccepted accepted : sink.of(ConnectionAccepted.class)) {
            assertEquals(1, sink.of(ConnectionClosed.class, accepted.connectionId()).size(),
                    "connection " + accepted.connectionId());
        }
        assertInstanceOf(ListenerStopped.class, sink.all().getLast());
    }

    @Test
    void stopDuringTrafficEndsEachConnectionWithItsCloseEvent() throws Exception {
        InetSocketAddress address = start(TcpServerConfig.DEFAULT_MAX_CONNECTIONS, true);
        int clients = 20;
        for (int i = 0; i < clients; i++) {
            peer(address);
        }
        await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == clients);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Socket peer : List.copyOf(peers)) {
                pool.submit(() -> {
                    byte[] chunk = new byte[4096];
                    for (int i = 0; i < 2000; i++) {
                        peer.getOutputStream().write(chunk);
                        peer.getInputStream().readNBytes(chunk.length);
                    }
                    return null;
                });
            }
            await().atMost(RecordingSink.WAIT).until(() -> sink.of(BytesSent.class).size() > 200);
            List<Thread> threads = server.liveThreads();
            server.stop();
            assertTrue(threads.stream().noneMatch(Thread::isAlive));
            for (Socket peer : peers) {
                peer.close(); // ends the peers' loops
            }
        }
        List<NetEvent> events = sink.all();
        for (ConnectionAccepted accepted : sink.of(ConnectionAccepted.class)) {
            List<NetEvent> ofConnection = events.stream()
                    .filter(e -> e.connectionId() == accepted.connectionId()).toList();
            ConnectionClosed closed = assertInstanceOf(ConnectionClosed.class, ofConnection.getLast(),
                    "last event of connection " + accepted.connectionId());
            assertEquals(CloseReason.LISTENER_STOPPED, closed.reason());
            assertEquals(1, ofConnection.stream().filter(ConnectionClosed.class::isInstance).count());
        }
        assertInstanceOf(ListenerStopped.class, events.getLast());
    }

    @Test
    void aSinkThatThrowsDoesNotBreakTheServer() throws Exception {
        server = new TcpServer(new TcpServerConfig("127.0.0.1", 0, 10, true), event -> {
            throw new IllegalStateException("broken sink");
        });
        InetSocketAddress address = server.start();
        Socket peer = peer(address);
        peer.getOutputStream().write("echo me".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("echo me".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(7));
    }

    @Test
    void stopMayBeCalledFromAnEventCallback() throws Exception {
        CompletableFuture<TcpServer> self = new CompletableFuture<>();
        server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), event -> {
            sink.emit(event);
            if (event instanceof BytesReceived) {
                self.join().stop();
            }
        });
        self.complete(server);
        InetSocketAddress address = server.start();
        long id = connectPeer(address);
        List<Thread> threads = server.liveThreads();
        peerOf(id).getOutputStream().write(1);
        sink.awaitFirst(ListenerStopped.class);
        await().atMost(RecordingSink.WAIT).until(() -> threads.stream().noneMatch(Thread::isAlive));
        assertEquals(CloseReason.LISTENER_STOPPED, sink.of(ConnectionClosed.class, id).getFirst().reason());
        assertFalse(server.isRunning());
    }

    @Test
    void listensOnTheIpv6Loopback() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
            assumeTrue(probe.isBound());
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
        }
        server = new TcpServer(new TcpServerConfig("[::1]", 0), sink);
        InetSocketAddress address = server.start();
        assertEquals(v6, address.getAddress());
        long id = connectPeer(address);
        peerOf(id).getOutputStream().write(7);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == 1);
        assertEquals(v6, ((InetSocketAddress) sink.of(ConnectionAccepted.class, id).getFirst().remote()).getAddress());
    }

    @Test
    void writingToAPeerThatHasGoneFailsAsBrokenPipeOrReset() throws Exception {
        InetSocketAddress address = start();
        Socket peer = new Socket();
        peers.add(peer);
        peer.setReceiveBufferSize(4096);
        long id = connectPeer(peer, address);
        byte[] big = new byte[16 << 20];
        CompletableFuture<Void> sent = server.send(id, big);
        // The peer does not read, so the writer is stuck once the socket buffers are full.
        await().atMost(RecordingSink.WAIT).until(() -> server.connections().getFirst().bytesOut() > 0);
        peer.setSoLinger(true, 0);
        peer.close();

        Failure failure = sink.awaitFirst(Failure.class);
        assertTrue(failure.kind() == FailureKind.BROKEN_PIPE || failure.kind() == FailureKind.CONNECTION_RESET,
                failure.toString());
        assertTrue(failure.message().matches("The peer .*: \\d+ bytes were not sent"), failure.message());
        ExecutionException error = assertThrows(ExecutionException.class, () -> sent.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, error.getCause());
        assertEquals(CloseReason.RESET,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }

    @Test
    void sendingToAnUnknownConnectionFailsWithExactlyOneFailureEvent() throws Exception {
        start();
        int before = sink.all().size();
        ExecutionException error = assertThrows(ExecutionException.class,
                () -> server.send(42, new byte[]{1}).get(5, TimeUnit.SECONDS));
        Failure failure = assertInstanceOf(SocketErrorException.class, error.getCause()).failure();
        assertEquals(FailureKind.INVALID_STATE, failure.kind());
        assertEquals(Operation.SEND, failure.operation());
        assertEquals(42, failure.connectionId());
        assertEquals(server.localAddress(), failure.local());
        assertEquals("Not sent: client #42 is not connected (any more)", failure.message());
        assertEquals(List.of(failure), sink.all().subList(before, sink.all().size()));
    }

    @Test
    void sendingToAllWithoutAnyClientFailsOnce() throws Exception {
        start();
        ExecutionException error = assertThrows(ExecutionException.class,
                () -> server.sendToAll(new byte[]{1}).get(5, TimeUnit.SECONDS));
        Failure failure = assertInstanceOf(SocketErrorException.class, error.getCause()).failure();
        assertEquals(FailureKind.INVALID_STATE, failure.kind());
        assertEquals(0, failure.connectionId());
        assertEquals(List.of(failure), sink.of(Failure.class));
    }

    @Test
    void aSendBeyondTheQueueLimitFailsFast() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        CompletableFuture<Void> tooBig = server.send(id, new byte[(int) TcpConnection.MAX_QUEUED_BYTES + 1]);
        ExecutionException error = assertThrows(ExecutionException.class, () -> tooBig.get(1, TimeUnit.SECONDS));
        SocketErrorException cause = assertInstanceOf(SocketErrorException.class, error.getCause());
        assertEquals(FailureKind.LIMIT_EXCEEDED, cause.failure().kind());
        assertEquals(Operation.SEND, cause.failure().operation());
        assertEquals(List.of(cause.failure()), sink.of(Failure.class));
        assertEquals(1, server.connectionCount(), "the connection stays open");
    }

    @Test
    void queuedBytesCountTowardsTheLimitWhileThePeerDoesNotRead() throws Exception {
        InetSocketAddress address = start();
        Socket peer = new Socket();
        peers.add(peer);
        peer.setReceiveBufferSize(4096);
        long id = connectPeer(peer, address);
        byte[] chunk = new byte[24 << 20];
        CompletableFuture<Void> first = server.send(id, chunk);
        await().atMost(RecordingSink.WAIT).until(() -> server.connections().getFirst().bytesOut() > 0);
        CompletableFuture<Void> second = server.send(id, chunk);
        CompletableFuture<Void> third = server.send(id, chunk);
        CompletableFuture<Void> fourth = server.send(id, chunk);
        assertTrue(fourth.isCompletedExceptionally(), "48 MiB queued + 24 MiB exceeds 64 MiB");
        assertFalse(second.isDone());
        assertFalse(third.isDone());
        assertFalse(first.isDone());
    }

    @Test
    void gracefulDisconnectSendsQueuedDataFirst() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        byte[] data = new byte[1 << 20];
        new Random(3).nextBytes(data);
        server.send(id, data);
        server.disconnect(id);
        InputStream in = peerOf(id).getInputStream();
        assertArrayEquals(sha256(data), sha256(in.readNBytes(data.length)));
        assertEquals(-1, in.read());
        assertEquals(CloseReason.LOCAL_CLOSE,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }

    @Test
    void halfCloseLetsThePeerSeeEndOfStreamAndStillSend() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        Socket peer = peerOf(id);
        server.send(id, "bye".getBytes(StandardCharsets.US_ASCII));
        server.close(id, CloseMode.HALF_CLOSE);
        assertArrayEquals("bye".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(3));
        assertEquals(-1, peer.getInputStream().read());

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> server.send(id, new byte[]{1}).get(5, TimeUnit.SECONDS));
        Failure halfClosed = assertInstanceOf(SocketErrorException.class, refused.getCause()).failure();
        assertEquals(FailureKind.INVALID_STATE, halfClosed.kind());
        assertEquals(List.of(halfClosed), sink.of(Failure.class));

        peer.getOutputStream().write("still here".getBytes(StandardCharsets.US_ASCII));
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == 10);
        assertEquals("still here", new String(sink.received(id), StandardCharsets.US_ASCII));
        assertTrue(sink.of(ConnectionClosed.class, id).isEmpty());

        peer.close();
        assertEquals(CloseReason.PEER_CLOSED,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }

    @Test
    void abortMakesThePeerSeeAReset() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        Socket peer = peerOf(id);
        server.close(id, CloseMode.ABORT);
        SocketException reset = assertThrows(SocketException.class, () -> peer.getInputStream().read());
        assertTrue(reset.getMessage().contains("Connection reset"), reset.getMessage());
        assertEquals(CloseReason.LOCAL_CLOSE,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }

    @Test
    void sendToAllReachesEveryConnection() throws Exception {
        InetSocketAddress address = start();
        long a = connectPeer(address);
        long b = connectPeer(address);
        server.sendToAll("all".getBytes(StandardCharsets.US_ASCII)).get(10, TimeUnit.SECONDS);
        assertArrayEquals("all".getBytes(StandardCharsets.US_ASCII), peerOf(a).getInputStream().readNBytes(3));
        assertArrayEquals("all".getBytes(StandardCharsets.US_ASCII), peerOf(b).getInputStream().readNBytes(3));
    }

    @Test
    void aNewFramerAppliesToOpenConnectionsAtTheirNextRead() throws Exception {
        InetSocketAddress address = start();
        long id = connectPeer(address);
        server.setFramerFactory(TestFramers::lines);
        peerOf(id).getOutputStream().write("one\ntwo\n".getBytes(StandardCharsets.US_ASCII));
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(BytesReceived.class, id).size() == 2);
        List<BytesReceived> frames = sink.of(BytesReceived.class, id);
        assertEquals("one", new String(frames.get(0).data(), StandardCharsets.US_ASCII));
        assertEquals("two", new String(frames.get(1).data(), StandardCharsets.US_ASCII));
        assertEquals(2, server.connections().getFirst().messagesIn());
        assertEquals(8, server.connections().getFirst().bytesIn());
    }

    @Test
    void anIdleGapFramerIsCalledWhenTheStreamFallsSilent() throws Exception {
        InetSocketAddress address = start();
        server.setFramerFactory(() -> TestFramers.idleGap(150));
        long id = connectPeer(address);
        Socket peer = peerOf(id);
        peer.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
        BytesReceived first = sink.awaitFirst(BytesReceived.class, r -> r.connectionId() == id);
        assertEquals("abc", new String(first.data(), StandardCharsets.US_ASCII));
        peer.getOutputStream().write("def".getBytes(StandardCharsets.US_ASCII));
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(BytesReceived.class, id).size() == 2);
        assertEquals("def", new String(sink.of(BytesReceived.class, id).get(1).data(), StandardCharsets.US_ASCII));
        assertTrue(sink.of(ConnectionClosed.class).isEmpty(), "an idle timeout must not close the connection");
    }

    @Test
    void aFrameTooLargeClosesTheConnectionWithALimitFailure() throws Exception {
        InetSocketAddress address = start();
        server.setFramerFactory(() -> TestFramers.atMost(4));
        long id = connectPeer(address);
        peerOf(id).getOutputStream().write(new byte[10]);
        Failure failure = sink.awaitFirst(Failure.class);
        assertEquals(FailureKind.LIMIT_EXCEEDED, failure.kind());
        assertTrue(failure.message().contains("maximum of 4 bytes"), failure.message());
        assertEquals(CloseReason.ERROR,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }
}
