package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.FrameCodecTest.bytes;
import static com.socketworkbench.engine.websocket.FrameCodecTest.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sessions against a scripted raw server for what the review found: an agreed permessage-deflate, a head with bare
 * LF line endings, frames after the server's close, binary continuation frames, and a refused upgrade's body.
 */
@Timeout(60)
class WsSessionFixesRawTest {

    @Test
    void anAgreedPermessageDeflateMessageIsInflatedAndTheSessionGoesOn() throws Exception {
        Function<String, byte[]> agrees = key -> withHeader(key, "Sec-WebSocket-Extensions: permessage-deflate");
        try (RawWsServer server = RawWsServer.head(agrees, bytes(0xc1, 0x07, 0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07,
                0x00))) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options(server, "Sec-WebSocket-Extensions: permessage-deflate"),
                    events);
            events.awaitOpen();
            WsEvent.Message message = events.await(WsEvent.Message.class, m -> true);
            assertEquals("Hello", new String(message.message().payload(), StandardCharsets.UTF_8));
            assertEquals(7, message.message().compressedLength());
            WsEvent.Frame frame = events.all(WsEvent.Frame.class).getFirst();
            assertEquals(4, frame.frame().rsv());
            assertEquals("Hello", new String(frame.inflated(), StandardCharsets.UTF_8));
            assertTrue(frame.verdicts().isEmpty(), frame.verdicts()::toString);
            assertEquals(WsSession.State.OPEN, session.state());
            session.abort();
        }
    }

    @Test
    void aHeadWithBareLfOpensAtOnceWithAWarning() throws Exception {
        Function<String, byte[]> bareLf = key -> new String(RawWsServer.goodHead(key), StandardCharsets.US_ASCII)
                .replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII);
        try (RawWsServer server = RawWsServer.head(bareLf, bytes(0x81, 0x02, 'o', 'k'))) {
            Recorded events = new Recorded();
            long start = System.nanoTime();
            WsSession session = WsSession.open(options(server), events);
            events.awaitOpen();
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3),
                    "the head ends at LF LF, not when the server closes");
            HandshakeCheck check = events.all(WsEvent.HandshakeReceived.class).getFirst().check();
            assertEquals(List.of("head.bareLf"), check.verdicts().stream().map(WsVerdict::code).toList());
            assertEquals("ok", Recorded.text(events.awaitFrame(Direction.IN, f -> true).frame()));
            session.abort();
        }
    }

    @Test
    void framesAfterTheServersCloseGetAVerdictAndTheCloseIsNotClean() throws Exception {
        byte[] script = concat(List.of(bytes(0x88, 0x02, 0x03, 0xe8), bytes(0x81, 0x04, 'l', 'a', 't', 'e'),
                bytes(0x88, 0x02, 0x03, 0xe9)));
        try (RawWsServer server = RawWsServer.frames(script)) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options(server), events);
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            List<WsEvent.Frame> in = events.all(WsEvent.Frame.class).stream()
                    .filter(f -> f.direction() == Direction.IN).toList();
            assertEquals(3, in.size());
            assertTrue(in.getFirst().verdicts().isEmpty());
            for (WsEvent.Frame late : in.subList(1, 3)) {
                assertEquals(List.of("frame.afterClose"), late.verdicts().stream().map(WsVerdict::code).toList());
            }
            WsEvent.Closed closed = events.all(WsEvent.Closed.class).getFirst();
            assertFalse(closed.clean());
            assertTrue(closed.reason().contains("after its close frame"), closed.reason());
            List<FrameDecoder.Decoded> sent = new FrameDecoder().feed(server.fromClient().get(10, TimeUnit.SECONDS));
            assertEquals(1, sent.size(), "one close answers the first close, no more");
            assertEquals(1000, CloseInfo.of(sent.getFirst().frame().payload()).code());
        }
    }

    @Test
    void aContinuationFrameKnowsTheTypeOfItsMessage() throws Exception {
        byte[] script = bytes(0x02, 0x02, 0x00, 0xff, 0x80, 0x02, 0x10, 0x80);
        try (RawWsServer server = RawWsServer.frames(script)) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options(server), events);
            events.await(WsEvent.Message.class, m -> true);
            List<WsEvent.Frame> in = events.all(WsEvent.Frame.class);
            assertEquals(Opcode.CONTINUATION, in.get(1).frame().opcode());
            assertEquals(Opcode.BINARY, in.get(1).messageOpcode());
            assertNull(in.get(1).inflated());
            session.sendText("abcdef", 2);
            WsEvent.Frame sentContinuation = events.awaitFrame(Direction.OUT,
                    f -> f.opcode() == Opcode.CONTINUATION);
            assertEquals(Opcode.TEXT, sentContinuation.messageOpcode());
            session.abort();
        }
    }

    @Test
    void aRefusedUpgradeShowsItsBody() throws Exception {
        Function<String, byte[]> refuses = key -> ("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 36\r\n\r\nOrigin http://evil not in allow-list").getBytes(StandardCharsets.US_ASCII);
        try (RawWsServer server = RawWsServer.head(refuses, new byte[0])) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options(server), events);
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            WsEvent.HandshakeReceived received = events.all(WsEvent.HandshakeReceived.class).getFirst();
            assertTrue(new String(received.raw(), StandardCharsets.US_ASCII)
                    .endsWith("\r\n\r\nOrigin http://evil not in allow-list"));
            assertEquals("status.not101", received.check().verdicts().getFirst().code());
        }
    }

    private static WsOptions options(RawWsServer server, String... headers) {
        return WsOptions.of(WsUrl.parse(server.url()), WsHeader.parseLines(String.join("\n", headers)), List.of(),
                false);
    }

    private static byte[] withHeader(String key, String header) {
        return new String(RawWsServer.goodHead(key), StandardCharsets.US_ASCII)
                .replace("\r\n\r\n", "\r\n" + header + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
