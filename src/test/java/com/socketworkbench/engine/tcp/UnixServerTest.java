package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionRejected;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.framing.DelimiterPreset;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.ShortTempDir;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.StaleSocketCheck;
import com.socketworkbench.engine.net.UnixPeerAddress;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.OptionValue;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** A TcpServer on a Unix domain socket, with the JDK's own Unix channels as peers. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixServerTest {
    @TempDir(factory = ShortTempDir.class)
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final List<SocketChannel> peers = new ArrayList<>();
    private TcpServer server;
    private Path socket;

    @AfterEach
    void tearDown() throws IOException {
        for (SocketChannel peer : peers) {
            peer.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private Path start(int maxConnections, boolean echo) throws SocketErrorException {
        socket = dir.resolve("srv.sock");
        server = new TcpServer(TcpServerConfig.unix(socket, maxConnections, echo), sink);
        assertNull(server.start(), "a Unix socket server has no TCP address");
        return socket;
    }

    private Path start() throws SocketErrorException {
        return start(TcpServerConfig.DEFAULT_MAX_CONNECTIONS, false);
    }

    /** Connects a JDK peer and returns the server's id for it (peers are connected one after another). */
    private long connectPeer() throws IOException {
        int before = sink.of(ConnectionAccepted.class).size();
        peers.add(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(ConnectionAccepted.class).size() > before);
        return sink.of(ConnectionAccepted.class).get(before).connectionId();
    }

    private SocketChannel peer(int index) {
        return peers.get(index);
    }

    private static InputStream in(SocketChannel channel) {
        return Channels.newInputStream(channel);
    }

    private static void write(SocketChannel channel, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void createsTheSocketFileReportsItAndRemovesItOnStop() throws Exception {
        Path path = start();
        assertTrue(Files.exists(path));
        assertEquals(StaleSocketCheck.IN_USE, TcpServer.checkUnixPath(path));
        ListenerStarted started = sink.awaitFirst(ListenerStarted.class);
        assertEquals(UnixDomainSocketAddress.of(path), started.local());
        assertEquals("UNIX", started.transport());
        assertEquals(UnixDomainSocketAddress.of(path), server.boundAddress());
        assertNull(server.localAddress());
        assertEquals("TcpServer[unix:" + path + "]", server.toString());

        server.stop();

        assertFalse(Files.exists(path), "the socket file is removed on stop");
        assertTrue(server.liveThreads().isEmpty());
        ListenerStopped stopped = assertInstanceOf(ListenerStopped.class, sink.all().getLast());
        assertEquals(UnixDomainSocketAddress.of(path), stopped.local());
    }

    @Test
    void carriesEveryByteValueExactlyBothWaysWithAJdkPeer() throws Exception {
        start();
        long id = connectPeer();
        ConnectionAccepted accepted = sink.of(ConnectionAccepted.class, id).getFirst();
        assertEquals(UnixDomainSocketAddress.of(socket), accepted.local());
        assertEquals(new UnixPeerAddress(socket, id), accepted.remote());
        assertEquals("unix:" + socket + " client #" + id, Endpoints.describe(accepted.remote()));

        byte[] all = allByteValues();
        write(peer(0), all);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == 256);
        assertArrayEquals(all, sink.received(id));
        BytesReceived received = sink.of(BytesReceived.class, id).getFirst();
        assertEquals(new UnixPeerAddress(socket, id), received.remote());

        byte[] reversed = new byte[256];
        for (int i = 0; i < 256; i++) {
            reversed[i] = all[255 - i];
        }
        server.send(id, reversed).get(10, TimeUnit.SECONDS);
        assertArrayEquals(reversed, in(peer(0)).readNBytes(256));

        ConnectionInfo info = server.connections().getFirst();
        assertEquals(id, info.id());
        assertEquals(256, info.bytesIn());
        assertEquals(256, info.bytesOut());
        assertEquals(1, info.messagesOut());
        assertEquals(sink.of(BytesReceived.class, id).size(), info.messagesIn());
    }

    @Test
    void transfersOneMegabyteEachWayIntact() throws Exception {
        start();
        long id = connectPeer();
        byte[] upload = new byte[1 << 20];
        byte[] download = new byte[1 << 20];
        new Random(1).nextBytes(upload);
        new Random(2).nextBytes(download);

        write(peer(0), upload);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == upload.length);
        assertArrayEquals(sha256(upload), sha256(sink.received(id)));

        // Far more than the socket buffer: the writer has to wait for the peer to read, more than once.
        CompletableFuture<Void> sent = server.send(id, download);
        byte[] got = in(peer(0)).readNBytes(download.length);
        sent.get(10, TimeUnit.SECONDS);
        assertArrayEquals(sha256(download), sha256(got));
        assertEquals(upload.length, server.connections().getFirst().bytesIn());
        assertEquals(download.length, server.connections().getFirst().bytesOut());
    }

    @Test
    void echoesToSeveralClients() throws Exception {
        start(TcpServerConfig.DEFAULT_MAX_CONNECTIONS, true);
        for (int i = 0; i < 5; i++) {
            connectPeer();
        }
        for (int i = 0; i < 5; i++) {
            write(peer(i), ascii("client " + i));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals("client " + i, new String(in(peer(i)).readNBytes(8), StandardCharsets.US_ASCII));
        }
        assertEquals(5, server.connectionCount());
    }

    @Test
    void echoesCorrectlyToTwoHundredConcurrentClients() throws Exception {
        start(TcpServerConfig.DEFAULT_MAX_CONNECTIONS, true);
        int clients = 200;
        for (int i = 0; i < clients; i++) {
            peers.add(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        }
        await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == clients);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                SocketChannel peer = peer(i);
                byte[] message = new byte[2000];
                new Random(i).nextBytes(message);
                results.add(pool.submit(() -> {
                    write(peer, message);
                    return Arrays.equals(message, in(peer).readNBytes(message.length));
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(20, TimeUnit.SECONDS), "an echo differed from what was sent");
            }
        }
        assertEquals(clients, sink.of(ConnectionAccepted.class).size());
        assertEquals(clients, sink.of(ConnectionAccepted.class).stream().map(ConnectionAccepted::remote)
                .distinct().count(), "every client has its own name");
    }

    @Test
    void rejectsClientsBeyondTheMaximum() throws Exception {
        start(1, false);
        connectPeer();
        SocketChannel extra = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        peers.add(extra);
        ConnectionRejected rejected = sink.awaitFirst(ConnectionRejected.class);
        assertEquals("(unnamed Unix socket)", Endpoints.describe(rejected.remote()));
        assertEquals(-1, extra.read(ByteBuffer.allocate(1)));
        assertEquals(1, server.rejectedCount());
    }

    @Test
    void peerCloseIsReportedAsPeerClosed() throws Exception {
        start();
        long id = connectPeer();
        peer(0).close();
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.PEER_CLOSED, closed.reason());
        assertEquals(new UnixPeerAddress(socket, id), closed.remote());
        await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == 0);
    }

    @Test
    void stopClosesEveryConnectionLeavesNoThreadAndNoFile() throws Exception {
        start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(connectPeer());
        }
        List<Thread> threads = server.liveThreads();
        assertEquals(1 + 3 * 2, threads.size(), "one accept thread and a reader and writer per connection");
        assertTrue(threads.stream().anyMatch(t -> t.getName().equals("tcp-server-accept-unix")));

        server.stop();

        assertTrue(threads.stream().noneMatch(Thread::isAlive), "threads still alive: " + threads);
        assertFalse(Files.exists(socket));
        for (int i = 0; i < ids.size(); i++) {
            List<ConnectionClosed> closed = sink.of(ConnectionClosed.class, ids.get(i));
            assertEquals(1, closed.size());
            assertEquals(CloseReason.LISTENER_STOPPED, closed.getFirst().reason());
            assertEquals(-1, peer(i).read(ByteBuffer.allocate(1)), "the peer sees end of stream");
        }
        assertInstanceOf(ListenerStopped.class, sink.all().getLast());
    }

    @Test
    void aStaleSocketFileIsReportedAndCanBeDeleted() throws Exception {
        socket = dir.resolve("srv.sock");
        // What a server that died leaves behind: the channel is closed, the file stays.
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket));
        }
        assertEquals(StaleSocketCheck.STALE_SOCKET, TcpServer.checkUnixPath(socket));

        TcpServer blocked = new TcpServer(TcpServerConfig.unix(socket), sink);
        SocketErrorException e = assertThrows(SocketErrorException.class, blocked::start);
        assertEquals(FailureKind.PORT_IN_USE, e.failure().kind());
        assertEquals("A file already exists at " + socket + ": a leftover socket file nobody is listening on (a"
                + " server ended without removing it); delete it to listen here", e.failure().message());
        assertEquals(e.failure(), sink.awaitFirst(Failure.class));
        assertTrue(Files.exists(socket), "a failed start leaves the file alone");

        TcpServer.deleteStaleSocket(socket);
        assertFalse(Files.exists(socket));
        assertEquals(StaleSocketCheck.FREE, TcpServer.checkUnixPath(socket));
        start();
        connectPeer();
    }

    @Test
    void deletingAStaleSocketReportsToTheSinkWhatHappened() throws Exception {
        socket = dir.resolve("srv.sock");
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(TcpServer.deleteStaleSocket(socket, sink));
        assertFalse(Files.exists(socket));
        assertEquals("Deleted the stale socket file " + socket, sink.awaitFirst(Notice.class).message());

        Files.writeString(socket, "precious");
        assertFalse(TcpServer.deleteStaleSocket(socket, sink));
        Failure refused = sink.awaitFirst(Failure.class);
        assertEquals(Operation.START, refused.operation());
        assertEquals(UnixDomainSocketAddress.of(socket), refused.local());
        assertTrue(refused.message().startsWith("Not deleted: " + socket), refused.message());
        assertEquals(1, sink.of(Failure.class).size());
        assertEquals("precious", Files.readString(socket));
    }

    @Test
    void aRegularFileAtThePathIsNeverTouched() throws Exception {
        socket = Files.writeString(dir.resolve("srv.sock"), "precious");
        assertEquals(StaleSocketCheck.NOT_A_SOCKET, TcpServer.checkUnixPath(socket));
        server = new TcpServer(TcpServerConfig.unix(socket), sink);
        SocketErrorException e = assertThrows(SocketErrorException.class, server::start);
        assertEquals(FailureKind.PORT_IN_USE, e.failure().kind());
        assertEquals("A file already exists at " + socket + " and it is a regular file, not a socket; choose another"
                + " path", e.failure().message());
        assertThrows(IOException.class, () -> TcpServer.deleteStaleSocket(socket));
        server.stop();
        assertEquals("precious", Files.readString(socket));
    }

    @Test
    void aSecondServerOnTheSamePathFailsAndTheFirstKeepsWorking() throws Exception {
        start(TcpServerConfig.DEFAULT_MAX_CONNECTIONS, true);
        RecordingSink otherSink = new RecordingSink();
        TcpServer second = new TcpServer(TcpServerConfig.unix(socket), otherSink);
        SocketErrorException e = assertThrows(SocketErrorException.class, second::start);
        assertEquals("A file already exists at " + socket + ": another program is listening on this socket; choose"
                + " another path or stop that program", e.failure().message());
        assertThrows(IOException.class, () -> TcpServer.deleteStaleSocket(socket));
        second.stop();
        assertTrue(Files.exists(socket), "the failed server does not remove the first one's file");

        long id = connectPeer();
        write(peer(0), ascii("ping"));
        assertEquals("ping", new String(in(peer(0)).readNBytes(4), StandardCharsets.US_ASCII));
        assertTrue(id > 0);
    }

    @Test
    void aMissingDirectoryIsExplained() {
        Path path = dir.resolve("nodir/srv.sock");
        server = new TcpServer(TcpServerConfig.unix(path), sink);
        SocketErrorException e = assertThrows(SocketErrorException.class, server::start);
        assertEquals(FailureKind.ADDRESS_NOT_AVAILABLE, e.failure().kind());
        assertEquals("Cannot create " + path + ": the directory " + dir.resolve("nodir") + " does not exist",
                e.failure().message());
        assertFalse(server.isRunning());
    }

    @Test
    void anUnwritableDirectoryIsExplained() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isWritable(locked), "running with root privileges: directory permissions do not stop"
                    + " this user, so the message is covered by UnixSocketErrorsTest instead");
            Path path = locked.resolve("srv.sock");
            server = new TcpServer(TcpServerConfig.unix(path), sink);
            SocketErrorException e = assertThrows(SocketErrorException.class, server::start);
            assertEquals(FailureKind.PERMISSION_DENIED, e.failure().kind());
            assertEquals("Permission denied creating " + path + ": the directory " + locked
                    + " is not writable for this user", e.failure().message());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aPathTooLongIsRefusedBeforeAnySocketIsOpened() {
        Path path = dir.resolve("x".repeat(120) + ".sock");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TcpServerConfig.unix(path));
        assertTrue(e.getMessage().startsWith("The socket path " + path + " is "), e.getMessage());
        assertTrue(e.getMessage().contains("bytes on this system; choose a shorter path"), e.getMessage());
    }

    @Test
    void halfCloseLetsThePeerSeeEndOfStreamAndStillSend() throws Exception {
        start();
        long id = connectPeer();
        server.send(id, ascii("bye"));
        server.close(id, CloseMode.HALF_CLOSE);
        assertArrayEquals(ascii("bye"), in(peer(0)).readNBytes(3));
        assertEquals(-1, peer(0).read(ByteBuffer.allocate(1)));
        sink.awaitFirst(Notice.class, n -> n.message().startsWith("Output shut down (half-close)"));

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> server.send(id, new byte[] {1}).get(5, TimeUnit.SECONDS));
        Failure halfClosed = assertInstanceOf(SocketErrorException.class, refused.getCause()).failure();
        assertEquals(FailureKind.INVALID_STATE, halfClosed.kind());

        write(peer(0), ascii("still here"));
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == 10);
        assertEquals("still here", new String(sink.received(id), StandardCharsets.US_ASCII));
        assertTrue(sink.of(ConnectionClosed.class, id).isEmpty());

        peer(0).close();
        assertEquals(CloseReason.PEER_CLOSED,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }

    @Test
    void abortClosesNormallyAndSaysThatUnixSocketsHaveNoReset() throws Exception {
        start();
        long id = connectPeer();
        server.close(id, CloseMode.ABORT);
        assertEquals(-1, peer(0).read(ByteBuffer.allocate(1)), "a normal end of stream, not a reset");
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        List<NetEvent> events = sink.all().stream().filter(e -> e.connectionId() == id).toList();
        Notice notice = assertInstanceOf(Notice.class, events.get(events.size() - 2));
        assertEquals("Abort (RST) is a TCP concept; a Unix socket was closed normally", notice.message());
        assertEquals(closed, events.getLast());
    }

    @Test
    void detailsOptionsPendingBytesAndCloseWordsFitAUnixSocket() throws Exception {
        start();
        server.setFramerFactory(new FramingSpec.Delimited(
                DelimiterPreset.LF.bytes(), false, 100)::create);
        server.setSocketOptions(new SocketOptionsSpec(null, true, null, 65_536,
                null, null, null, null, null, null, null, null));
        long id = connectPeer();

        ConnectionDetails details = server.details(id);
        assertEquals("Unix", details.family());
        assertEquals("stream (SOCK_STREAM)", details.type());
        assertEquals("unix:" + socket + " client #" + id, details.remote().toString());
        assertEquals(OptionValue.NOT_SUPPORTED,
                server.effectiveOptions(id).effective("TCP_NODELAY").orElseThrow(), "no TCP options on a Unix socket");
        assertEquals("Unix", server.listenerDetails().family());

        write(peer(0), ascii("half a li"));
        await().atMost(RecordingSink.WAIT).until(() -> server.connections().getFirst().pendingBytes() == 9);
        assertArrayEquals(ascii("half a li"), server.pending(id));

        server.disconnect(id);
        assertEquals(-1, in(peer(0)).read());
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals("closed (graceful close): the peer reads end of stream", closed.detail());
        assertTrue(sink.of(Notice.class, id).stream()
                .anyMatch(n -> n.message().equals("9 bytes pending (incomplete frame) at close")));
    }

    @Test
    void gracefulDisconnectSendsQueuedDataFirst() throws Exception {
        start();
        long id = connectPeer();
        byte[] data = new byte[512 * 1024];
        new Random(3).nextBytes(data);
        server.send(id, data);
        server.disconnect(id);
        byte[] got = in(peer(0)).readAllBytes();
        assertArrayEquals(sha256(data), sha256(got));
        assertEquals(CloseReason.LOCAL_CLOSE,
                sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id).reason());
    }

    @Test
    void stopWhileTheWriterWaitsForAPeerThatDoesNotRead() throws Exception {
        start();
        long id = connectPeer();
        CompletableFuture<Void> sent = server.send(id, new byte[8 << 20]);
        await().atMost(RecordingSink.WAIT).until(() -> server.connections().getFirst().bytesOut() > 0);
        server.stop();
        assertThrows(CancellationException.class, () -> sent.get(5, TimeUnit.SECONDS), "cut short by the stop");
        assertTrue(server.liveThreads().isEmpty());
        assertFalse(Files.exists(socket));
    }

    @Test
    void anIdleGapFramerEndsFramesOnSilence() throws Exception {
        start();
        server.setFramerFactory(() -> TestFramers.idleGap(150));
        long id = connectPeer();
        write(peer(0), ascii("ab"));
        write(peer(0), ascii("cd"));
        BytesReceived first = sink.awaitFirst(BytesReceived.class, r -> r.connectionId() == id);
        assertEquals("abcd", new String(first.data(), StandardCharsets.US_ASCII));

        write(peer(0), ascii("ef"));
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(BytesReceived.class, id).size() == 2);
        assertEquals("ef", new String(sink.of(BytesReceived.class, id).get(1).data(), StandardCharsets.US_ASCII));
        assertTrue(sink.of(ConnectionClosed.class).isEmpty(), "an idle gap must not close the connection");
    }

    @Test
    void aLinesFramerJoinsReadsOverUnix() throws Exception {
        start();
        server.setFramerFactory(TestFramers::lines);
        long id = connectPeer();
        write(peer(0), ascii("hel"));
        write(peer(0), ascii("lo\nwor"));
        write(peer(0), ascii("ld\n"));
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(BytesReceived.class, id).size() == 2);
        assertEquals("hello", new String(sink.of(BytesReceived.class, id).get(0).data(), StandardCharsets.US_ASCII));
        assertEquals("world", new String(sink.of(BytesReceived.class, id).get(1).data(), StandardCharsets.US_ASCII));
    }
}
