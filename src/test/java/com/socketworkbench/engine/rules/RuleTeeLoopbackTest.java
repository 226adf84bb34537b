package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.socketworkbench.engine.rules.RuleCompileTest.hex;
import static com.socketworkbench.engine.rules.RuleCompileTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rules answering real loopback peers through the engine components, and the loop guard stopping a reply loop. */
@Timeout(30)
class RuleTeeLoopbackTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<NetEvent> events = new CopyOnWriteArrayList<>();
    private final EventSink recording = events::add;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private static LiveRule live(String name, MatchKind kind, String pattern,
                                 com.socketworkbench.engine.fields.PayloadSpec reply, long delay) throws Exception {
        return LiveRule.compile(new Rule(name, true, kind, pattern, reply, delay));
    }

    /** A started server on 127.0.0.1, port 0, answering with {@code book}. */
    private TcpServer server(RuleBook book, EventSink sink) throws Exception {
        RuleTee tee = new RuleTee(book, sink);
        TcpServer server = track(new TcpServer(new TcpServerConfig("127.0.0.1", 0), tee));
        tee.replyThrough((to, bytes) -> server.send(to.connectionId(), bytes));
        server.start();
        return server;
    }

    private Socket peer(TcpServer server) throws Exception {
        Socket socket = track(new Socket());
        socket.setSoTimeout(10_000);
        socket.connect(server.localAddress(), 5_000);
        return socket;
    }

    private static byte[] read(Socket socket, int count) throws Exception {
        InputStream in = socket.getInputStream();
        byte[] bytes = in.readNBytes(count);
        assertThat(bytes).hasSize(count);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void textRuleAnswersTheConnectionThatSentIt() throws Exception {
        RuleBook book = new RuleBook();
        LiveRule world = live("world", MatchKind.TEXT, "world", text("hi $0"), 0);
        book.set(List.of(world));
        TcpServer server = server(book, recording);
        Socket peer = peer(server);
        peer.getOutputStream().write(ascii("hello world"));
        assertThat(new String(read(peer, 8), StandardCharsets.US_ASCII)).isEqualTo("hi world");
        assertThat(world.hits()).isEqualTo(1);
    }

    @Test
    void regexCapturesGoIntoTheReplyAndTheFirstMatchingRuleWins() throws Exception {
        RuleBook book = new RuleBook();
        LiveRule get = live("get", MatchKind.REGEX, "^GET (\\w+)", text("got $1\\n"), 0);
        LiveRule any = live("any", MatchKind.ANY, "", text("?\\n"), 0);
        book.set(List.of(get, any));
        TcpServer server = server(book, recording);
        Socket peer = peer(server);
        peer.getOutputStream().write(ascii("GET status now"));
        assertThat(new String(read(peer, 11), StandardCharsets.US_ASCII)).isEqualTo("got status\n");
        peer.getOutputStream().write(ascii("PUT x"));
        assertThat(new String(read(peer, 2), StandardCharsets.US_ASCII)).isEqualTo("?\n");
        assertThat(get.hits()).isEqualTo(1);
        assertThat(any.hits()).isEqualTo(1);
    }

    @Test
    void hexPatternWithWildcardsRepliesInHex() throws Exception {
        RuleBook book = new RuleBook();
        book.set(List.of(live("modbus", MatchKind.HEX, "01 03 ?? ?? 00 0A", hex("01 03 14 $1"), 0)));
        TcpServer server = server(book, recording);
        Socket peer = peer(server);
        peer.getOutputStream().write(new byte[]{1, 3, 0, 0x6b, 0, 0x0a});
        assertThat(read(peer, 5)).containsExactly(1, 3, 0x14, 0, 0x6b);
    }

    @Test
    void aDelayedReplyWaitsWithoutHoldingTheSocket() throws Exception {
        RuleBook book = new RuleBook();
        book.set(List.of(live("slow", MatchKind.TEXT, "slow", text("late"), 300),
                live("fast", MatchKind.TEXT, "fast", text("now!"), 0)));
        TcpServer server = server(book, recording);
        Socket peer = peer(server);
        long start = System.nanoTime();
        peer.getOutputStream().write(ascii("slow"));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof BytesReceived));
        peer.getOutputStream().write(ascii("fast"));
        // The fast rule's reply overtakes the delayed one: the socket thread did not wait.
        assertThat(new String(read(peer, 8), StandardCharsets.US_ASCII)).isEqualTo("now!late");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void udpRulesReplyToEachDatagramsSenderAndCountExactly() throws Exception {
        RuleBook book = new RuleBook();
        LiveRule ping = live("ping", MatchKind.TEXT, "ping", text("pong $0"), 0);
        book.set(List.of(ping));
        RuleTee tee = new RuleTee(book, recording);
        UdpEndpoint endpoint = track(new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), tee));
        tee.replyThrough((to, bytes) -> endpoint.send((InetSocketAddress) to.remote(), bytes));
        InetSocketAddress bound = endpoint.start();
        DatagramSocket peer = track(new DatagramSocket(0, LOOPBACK));
        peer.setSoTimeout(10_000);
        for (int i = 0; i < 5; i++) {
            byte[] out = ascii("ping");
            peer.send(new DatagramPacket(out, out.length, LOOPBACK, bound.getPort()));
            DatagramPacket in = new DatagramPacket(new byte[64], 64);
            peer.receive(in);
            assertThat(new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII))
                    .isEqualTo("pong ping");
        }
        byte[] other = ascii("other");
        peer.send(new DatagramPacket(other, other.length, LOOPBACK, bound.getPort()));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream()
                .filter(e -> e instanceof BytesReceived).count() == 6);
        assertThat(ping.hits()).isEqualTo(5);
    }

    @Test
    void theLoopGuardPausesARuleInAReplyLoopAndTheTrafficStops() throws Exception {
        RuleBook serverBook = new RuleBook();
        LiveRule pong = live("pong", MatchKind.ANY, "", text("pong"), 0);
        serverBook.set(List.of(pong));
        RuleBook clientBook = new RuleBook();
        LiveRule ping = live("ping", MatchKind.ANY, "", text("ping"), 0);
        clientBook.set(List.of(ping));
        AtomicLong received = new AtomicLong();
        EventSink counting = event -> {
            if (event instanceof BytesReceived) {
                received.incrementAndGet();
            } else if (event instanceof Notice) {
                events.add(event);
            }
        };
        TcpServer server = server(serverBook, counting);
        RuleTee clientTee = new RuleTee(clientBook, counting);
        TcpClient client = track(new TcpClient(new TcpClientConfig("127.0.0.1", server.localAddress().getPort()),
                clientTee));
        clientTee.replyThrough((to, bytes) -> client.send(bytes));
        client.connect().get(10, TimeUnit.SECONDS);

        long start = System.nanoTime();
        client.send(ascii("ping"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pong.pausedReason() != null || ping.pausedReason() != null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof Notice notice
                && notice.message().contains("paused") && notice.message().contains("1,000")));
        // Once paused, the loop has nobody to answer it: the count of messages stays still.
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long now = received.get();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        long settled = received.get();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> received.get() == settled);
        LiveRule paused = pong.pausedReason() != null ? pong : ping;
        assertThat(paused.isActive()).isFalse();
        assertThat(paused.hits()).isGreaterThan(1_000);

        // Enabling it again resumes it: one more message starts the loop again until the guard trips again.
        paused.setEnabled(true);
        assertThat(paused.isActive()).isTrue();
        assertThat(Arrays.asList(pong, ping)).anyMatch(LiveRule::isActive);
    }
}
