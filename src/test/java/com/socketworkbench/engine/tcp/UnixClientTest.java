package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.ShortTempDir;
import com.socketworkbench.engine.net.SocketErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A TcpClient on a Unix domain socket, against the JDK's own Unix server channel and against a TcpServer. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixClientTest {
    @TempDir(factory = ShortTempDir.class)
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private ServerSocketChannel jdkServer(Path path) throws IOException {
        ServerSocketChannel listener = keep(ServerSocketChannel.open(StandardProtocolFamily.UNIX));
        listener.bind(UnixDomainSocketAddress.of(path));
        return listener;
    }

    private TcpClient client(Path path) {
        return keep(new TcpClient(TcpClientConfig.unix(path), sink));
    }

    private static Failure failureOf(CompletableFuture<?> future) {
        ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(SocketErrorException.class, error.getCause()).failure();
    }

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static void write(SocketChannel channel, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Test
    void connectsToAJdkServerAndCarriesEveryByteValueBothWays() throws Exception {
        Path path = dir.resolve("jdk.sock");
        ServerSocketChannel listener = jdkServer(path);
        TcpClient client = client(path);

        assertNull(client.connect().get(10, TimeUnit.SECONDS), "a Unix client's own end has no address");
        SocketChannel peer = keep(listener.accept());
        assertTrue(client.isConnected());
        assertEquals(UnixDomainSocketAddress.of(path), client.remoteSocketAddress());
        assertEquals("(unnamed Unix socket)", Endpoints.describe(client.localSocketAddress()));
        assertNull(client.localAddress());
        assertNull(client.remoteAddress());
        ConnectionOpened opened = sink.awaitFirst(ConnectionOpened.class);
        assertEquals(UnixDomainSocketAddress.of(path), opened.remote());

        byte[] all = allByteValues();
        client.send(all).get(10, TimeUnit.SECONDS);
        assertArrayEquals(all, Channels.newInputStream(peer).readNBytes(256));
        write(peer, all);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(client.id()) == 256);
        assertArrayEquals(all, sink.received(client.id()));
        assertEquals(256, client.bytesIn());
        assertEquals(256, client.bytesOut());
        assertEquals(1, client.messagesOut());
    }

    @Test
    void talksToAUnixTcpServerWithEcho() throws Exception {
        Path path = dir.resolve("echo.sock");
        RecordingSink serverSink = new RecordingSink();
        TcpServer server = keep(new TcpServer(TcpServerConfig.unix(path, 10, true), serverSink));
        server.start();
        TcpClient client = client(path);
        client.connect().get(10, TimeUnit.SECONDS);

        byte[] all = allByteValues();
        client.send(all).get(10, TimeUnit.SECONDS);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(client.id()) == 256);
        assertArrayEquals(all, sink.received(client.id()));
        long serverId = serverSink.awaitFirst(BytesReceived.class).connectionId();
        assertArrayEquals(all, serverSink.received(serverId));

        client.disconnect();
        assertEquals(CloseReason.LOCAL_CLOSE, sink.awaitFirst(ConnectionClosed.class).reason());
        assertEquals(CloseReason.PEER_CLOSED, serverSink.awaitFirst(ConnectionClosed.class).reason());

        // The same client may connect again.
        client.connect().get(10, TimeUnit.SECONDS);
        client.send(new byte[] {42}).get(10, TimeUnit.SECONDS);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(client.id()) == 257);
    }

    @Test
    void aMissingSocketFileIsExplained() {
        Path path = dir.resolve("none.sock");
        TcpClient client = client(path);
        Failure failure = failureOf(client.connect());
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("Cannot connect to " + path + ": no socket file exists there (is the server running, and is"
                + " the path right?)", failure.message());
        assertEquals(failure, sink.awaitFirst(Failure.class));
        assertFalse(client.isConnected());
        await().atMost(RecordingSink.WAIT).until(() -> client.liveThreads().isEmpty());
    }

    @Test
    void aStaleSocketFileIsRefusedWithAnExplanation() throws Exception {
        Path path = dir.resolve("stale.sock");
        jdkServer(path).close();
        assertTrue(Files.exists(path));
        Failure failure = failureOf(client(path).connect());
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("Connection refused: nobody is listening on " + path
                + " (the socket file is left over from a server that has ended)", failure.message());
    }

    @Test
    void aRegularFileIsNotASocket() throws Exception {
        Path path = Files.writeString(dir.resolve("notes.txt"), "x");
        Failure failure = failureOf(client(path).connect());
        assertEquals("Cannot connect to " + path + ": it is a regular file, not a socket", failure.message());
    }

    @Test
    void aServerWhoseQueueIsFullIsExplained() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "Linux answers a connect to a full queue with EAGAIN; other systems refuse or wait");
        Path path = dir.resolve("full.sock");
        ServerSocketChannel listener = keep(ServerSocketChannel.open(StandardProtocolFamily.UNIX));
        listener.bind(UnixDomainSocketAddress.of(path), 1); // never accepts
        Failure failure = null;
        for (int i = 0; i < 20 && failure == null; i++) {
            CompletableFuture<?> connected = client(path).connect();
            try {
                connected.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = assertInstanceOf(SocketErrorException.class, e.getCause()).failure();
            }
        }
        assertTrue(failure != null, "a listener with a backlog of 1 that never accepts refuses at some point");
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("The server at " + path + " is not accepting connections now: its queue of pending"
                + " connections is full", failure.message());
    }

    @Test
    void configNeedsAShortEnoughPathAndIgnoresHostAndPort() {
        Path tooLong = dir.resolve("y".repeat(120));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TcpClientConfig.unix(tooLong));
        assertTrue(e.getMessage().startsWith("The socket path " + tooLong), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TcpClientConfig.unix(null));

        TcpClientConfig config = new TcpClientConfig("ignored", 99999, Duration.ofSeconds(1), dir.resolve("a.sock"));
        assertTrue(config.isUnix());
        assertEquals("", config.host());
        assertEquals(0, config.port());
        assertFalse(new TcpClientConfig("127.0.0.1", 80).isUnix());
    }

    @Test
    void halfCloseKeepsReceiving() throws Exception {
        Path path = dir.resolve("half.sock");
        ServerSocketChannel listener = jdkServer(path);
        TcpClient client = client(path);
        client.connect().get(10, TimeUnit.SECONDS);
        SocketChannel peer = keep(listener.accept());

        client.close(CloseMode.HALF_CLOSE);
        assertEquals(-1, peer.read(ByteBuffer.allocate(1)));
        write(peer, "reply".getBytes(StandardCharsets.US_ASCII));
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(client.id()) == 5);
        assertTrue(client.isConnected());
        peer.close();
        assertEquals(CloseReason.PEER_CLOSED, sink.awaitFirst(ConnectionClosed.class).reason());
    }

    @Test
    void abortClosesNormallyWithANotice() throws Exception {
        Path path = dir.resolve("abort.sock");
        ServerSocketChannel listener = jdkServer(path);
        TcpClient client = client(path);
        client.connect().get(10, TimeUnit.SECONDS);
        SocketChannel peer = keep(listener.accept());

        client.close(CloseMode.ABORT);
        assertEquals(-1, peer.read(ByteBuffer.allocate(1)), "a normal end of stream, not a reset");
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        List<NetEvent> events = sink.all();
        Notice notice = assertInstanceOf(Notice.class, events.get(events.size() - 2));
        assertEquals("Abort (RST) is a TCP concept; a Unix socket was closed normally", notice.message());
    }

    @Test
    void anIdleGapFramerWorksOnTheClientSide() throws Exception {
        Path path = dir.resolve("idle.sock");
        ServerSocketChannel listener = jdkServer(path);
        TcpClient client = client(path);
        client.setFramerFactory(() -> TestFramers.idleGap(100));
        client.connect().get(10, TimeUnit.SECONDS);
        SocketChannel peer = keep(listener.accept());

        write(peer, "12".getBytes(StandardCharsets.US_ASCII));
        write(peer, "34".getBytes(StandardCharsets.US_ASCII));
        BytesReceived frame = sink.awaitFirst(BytesReceived.class);
        assertEquals("1234", new String(frame.data(), StandardCharsets.US_ASCII));
        assertTrue(sink.of(ConnectionClosed.class).isEmpty());
    }

    @Test
    void closeEndsEveryThread() throws Exception {
        Path path = dir.resolve("close.sock");
        ServerSocketChannel listener = jdkServer(path);
        TcpClient client = client(path);
        client.connect().get(10, TimeUnit.SECONDS);
        SocketChannel peer = keep(listener.accept());
        client.send(new byte[4 << 20]); // more than the socket holds: the writer ends up waiting
        await().atMost(RecordingSink.WAIT).until(() -> client.bytesOut() > 0);

        client.close();

        assertTrue(client.liveThreads().isEmpty(), "threads left: " + client.liveThreads());
        assertFalse(client.isConnected());
        byte[] delivered = Channels.newInputStream(peer).readAllBytes();
        assertTrue(delivered.length < 4 << 20, "the close dropped what the peer did not take");
        assertEquals(1, sink.of(ConnectionClosed.class).size());
    }
}
