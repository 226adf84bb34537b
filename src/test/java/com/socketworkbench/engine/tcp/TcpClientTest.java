package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpClientTest {
    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final Map<Class<?>, String> emittingThreads = new ConcurrentHashMap<>();
    private final RecordingSink recorder = tcp.sink();
    private ServerSocket peerServer;

    private void record(NetEvent event) {
        emittingThreads.putIfAbsent(event.getClass(), Thread.currentThread().getName());
        recorder.emit(event);
    }

    @BeforeEach
    void openPeerServer() throws IOException {
        peerServer = tcp.listener();
    }

    private TcpClient client(String host, int port, Duration timeout) {
        return tcp.track(new TcpClient(new TcpClientConfig(host, port, timeout), this::record));
    }

    private TcpClient client() {
        return client("127.0.0.1", peerServer.getLocalPort(), null);
    }

    private Socket accept() throws IOException {
        return tcp.accept(peerServer);
    }

    private static Failure failureOf(CompletableFuture<?> future) {
        ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(SocketErrorException.class, error.getCause()).failure();
    }

    @Test
    void connectsOnItsOwnThreadAndCarriesEveryByteValueBothWays() throws Exception {
        TcpClient client = client();
        InetSocketAddress local = client.connect().get(10, TimeUnit.SECONDS);
        Socket peer = accept();
        assertEquals(peer.getPort(), local.getPort());
        assertTrue(client.isConnected());
        assertEquals(local, client.localAddress());
        assertEquals(peerServer.getLocalPort(), client.remoteAddress().getPort());
        ConnectionOpened opened = recorder.awaitFirst(ConnectionOpened.class);
        assertEquals(client.id(), opened.connectionId());
        assertEquals(local, opened.local());
        assertEquals("tcp-client-connect", emittingThreads.get(ConnectionOpened.class));

        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        client.send(all).get(10, TimeUnit.SECONDS);
        assertArrayEquals(all, peer.getInputStream().readNBytes(256));
        peer.getOutputStream().write(all);
        await().atMost(RecordingSink.WAIT).until(() -> recorder.receivedCount(client.id()) == 256);
        assertArrayEquals(all, recorder.received(client.id()));
        assertEquals("tcp-conn-" + client.id() + "-read", emittingThreads.get(
                BytesReceived.class));
        assertEquals(256, client.bytesIn());
        assertEquals(256, client.bytesOut());
        assertEquals(1, client.messagesOut());
        assertTrue(client.messagesIn() >= 1);
    }

    @Test
    void transfersOneMegabyteEachWayIntact() throws Exception {
        TcpClient client = client();
        client.connect().get(10, TimeUnit.SECONDS);
        Socket peer = accept();
        byte[] up = new byte[1 << 20];
        byte[] down = new byte[1 << 20];
        new Random(5).nextBytes(up);
        new Random(6).nextBytes(down);
        CompletableFuture<Void> sent = client.send(up);
        byte[] got = peer.getInputStream().readNBytes(up.length);
        sent.get(10, TimeUnit.SECONDS);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertArrayEquals(sha.digest(up), sha.digest(got));
        peer.getOutputStream().write(down);
        await().atMost(RecordingSink.WAIT).until(() -> recorder.receivedCount(client.id()) == down.length);
        assertArrayEquals(sha.digest(down), sha.digest(recorder.received(client.id())));
    }

    @Test
    void aClosedPortIsReportedAsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, TcpFixture.LOOPBACK)) {
            port = closed.getLocalPort();
        }
        TcpClient client = client("127.0.0.1", port, null);
        Failure failure = failureOf(client.connect());
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals("Connection refused: nothing is listening on 127.0.0.1:" + port + " (or a firewall rejected it)",
                failure.message());
        assertEquals(List.of(failure), recorder.of(Failure.class), "exactly one Failure, the one the future carries");
        assertEquals(Operation.CONNECT, failure.operation());
        assertFalse(client.isConnected());
    }

    @Test
    void anUnknownHostIsReportedAsSuch() {
        TcpClient client = client("nonexistent.invalid", 80, null);
        Failure failure = failureOf(client.connect());
        assertEquals(FailureKind.UNKNOWN_HOST, failure.kind());
        assertEquals("Unknown host 'nonexistent.invalid': the name could not be resolved", failure.message());
        assertEquals(List.of(failure), recorder.of(Failure.class));
    }

    /**
     * Linux drops SYNs while a listener's accept queue is full, so a listener with backlog 1 that never accepts makes
     * connects time out on loopback. The queue is filled with plain sockets until one of them times out.
     */
    @Test
    void aListenerThatNeverAnswersGivesAConnectTimeout() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, TcpFixture.LOOPBACK)) {
            assumeTrue(tcp.fillAcceptQueue(full),
                    "this kernel keeps answering a full listener; see SocketErrorsTest instead");

            TcpClient client = client("127.0.0.1", full.getLocalPort(), Duration.ofMillis(500));
            Failure failure = failureOf(client.connect());
            assertEquals(FailureKind.CONNECT_TIMEOUT, failure.kind());
            assertEquals("No answer from 127.0.0.1:" + full.getLocalPort() + " within 500 ms", failure.message());

            TcpClient cancelled = client("127.0.0.1", full.getLocalPort(), Duration.ofSeconds(20));
            CompletableFuture<InetSocketAddress> pending = cancelled.connect();
            assertFalse(pending.isDone());
            cancelled.disconnect();
            assertThrows(CancellationException.class, () -> pending.get(5, TimeUnit.SECONDS));
            assertTrue(pending.isCancelled());
            assertTrue(recorder.of(Notice.class, cancelled.id()).getFirst().message().contains("cancelled"));
            await().atMost(RecordingSink.WAIT).until(() -> cancelled.liveThreads().isEmpty());
        }
    }

    @Test
    void connectsToLocalhostByName() throws Exception {
        TcpClient client = client("localhost", peerServer.getLocalPort(), null);
        client.connect().get(10, TimeUnit.SECONDS);
        accept();
        assertTrue(client.remoteAddress().getAddress().isLoopbackAddress());
    }

    @Test
    void connectsToAnIpv6LiteralWithOrWithoutBrackets() throws Exception {
        ServerSocket v6;
        try {
            v6 = new ServerSocket(0, 5, InetAddress.getByName("::1"));
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
            return;
        }
        tcp.track(v6);
        v6.setSoTimeout(10_000);
        for (String host : List.of("::1", "[::1]")) {
            TcpClient client = client(host, v6.getLocalPort(), null);
            client.connect().get(10, TimeUnit.SECONDS);
            tcp.accept(v6);
            assertInstanceOf(Inet6Address.class, client.remoteAddress().getAddress());
        }
    }

    @Test
    void peerCloseAndResetAreReported() throws Exception {
        TcpClient first = client();
        first.connect().get(10, TimeUnit.SECONDS);
        accept().close();
        assertEquals(CloseReason.PEER_CLOSED,
                recorder.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == first.id()).reason());
        await().atMost(RecordingSink.WAIT).until(() -> !first.isConnected());

        TcpClient second = client();
        second.connect().get(10, TimeUnit.SECONDS);
        Socket peer = accept();
        peer.setSoLinger(true, 0);
        peer.close();
        assertEquals(CloseReason.RESET,
                recorder.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == second.id()).reason());
    }

    @Test
    void disconnectIsGracefulAndTheClientCanConnectAgain() throws Exception {
        TcpClient client = client();
        client.connect().get(10, TimeUnit.SECONDS);
        Socket peer = accept();
        client.send("last words".getBytes(StandardCharsets.US_ASCII));
        client.disconnect();
        assertArrayEquals("last words".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(10));
        assertEquals(-1, peer.getInputStream().read());
        assertEquals(CloseReason.LOCAL_CLOSE, recorder.awaitFirst(ConnectionClosed.class).reason());
        await().atMost(RecordingSink.WAIT).until(() -> !client.isConnected());
        Failure closed = failureOf(client.send(new byte[]{1}));
        assertEquals(FailureKind.INVALID_STATE, closed.kind());
        assertEquals(List.of(closed), recorder.of(Failure.class));

        client.connect().get(10, TimeUnit.SECONDS);
        accept();
        assertTrue(client.isConnected());
        assertEquals(2, recorder.of(ConnectionOpened.class).size());
    }

    @Test
    void aSecondConnectWhileConnectedIsRefused() throws Exception {
        TcpClient client = client();
        client.connect().get(10, TimeUnit.SECONDS);
        accept();
        Failure again = failureOf(client.connect());
        assertEquals(FailureKind.INVALID_STATE, again.kind());
        assertEquals(Operation.CONNECT, again.operation());
        assertTrue(again.message().startsWith("Already connected to 127.0.0.1:"), again.message());
        assertEquals(List.of(again), recorder.of(Failure.class));
    }

    @Test
    void halfCloseKeepsReceiving() throws Exception {
        TcpClient client = client();
        client.connect().get(10, TimeUnit.SECONDS);
        Socket peer = accept();
        client.close(CloseMode.HALF_CLOSE);
        assertEquals(-1, peer.getInputStream().read());
        peer.getOutputStream().write("reply".getBytes(StandardCharsets.US_ASCII));
        await().atMost(RecordingSink.WAIT).until(() -> recorder.receivedCount(client.id()) == 5);
        assertTrue(client.isConnected());
        peer.close();
        assertEquals(CloseReason.PEER_CLOSED, recorder.awaitFirst(ConnectionClosed.class).reason());
    }

    @Test
    void abortResetsThePeer() throws Exception {
        TcpClient client = client();
        client.connect().get(10, TimeUnit.SECONDS);
        Socket peer = accept();
        client.close(CloseMode.ABORT);
        SocketException reset = assertThrows(SocketException.class, () -> peer.getInputStream().read());
        assertTrue(reset.getMessage().contains("Connection reset"), reset.getMessage());
    }

    @Test
    void closeEndsEveryThreadAndIsFinal() throws Exception {
        TcpClient client = client();
        assertNull(client.localAddress());
        client.connect().get(10, TimeUnit.SECONDS);
        accept();
        List<Thread> threads = client.liveThreads();
        assertTrue(threads.stream().anyMatch(t -> t.getName().equals("tcp-conn-" + client.id() + "-read")));
        assertTrue(threads.stream().anyMatch(t -> t.getName().equals("tcp-conn-" + client.id() + "-write")));
        client.close();
        assertTrue(threads.stream().noneMatch(Thread::isAlive), "threads still alive: " + threads);
        assertTrue(client.liveThreads().isEmpty());
        assertEquals(1, recorder.of(ConnectionClosed.class).size());
        Failure closed = failureOf(client.connect());
        assertEquals(FailureKind.INVALID_STATE, closed.kind());
        assertEquals("Not connected: this client is closed", closed.message());
        assertEquals(List.of(closed), recorder.of(Failure.class));
    }

    @Test
    void closeDuringABlockedWriteIsBoundedAndFailsTheSend() throws Exception {
        TcpClient client = client();
        client.connect().get(10, TimeUnit.SECONDS);
        Socket peer = accept();
        peer.setReceiveBufferSize(4096);
        CompletableFuture<Void> sent = client.send(new byte[16 << 20]);
        await().atMost(RecordingSink.WAIT).until(() -> client.bytesOut() > 0);
        List<Thread> threads = client.liveThreads();
        long started = System.nanoTime();
        client.close();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 3_000, "close took " + tookMillis + " ms");
        assertTrue(threads.stream().noneMatch(Thread::isAlive), "threads still alive: " + threads);
        assertThrows(CancellationException.class, () -> sent.get(5, TimeUnit.SECONDS), "cut short by the close");
        List<ConnectionClosed> closed = recorder.of(ConnectionClosed.class);
        assertEquals(1, closed.size());
        assertEquals(CloseReason.LOCAL_CLOSE, closed.getFirst().reason());
        assertTrue(recorder.of(Failure.class).isEmpty(), "a local close is not a failure: " + recorder.of(Failure.class));
    }

    @Test
    void sendingWithoutAConnectionFailsWithExactlyOneFailureEvent() {
        TcpClient client = client();
        Failure failure = failureOf(client.send(new byte[]{1}));
        assertEquals(FailureKind.INVALID_STATE, failure.kind());
        assertEquals(Operation.SEND, failure.operation());
        assertEquals(client.id(), failure.connectionId());
        assertEquals("Not sent: not connected", failure.message());
        assertEquals(List.of(failure), recorder.all());
    }

    @Test
    void configRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new TcpClientConfig(" ", 80));
        assertThrows(IllegalArgumentException.class, () -> new TcpClientConfig("h", 0));
        assertThrows(IllegalArgumentException.class, () -> new TcpClientConfig("h", 65536));
        assertThrows(IllegalArgumentException.class, () -> new TcpClientConfig("h", 1, Duration.ZERO));
        assertEquals(TcpClientConfig.DEFAULT_CONNECT_TIMEOUT, new TcpClientConfig("h", 1, null).connectTimeout());
        assertThrows(IllegalArgumentException.class, () -> new TcpServerConfig("", -1));
        assertThrows(IllegalArgumentException.class, () -> new TcpServerConfig("", 1, 0, false));
    }
}
