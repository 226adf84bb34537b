package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.FrameCodecTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/** Fragments, UTF-8 across fragments, close codes, the handshake's accept check and the URL field's messages. */
class MessageChecksTest {

    @Test
    void fragmentsAreReassembledAndAUtf8CharacterMaySpanThem() {
        MessageAssembler assembler = new MessageAssembler();
        byte[] euro = "€uro".getBytes(StandardCharsets.UTF_8);
        assertNull(assembler.accept(frame(false, Opcode.TEXT, new byte[]{euro[0], euro[1]})).message());
        assertTrue(assembler.accept(frame(true, Opcode.PING, new byte[0])).verdicts().isEmpty(),
                "a control frame may come between fragments");
        MessageAssembler.Outcome last = assembler.accept(frame(true, Opcode.CONTINUATION,
                java.util.Arrays.copyOfRange(euro, 2, euro.length)));
        assertTrue(last.verdicts().isEmpty(), last.verdicts()::toString);
        assertEquals("€uro", new String(last.message().payload(), StandardCharsets.UTF_8));
        assertEquals(2, last.message().frames());
        assertNull(assembler.accept(frame(true, Opcode.TEXT, "single".getBytes(StandardCharsets.UTF_8))).message(),
                "a single-frame message is its frame");
    }

    @Test
    void invalidUtf8IsFoundAcrossFragmentsAndClosesWith1007() {
        MessageAssembler assembler = new MessageAssembler();
        assembler.accept(frame(false, Opcode.TEXT, bytes('o', 'k', 0xe2, 0x82)));
        WsVerdict verdict = assembler.accept(frame(true, Opcode.CONTINUATION, bytes(0x41))).verdicts().getFirst();
        assertEquals("utf8", verdict.code());
        assertEquals(1007, verdict.closeCode());
        assertEquals("utf8.incomplete", new MessageAssembler().accept(frame(true, Opcode.TEXT, bytes(0xe2)))
                .verdicts().getFirst().code());
    }

    @Test
    void fragmentOrderProblemsAreProtocolErrors() {
        assertEquals("continuation.noStart", new MessageAssembler().accept(frame(true, Opcode.CONTINUATION,
                bytes('x'))).verdicts().getFirst().code());
        MessageAssembler assembler = new MessageAssembler();
        assembler.accept(frame(false, Opcode.BINARY, bytes(1)));
        WsVerdict verdict = assembler.accept(frame(true, Opcode.TEXT, bytes('x'))).verdicts().getFirst();
        assertEquals("data.insideFragmented", verdict.code());
        assertEquals(1002, verdict.closeCode());
        MessageAssembler small = new MessageAssembler(4);
        small.accept(frame(false, Opcode.BINARY, bytes(1, 2, 3)));
        assertEquals("message.tooBig", small.accept(frame(true, Opcode.CONTINUATION, bytes(4, 5)))
                .verdicts().getFirst().code());
    }

    @Test
    void closeCodesOutOfRangeOrReservedAreProtocolErrors() {
        for (int code : new int[]{999, 1004, 1005, 1006, 1015, 1016, 2999, 5000}) {
            List<WsVerdict> verdicts = new MessageAssembler().accept(frame(true, Opcode.CLOSE,
                    FrameEncoder.closePayload(code, ""))).verdicts();
            assertEquals(List.of("close.code"), verdicts.stream().map(WsVerdict::code).toList(), "code " + code);
        }
        for (int code : new int[]{1000, 1001, 1002, 1003, 1007, 1011, 3000, 4999}) {
            assertTrue(new MessageAssembler().accept(frame(true, Opcode.CLOSE, FrameEncoder.closePayload(code, "ok")))
                    .verdicts().isEmpty(), "code " + code);
        }
        assertEquals("close.oneByte", new MessageAssembler().accept(frame(true, Opcode.CLOSE, bytes(3)))
                .verdicts().getFirst().code());
        assertEquals("close.reason.utf8", new MessageAssembler().accept(frame(true, Opcode.CLOSE,
                bytes(0x03, 0xe8, 0xff))).verdicts().getFirst().code());
        assertEquals(new CloseInfo(1000, "bye"), CloseInfo.of(FrameEncoder.closePayload(1000, "bye")));
        assertEquals(1005, CloseInfo.of(new byte[0]).code());
    }

