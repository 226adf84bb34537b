package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.FrameCodecTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Expert frames go on the wire exactly as built (any FIN, RSV, opcode, unmasked, forbidden close codes) and are
 * reported with verdicts saying how they break RFC 6455; a frame that breaks nothing is still marked raw.
 */
@Timeout(60)
class ExpertFrameTest {

    @Test
    void aFrameThatBreaksNothingIsOnlyMarkedRaw() {
        List<WsVerdict> verdicts = new RawFrame(true, 0, Opcode.TEXT, true, "ok".getBytes(StandardCharsets.UTF_8))
                .verdicts(0);
        assertEquals(List.of("expert"), codes(verdicts));
        assertTrue(verdicts.getFirst().text().startsWith("Raw/expert frame"), verdicts.getFirst().text());
    }

    @Test
    void eachViolationIsNamedWithTheCloseCodeTheServerOwes() {
        assertEquals(List.of("expert", "expert.unmasked", "expert.rsv", "expert.opcode"),
                codes(new RawFrame(true, 5, 0x3, false, new byte[0]).verdicts(0)));
        assertEquals(List.of("expert"), codes(new RawFrame(true, 4, Opcode.BINARY, true, new byte[0]).verdicts(4)),
                "RSV1 of an agreed permessage-deflate breaks nothing");
        assertEquals(List.of("expert", "expert.control.fragmented", "expert.control.tooLong"),
                codes(new RawFrame(false, 0, Opcode.PING, true, new byte[126]).verdicts(0)));
        List<WsVerdict> close = new RawFrame(true, 0, Opcode.CLOSE, true, FrameEncoder.closePayload(1005, ""))
                .verdicts(0);
        assertEquals(List.of("expert", "expert.close.code"), codes(close));
        assertTrue(close.get(1).text().contains("1005 (no status) only means a close without a code"),
                close.get(1).text());
        assertEquals(0, close.get(1).offset());
        assertEquals(2, close.get(1).length());
        WsVerdict utf8 = new RawFrame(true, 0, Opcode.TEXT, true, bytes('a', 0xff)).verdicts(0).get(1);
        assertEquals("expert.utf8", utf8.code());
        assertEquals(1007, utf8.closeCode());
        assertEquals(1, utf8.offset());
        assertEquals(List.of("expert", "expert.close.oneByte"),
                codes(new RawFrame(true, 0, Opcode.CLOSE, true, bytes(3)).verdicts(0)));
        assertThrows(IllegalArgumentException.class, () -> new RawFrame(true, 8, 1, true, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new RawFrame(true, 0, 16, true, new byte[0]));
    }

    @Test
    void anUnmaskedFrameWithRsvAndAReservedOpcodeGoesOnTheWireAsSet() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options(server), events);
            events.awaitOpen();
            assertTrue(!session.sendRaw(new RawFrame(true, 4, 0x3, false, bytes('x'))));
            WsEvent.Frame sent = events.awaitFrame(Direction.OUT, f -> f.opcode() == 0x3);
            assertEquals(List.of("expert", "expert.unmasked", "expert.rsv", "expert.opcode"),
                    codes(sent.verdicts()));
            assertEquals(WsSession.State.OPEN, session.state());
            session.abort();
            byte[] wire = server.fromClient().get(10, TimeUnit.SECONDS);
            assertArrayEquals(bytes(0xc3, 0x01, 'x'), Arrays.copyOf(wire, 3), "FIN, RSV1, opcode 3; no mask bit");
        }
    }

    @Test
    void aRawCloseWithAForbiddenCodeStartsTheCloseHandshake() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options(server).withCloseTimeout(Duration.ofMillis(300)), events);
            events.awaitOpen();
            assertTrue(session.sendRaw(new RawFrame(true, 0, Opcode.CLOSE, true,
                    FrameEncoder.closePayload(5000, "odd"))));
            assertEquals(WsSession.State.CLOSING, session.state());
            assertThrows(IllegalStateException.class, () -> session.sendText("late", 0),
                    "nothing is sent after our close");
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            List<FrameDecoder.Decoded> got = new FrameDecoder().feed(server.fromClient().get(10, TimeUnit.SECONDS));
            assertEquals(1, got.size());
            assertEquals(5000, CloseInfo.of(got.getFirst().frame().payload()).code());
            assertTrue(events.all(WsEvent.Closed.class).getFirst().reason().contains("did not answer")
                    || !events.all(WsEvent.Closed.class).getFirst().clean());
        }
    }

    private static List<String> codes(List<WsVerdict> verdicts) {
        return verdicts.stream().map(WsVerdict::code).toList();
    }

    private static WsOptions options(RawWsServer server) {
        return WsOptions.of(WsUrl.parse(server.url()), List.of(), List.of(), false);
    }
}
