package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.OptionValue;
import com.socketworkbench.engine.options.SocketOptionsApplier;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Socket options set through a TCP server and client, read back, and the read idle timeout; loopback only. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpSocketOptionsTest {
    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");

    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();

    private static SocketOptionsSpec spec(Boolean reuse, Boolean noDelay, Boolean keepAlive, Integer rcv,
                                          Integer linger, Integer tos, Duration readIdle, Duration connect) {
        return new SocketOptionsSpec(reuse, noDelay, keepAlive, rcv, null, linger, tos, readIdle, connect, null,
                null, null);
    }

    private static SocketOptionsSpec readIdle(Duration timeout) {
        return spec(null, null, null, null, null, null, timeout, null);
    }

    private TcpServer server(SocketOptionsSpec options) throws Exception {
        return tcp.server(server -> server.setSocketOptions(options));
    }

    private static String effective(EffectiveOptions options, String name) {
        return options.effective(name).orElseThrow(() -> new AssertionError(name + " missing from " + options));
    }

    private static void assertReceiveBufferGrantedOrNoted(EffectiveOptions options, int requested) {
        OptionValue rcv = options.find("SO_RCVBUF").orElseThrow();
        assertEquals(requested + " bytes", rcv.requested());
        int granted = Integer.parseInt(rcv.effective().replace(" bytes", ""));
        assertTrue(granted >= requested || rcv.note() != null && !rcv.note().isEmpty(), rcv.toString());
    }

    @Test
    void optionsAreSetOnTheListenerAndEveryAcceptedConnectionAndReadBack() throws Exception {
        TcpServer server = server(spec(true, false, true, 65_536, 5, 0x10, null, null));
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);

        EffectiveOptions listener = server.listenerOptions();
        assertEquals("on", effective(listener, "SO_REUSEADDR"));
        assertReceiveBufferGrantedOrNoted(listener, 65_536);
        assertTrue(listener.find("TCP_NODELAY").isEmpty(), "a listening socket is not given connection options");

        EffectiveOptions connection = server.effectiveOptions(id);
        assertEquals("off", effective(connection, "TCP_NODELAY"));
        assertEquals("on", effective(connection, "SO_KEEPALIVE"));
        assertEquals("5 s", effective(connection, "SO_LINGER"));
        assertEquals("16 (0x10)", effective(connection, "IP_TOS"));
        assertReceiveBufferGrantedOrNoted(connection, 65_536);
        assertEquals("off", connection.find("TCP_NODELAY").orElseThrow().requested());

        Notice granted = sink.awaitFirst(Notice.class, n -> n.connectionId() == id
                && n.message().startsWith("Socket options: "));
        assertTrue(granted.message().contains("TCP_NODELAY requested off, granted off"), granted.message());
        assertTrue(granted.message().contains("SO_RCVBUF requested 65536, granted "), granted.message());
        if (LINUX) {
            assertTrue(granted.message().contains("kernel reserves "), granted.message());
        }
        assertTrue(sink.of(Notice.class, 0).stream()
                .anyMatch(n -> n.message().startsWith("Listening socket options: SO_REUSEADDR requested on")));

        ConnectionDetails details = server.details(id);
        assertEquals("IPv4", details.family());
        assertTrue(details.type().contains("SOCK_STREAM"), details.type());
        assertEquals("connection", details.role());
        assertEquals(peer.getLocalPort(), ((InetSocketAddress) details.remote()).getPort());
        assertEquals(server.localAddress().getPort(), ((InetSocketAddress) details.local()).getPort());
        assertEquals("off", effective(details.options(), "TCP_NODELAY"));
        assertEquals("listening", server.listenerDetails().role());
        assertNull(server.details(999));
        assertTrue(server.effectiveOptions(999).values().isEmpty());
    }

    @Test
    void optionsSetWhileRunningReachTheOpenConnectionsAtOnce() throws Exception {
        TcpServer server = server(SocketOptionsSpec.NONE);
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        assertEquals("on", effective(server.effectiveOptions(id), "TCP_NODELAY"), "the engine's default");
        assertEquals("off", effective(server.effectiveOptions(id), "SO_KEEPALIVE"));

        server.setSocketOptions(spec(null, false, true, null, 0, null, null, null));
        assertEquals("off", effective(server.effectiveOptions(id), "TCP_NODELAY"));
        assertEquals("on", effective(server.effectiveOptions(id), "SO_KEEPALIVE"));
        assertEquals("0 s (abort)", effective(server.effectiveOptions(id), "SO_LINGER"));
        assertTrue(sink.of(Notice.class, id).stream()
                .anyMatch(n -> n.message().contains("SO_KEEPALIVE requested on, granted on")));

        // SO_LINGER 0 turns even a graceful close into a reset, and the timeline says so.
        server.close(id, CloseMode.GRACEFUL);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertTrue(closed.detail().startsWith("RST sent"), closed.detail());
    }

    @Test
    void aClientSetsItsOptionsBeforeConnectingAndReadsThemBack() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);
        assertNull(client.details());
        client.setSocketOptions(spec(true, false, true, 131_072, 3, 0x20, null, Duration.ofSeconds(2)));
        tcp.connect(client, listener);

        EffectiveOptions options = client.effectiveOptions();
        assertEquals("off", effective(options, "TCP_NODELAY"));
        assertEquals("on", effective(options, "SO_KEEPALIVE"));
        assertEquals("on", effective(options, "SO_REUSEADDR"));
        assertEquals("3 s", effective(options, "SO_LINGER"));
        assertEquals("32 (0x20)", effective(options, "IP_TOS"));
        assertEquals("2 s", effective(options, "connect timeout"));
        OptionValue rcv = options.find("SO_RCVBUF").orElseThrow();
        assertReceiveBufferGrantedOrNoted(options, 131_072);
        assertTrue(rcv.note() == null || !rcv.note().contains("set after connect"),
                "set before the handshake: " + rcv.note());
        Notice granted = sink.awaitFirst(Notice.class, n -> n.connectionId() == client.id()
                && n.message().startsWith("Socket options: "));
        assertTrue(granted.message().contains("IP_TOS requested 32 (0x20), granted 32 (0x20)"), granted.message());

        ConnectionDetails details = client.details();
        assertNotNull(details);
        assertEquals("IPv4", details.family());
        assertEquals(listener.getLocalPort(), ((InetSocketAddress) details.remote()).getPort());

        client.setSocketOptions(spec(null, true, null, null, null, null, null, null));
        assertEquals("on", effective(client.effectiveOptions(), "TCP_NODELAY"));
    }

    @Test
    void theConnectTimeoutOfTheOptionsReplacesTheConfigs() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, TcpFixture.LOOPBACK)) {
            assumeTrue(tcp.fillAcceptQueue(full), "this kernel keeps answering a full listener");
            TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("127.0.0.1", full.getLocalPort(),
                    Duration.ofSeconds(20)), sink));
            client.setSocketOptions(spec(null, null, null, null, null, null, null, Duration.ofMillis(300)));
            long started = System.nanoTime();
            ExecutionException error = assertThrows(ExecutionException.class,
                    () -> client.connect().get(10, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
            Failure failure = assertInstanceOf(com.socketworkbench.engine.net.SocketErrorException.class,
                    error.getCause()).failure();
            assertEquals(FailureKind.CONNECT_TIMEOUT, failure.kind());
            assertTrue(failure.message().endsWith("within 300 ms"), failure.message());
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheReadIdleTimeout() throws Exception {
        TcpServer server = server(readIdle(Duration.ofMillis(300)));
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        peer.getOutputStream().write('a');
        BytesReceived data = sink.awaitFirst(BytesReceived.class, r -> r.connectionId() == id);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.TIMEOUT, closed.reason());
        assertEquals("no data for 300 ms", closed.detail());
        long silentMillis = Duration.between(data.time(), closed.time()).toMillis();
        assertTrue(silentMillis >= 250, "closed after only " + silentMillis + " ms of silence");
        assertEquals(-1, peer.getInputStream().read());
    }

    @Test
    void theReadIdleTimeoutWorksAlongsideIdleGapFraming() throws Exception {
        FramingSpec framing = new FramingSpec.IdleGap(80);
        TcpServer server = tcp.server(starting -> {
            starting.setFramerFactory(framing::create);
            starting.setSocketOptions(readIdle(Duration.ofMillis(400)));
        });
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        // Bytes 150 ms apart (sleeping paces the sender here; nothing waits on it): each ends an idle-gap frame,
        // and 600 ms of activity outlast the 400 ms timeout without triggering it.
        for (int i = 0; i < 4; i++) {
            peer.getOutputStream().write('0' + i);
            Thread.sleep(150);
        }
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.TIMEOUT, closed.reason());
        List<String> frames = sink.of(BytesReceived.class, id).stream()
                .map(r -> new String(r.data(), StandardCharsets.US_ASCII)).toList();
        assertEquals(List.of("0", "1", "2", "3"), frames);
        BytesReceived last = sink.of(BytesReceived.class, id).getLast();
        assertTrue(Duration.between(last.time(), closed.time()).toMillis() >= 250);
    }

    @Test
    void aReadIdleTimeoutSetOnASilentOpenConnectionStillFires() throws Exception {
        TcpServer server = server(SocketOptionsSpec.NONE);
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        peer.getOutputStream().write('x');
        sink.awaitFirst(BytesReceived.class, r -> r.connectionId() == id);
        long setAt = System.nanoTime();
        server.setSocketOptions(readIdle(Duration.ofMillis(200)));
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.TIMEOUT, closed.reason());
        assertTrue(System.nanoTime() - setAt < TimeUnit.SECONDS.toNanos(3));
    }

    @Test
    void aClientHonoursTheReadIdleTimeout() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);
        client.setSocketOptions(readIdle(Duration.ofMillis(250)));
        tcp.connect(client, listener);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.TIMEOUT, closed.reason());
        assertEquals("no data for 250 ms", closed.detail());
        await().atMost(RecordingSink.WAIT).until(() -> client.liveThreads().isEmpty());
    }

    @Test
    void optionsTheSystemRefusedMakeOneFailureLine() throws Exception {
        EffectiveOptions refused;
        try (SocketChannel channel = SocketChannel.open()) {
            channel.close(); // a closed channel refuses every option it supports
            refused = SocketOptionsApplier.apply(channel,
                    spec(null, true, null, null, null, null, null, null));
        }
        assertTrue(refused.find("TCP_NODELAY").orElseThrow().setFailed(), refused.toString());
        String line = OptionsNotice.refusals("connection to 127.0.0.1:9", refused);
        assertNotNull(line);
        assertTrue(line.startsWith("Could not set the socket options of the connection to 127.0.0.1:9: TCP_NODELAY"
                + " could not be set: "), line);

        EffectiveOptions granted = new EffectiveOptions(List.of(new OptionValue("TCP_NODELAY", "on", "on", null),
                new OptionValue("SO_KEEPALIVE", null, "off", null)));
        assertNull(OptionsNotice.refusals("connection to 127.0.0.1:9", granted), "nothing refused, no Failure");
    }
}
