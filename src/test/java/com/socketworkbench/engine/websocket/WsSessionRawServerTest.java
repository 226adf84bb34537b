package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.FrameCodecTest.bytes;
import static com.socketworkbench.engine.websocket.FrameCodecTest.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.event.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A scripted raw server sends what a correct server never would; each case gets its verdict, the frame's bytes are
 * still reported, and the client closes with 1002 (1007 for UTF-8) as RFC 6455 says.
 */
@Timeout(60)
class WsSessionRawServerTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("opcode.reserved", bytes(0x83, 0x00), 1002),
                Arguments.of("masked", bytes(0x81, 0x81, 1, 2, 3, 4, 'x' ^ 1), 1002),
                Arguments.of("rsv", bytes(0xa1, 0x01, 'x'), 1002),
                Arguments.of("length.overflow", bytes(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 1), 1002),
                Arguments.of("control.fragmented", bytes(0x09, 0x00), 1002),
                Arguments.of("control.tooLong", concat(List.of(bytes(0x89, 0x7e, 0x00, 0x7e), new byte[126])), 1002),
                Arguments.of("utf8", concat(List.of(bytes(0x01, 0x02, 0xe2, 0x82), bytes(0x80, 0x01, 0x41))), 1007),
                Arguments.of("close.code", bytes(0x88, 0x02, 0x03, 0xee), 1002),
                Arguments.of("close.code", bytes(0x88, 0x02, 0x03, 0xe7), 1002),
                Arguments.of("close.code", bytes(0x88, 0x02, 0x07, 0xd0), 1002),
                Arguments.of("continuation.noStart", bytes(0x80, 0x01, 'x'), 1002),
                Arguments.of("data.insideFragmented", bytes(0x01, 0x01, 'a', 0x81, 0x01, 'b'), 1002));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedFrameGetsItsVerdictAndTheClientClosesWithTheRightCode(String code, byte[] crafted, int closeCode)
            throws Exception {
        try (RawWsServer server = RawWsServer.frames(crafted)) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(WsOptions.of(WsUrl.parse(server.url()), List.of(), List.of(), false),
                    events);
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            assertTrue(events.verdictCodes().contains(code), events.verdictCodes()::toString);
            WsEvent.Frame bad = events.all(WsEvent.Frame.class).stream()
                    .filter(f -> f.verdicts().stream().anyMatch(v -> v.code().equals(code))).findFirst()
                    .orElseThrow();
            assertTrue(bad.frame().header().length >= 2, "the raw header is kept");
            WsEvent.Closed closed = events.all(WsEvent.Closed.class).getFirst();
            assertFalse(closed.clean());
            assertTrue(closed.reason().endsWith("(sent close " + closeCode + ")"), closed.reason());
            assertEquals(CloseReason.ERROR, closed.how(), "a protocol error ended it");

            byte[] answer = server.fromClient().get(10, TimeUnit.SECONDS);
            List<FrameDecoder.Decoded> sent = new FrameDecoder().feed(answer);
            WsFrame close = sent.getLast().frame();
            assertEquals(Opcode.CLOSE, close.opcode());
            assertTrue(close.masked());
            assertEquals(closeCode, CloseInfo.of(close.payload()).code());
        }
    }

    @Test
    void aNonMinimalLengthIsAWarningAndTheSessionGoesOn() throws Exception {
        try (RawWsServer server = RawWsServer.frames(bytes(0x81, 0x7e, 0x00, 0x02, 'o', 'k'))) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(WsOptions.of(WsUrl.parse(server.url()), List.of(), List.of(), false),
                    events);
            WsEvent.Frame frame = events.awaitFrame(Direction.IN, f -> true);
            assertEquals("ok", Recorded.text(frame.frame()));
            assertEquals(List.of("length.nonMinimal"), events.verdictCodes());
            assertEquals(WsSession.State.OPEN, session.state());
            session.abort();
        }
    }

    @Test
    void aServerThatDoesNotAnswerOurCloseIsCutOffAfterTheTimeout() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(WsOptions.of(WsUrl.parse(server.url()), List.of(), List.of(), false)
                    .withCloseTimeout(Duration.ofMillis(300)), events);
            events.awaitOpen();
            session.close(1000, "bye");
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            WsEvent.Closed closed = events.all(WsEvent.Closed.class).getFirst();
            assertFalse(closed.clean());
            assertTrue(closed.reason().startsWith("The server did not answer our close within"), closed.reason());
            assertEquals(CloseReason.TIMEOUT, closed.how());
        }
    }

    @Test
    void handshakeProblemsEndWithoutASession() throws Exception {
        assertHandshakeFails(key -> "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), "status.not101");
        assertHandshakeFails(key -> new String(RawWsServer.goodHead(key), StandardCharsets.US_ASCII)
                .replace(Handshake.acceptFor(key), "bm90IHRoZSByaWdodCBvbmU=").getBytes(StandardCharsets.US_ASCII),
                "accept.mismatch");
        assertHandshakeFails(key -> new String(RawWsServer.goodHead(key), StandardCharsets.US_ASCII)
                .replace("Upgrade: websocket\r\n", "").getBytes(StandardCharsets.US_ASCII), "upgrade.missing");
        assertHandshakeFails(key -> new String(RawWsServer.goodHead(key), StandardCharsets.US_ASCII)
                .replace("Connection: Upgrade\r\n", "").getBytes(StandardCharsets.US_ASCII), "connection.missing");
    }

    private static void assertHandshakeFails(java.util.function.Function<String, byte[]> head, String code)
            throws Exception {
        try (RawWsServer server = RawWsServer.head(head, new byte[0])) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(WsOptions.of(WsUrl.parse(server.url()), List.of(), List.of(), false),
                    events);
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            HandshakeCheck check = events.all(WsEvent.HandshakeReceived.class).getFirst().check();
            assertFalse(check.ok());
            WsVerdict fatal = check.verdicts().stream().filter(WsVerdict::fatal).findFirst().orElseThrow();
            assertEquals(code, fatal.code());
            assertEquals(fatal.text(), events.all(WsEvent.Failed.class).getFirst().reason());
            assertTrue(events.all(WsEvent.Opened.class).isEmpty());
        }
    }
}
