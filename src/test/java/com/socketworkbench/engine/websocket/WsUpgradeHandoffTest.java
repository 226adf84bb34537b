package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.http.ExchangeListener;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpExchanger;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RawRequestBuilder;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.engine.http.UpgradedConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP tab's WebSocket template sent through the HTTP engine: a 101 leaves the connection open for a session to
 * continue, which reports the handshake as it went and then talks frames on the same socket.
 */
@Timeout(60)
class WsUpgradeHandoffTest {
    private final HttpExchanger exchanger = new HttpExchanger();
    private final Recorded events = new Recorded();
    private WsSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.abort();
        }
        exchanger.close();
    }

    private HttpExchange send(int port, String path, String extraHeaders) throws Exception {
        HttpTarget target = new HttpTarget("http", "127.0.0.1", port);
        String text = RequestTemplate.WEBSOCKET.render(target).replaceFirst("GET / ", "GET " + path + " ")
                .replace("Sec-WebSocket-Version: 13\n", "Sec-WebSocket-Version: 13\n" + extraHeaders);
        PreparedRequest request = RawRequestBuilder.prepare(text, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
        return exchanger.send(target, request, RequestOptions.DEFAULTS, ExchangeListener.NONE).get(20,
                TimeUnit.SECONDS);
    }

    @Test
    void anUpgradeThatSucceedsGoesOnAsASessionOnTheSameConnection() throws Exception {
        try (NettyWsServer server = NettyWsServer.plain()) {
            HttpExchange exchange = send(server.port(), NettyWsServer.PATH, "Sec-WebSocket-Protocol: chat\n"
                    + "Origin: http://127.0.0.1\n");
            assertEquals(101, exchange.response().orElseThrow().statusCode());
            UpgradedConnection connection = exchanger.takeUpgraded().orElseThrow();
            assertTrue(exchanger.takeUpgraded().isEmpty(), "handed over once");

            WsOptions options = WsOptions.continuing(connection);
            assertEquals("ws://127.0.0.1:" + server.port() + NettyWsServer.PATH, options.url().toString());
            assertEquals(List.of("chat"), options.protocols());
            assertEquals(List.of(new WsHeader("User-Agent", RequestTemplate.USER_AGENT),
                    new WsHeader("Origin", "http://127.0.0.1")), options.headers());

            String local = connection.socket().getLocalSocketAddress().toString();
            session = WsSession.adopt(connection, options, events);
            events.awaitOpen();
            assertTrue(events.all(WsEvent.Connecting.class).isEmpty(), "no connect of its own");
            WsEvent.Continuing continuing = events.all(WsEvent.Continuing.class).getFirst();
            assertEquals("127.0.0.1:" + server.port(), continuing.remote());
            assertEquals(local.substring(local.indexOf('/') + 1), continuing.local());
            WsEvent.HandshakeSent sent = events.all(WsEvent.HandshakeSent.class).getFirst();
            assertArrayEquals(exchange.request().headBytes(), sent.raw(), "the request as it went");
            WsEvent.HandshakeReceived received = events.all(WsEvent.HandshakeReceived.class).getFirst();
            assertTrue(received.check().ok() && received.check().acceptMatches());
            assertEquals("chat", received.check().protocol());

            session.sendText("over the HTTP tab's socket", 0);
            events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.TEXT
                    && Recorded.text(f).equals("over the HTTP tab's socket"));
        }
    }

    @Test
    void framesTheServerSentWithItsHeadAreNotLost() throws Exception {
        byte[] hello = {(byte) 0x81, 5, 'h', 'e', 'l', 'l', 'o'};
        try (RawWsServer server = RawWsServer.frames(hello)) {
            HttpExchange exchange = send(port(server), "/raw", "");
            assertEquals(101, exchange.response().orElseThrow().statusCode());
            UpgradedConnection connection = exchanger.takeUpgraded().orElseThrow();
            session = WsSession.adopt(connection, WsOptions.continuing(connection), events);
            events.awaitOpen();
            events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.TEXT && Recorded.text(f).equals("hello"));
        }
    }

    @Test
    void anUntakenUpgradeIsClosedWithTheExchanger() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            send(port(server), "/raw", "");
            exchanger.close();
            assertTrue(exchanger.takeUpgraded().isEmpty());
            // The server reads until the client closes: it ends well before its own 5 s.
            long start = System.nanoTime();
            server.fromClient().get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "closed, not timed out");
        }
    }

    @Test
    void aSwitchToAnotherProtocolIsNotHandedOver() throws Exception {
        try (RawWsServer server = RawWsServer.head(key -> ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n"
                + "Connection: Upgrade\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0])) {
            HttpTarget target = new HttpTarget("http", "127.0.0.1", port(server));
            String text = "GET /raw HTTP/1.1\nHost: 127.0.0.1\nUpgrade: h2c\nConnection: Upgrade\n\n";
            PreparedRequest request = RawRequestBuilder.prepare(text, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
            HttpExchange exchange = exchanger.send(target, request, RequestOptions.DEFAULTS, ExchangeListener.NONE)
                    .get(20, TimeUnit.SECONDS);
            assertEquals(101, exchange.response().orElseThrow().statusCode());
            assertFalse(exchanger.takeUpgraded().isPresent());
        }
    }

    @Test
    void theTemplateAsksForWebSocketWithAFreshKeyEachTime() {
        HttpTarget target = new HttpTarget("http", "127.0.0.1", 8080);
        String first = RequestTemplate.WEBSOCKET.render(target);
        String second = RequestTemplate.WEBSOCKET.render(target);
        assertTrue(first.startsWith("GET / HTTP/1.1\nHost: 127.0.0.1:8080\n"), first);
        for (String line : List.of("Upgrade: websocket\n", "Connection: Upgrade\n", "Sec-WebSocket-Version: 13\n")) {
            assertTrue(first.contains(line), line);
        }
        Optional<String> key = first.lines().filter(l -> l.startsWith("Sec-WebSocket-Key: ")).findFirst();
        assertEquals(16, java.util.Base64.getDecoder().decode(key.orElseThrow().substring(19)).length);
        assertFalse(second.contains(key.get()), "a fresh key each time");
    }

    private static int port(RawWsServer server) {
        return Integer.parseInt(server.url().replaceAll(".*:(\\d+)/.*", "$1"));
    }
}