    @Test
    void theAcceptValueIsTheRfcExampleAndEachHandshakeProblemIsAVerdict() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Handshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
        String key = "dGhlIHNhbXBsZSBub25jZQ==";
        String good = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
        assertTrue(check(good, key).ok());
        assertEquals("status.not101", code(check("HTTP/1.1 404 Not Found\r\n\r\n", key)));
        assertEquals("status.unreadable", code(check("SSH-2.0-OpenSSH\r\n\r\n", key)));
        assertEquals("upgrade.missing", code(check(good.replace("Upgrade: websocket\r\n", ""), key)));
        assertEquals("connection.missing", code(check(good.replace("Connection: Upgrade\r\n", ""), key)));
        HandshakeCheck mismatch = check(good.replace("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "AAAA"), key);
        assertEquals("accept.mismatch", code(mismatch));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", mismatch.expectedAccept());
        assertEquals("AAAA", mismatch.receivedAccept());
        assertEquals("protocol.notOffered", code(Handshake.check(
                good.replace("\r\n\r\n", "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII), key, List.of("chat"), List.of())));
    }

    @Test
    void theRequestCarriesAFreshKeyAndTheOfferedProtocols() {
        WsUrl url = WsUrl.parse("ws://127.0.0.1:9000/chat?room=1");
        Handshake.Request request = Handshake.request(url, List.of(new WsHeader("Origin", "http://x")),
                List.of("chat", "superchat"), new SecureRandom());
        String text = new String(request.raw(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("GET /chat?room=1 HTTP/1.1\r\nHost: 127.0.0.1:9000\r\n"), text);
        assertTrue(text.contains("Sec-WebSocket-Key: " + request.key() + "\r\n"), text);
        assertTrue(text.contains("Sec-WebSocket-Protocol: chat, superchat\r\n"), text);
        assertTrue(text.endsWith("Origin: http://x\r\n\r\n"), text);
        assertEquals(24, request.key().length());
    }

    @Test
    void theUrlFieldSaysWhatIsWrong() {
        assertEquals(new WsUrl(false, "localhost", 80, "/"), WsUrl.parse("ws://localhost"));
        assertEquals(new WsUrl(true, "::1", 8443, "/a?b=c"), WsUrl.parse("wss://[::1]:8443/a?b=c"));
        assertEquals("The scheme \"http\" is not WebSocket: use ws:// or wss://",
                message(() -> WsUrl.parse("http://x/")));
        assertEquals("The URL needs ws:// or wss:// at the start", message(() -> WsUrl.parse("localhost:80")));
        assertEquals("The port 70000 is out of range (1 to 65535)", message(() -> WsUrl.parse("ws://h:70000/")));
        assertEquals("The port \"80a\" is not a number", message(() -> WsUrl.parse("ws://h:80a/")));
        assertEquals("The URL has no host: ws://host:port/path", message(() -> WsUrl.parse("ws:///path")));
        assertEquals("Header line 2 has no colon: write Name: value",
                message(() -> WsHeader.parseLines("Origin: x\nbroken")));
        assertEquals("Header line 1: Sec-WebSocket-Key is written by the handshake itself; another value would break the"
                        + " upgrade (only Host and Sec-WebSocket-Version can be replaced)",
                message(() -> WsHeader.parseLines("Sec-WebSocket-Key: abc")));
        assertEquals(List.of("chat", "v2.json"), WsHeader.parseProtocols(" chat , v2.json,"));
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    private static HandshakeCheck check(String head, String key) {
        return Handshake.check(head.getBytes(StandardCharsets.US_ASCII), key, List.of(), List.of());
    }

    private static String code(HandshakeCheck check) {
        return check.verdicts().stream().filter(WsVerdict::fatal).findFirst().orElseThrow().code();
    }

    private static WsFrame frame(boolean fin, int opcode, byte[] payload) {
        return FrameEncoder.encode(fin, opcode, payload, null);
    }
}
