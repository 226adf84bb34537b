package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.FrameCodecTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * permessage-deflate (RFC 7692) on received messages once the server agreed to it: RSV1 is not a protocol error,
 * the message is inflated (across fragments, with or without context takeover), its UTF-8 is checked on the
 * inflated bytes, and what RFC 7692 forbids is still a verdict.
 */
class PermessageDeflateTest {
    private static final WsExtension DEFLATE = new WsExtension("permessage-deflate", Map.of());
    private static final WsExtension DEFLATE_NO_TAKEOVER = new WsExtension("permessage-deflate",
            Map.of("server_no_context_takeover", ""));

    @Test
    void theRfcExampleHelloInflatesAndIsAMessageOfItsOwn() {
        byte[] wire = bytes(0xc1, 0x07, 0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);
        FrameDecoder.Decoded decoded = new FrameDecoder(FrameDecoder.DEFAULT_MAX_FRAME, 4).feed(wire).getFirst();
        assertTrue(decoded.verdicts().isEmpty(), decoded.verdicts()::toString);
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE))) {
            MessageAssembler.Outcome outcome = assembler.accept(decoded.frame());
            assertTrue(outcome.verdicts().isEmpty(), outcome.verdicts()::toString);
            assertEquals("Hello", new String(outcome.inflated(), StandardCharsets.UTF_8));
            assertEquals("Hello", new String(outcome.message().payload(), StandardCharsets.UTF_8));
            assertEquals(7, outcome.message().compressedLength());
            assertEquals(1, outcome.message().frames());
        }
    }

    @Test
    void withoutAnAgreedExtensionRsv1StaysAProtocolErrorButOnlyForTheBitsNotClaimed() {
        assertEquals("rsv", new FrameDecoder().feed(bytes(0xc1, 0x01, 'x')).getFirst().verdicts().getFirst().code());
        FrameDecoder.Decoded rsv2 = new FrameDecoder(1024, 4).feed(bytes(0xa1, 0x01, 'x')).getFirst();
        assertEquals("rsv", rsv2.verdicts().getFirst().code());
        assertTrue(rsv2.verdicts().getFirst().text().contains("RSV2"), rsv2.verdicts().getFirst().text());
    }

    @Test
    void theServersContextIsKeptFromMessageToMessageUnlessItSaidNoContextTakeover() {
        String text = "the same words again and again, the same words again and again";
        Deflater shared = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] first = compress(shared, text);
        byte[] second = compress(shared, text);
        assertTrue(second.length < first.length, "the second message refers back to the first");
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE))) {
            assertEquals(text, inflatedText(assembler.accept(compressedFrame(true, Opcode.TEXT, first))));
            assertEquals(text, inflatedText(assembler.accept(compressedFrame(true, Opcode.TEXT, second))));
        }
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE_NO_TAKEOVER))) {
            for (int i = 0; i < 2; i++) {
                byte[] fresh = compress(new Deflater(Deflater.DEFAULT_COMPRESSION, true), text);
                assertEquals(text, inflatedText(assembler.accept(compressedFrame(true, Opcode.TEXT, fresh))));
            }
        }
    }

    @Test
    void aCompressedMessageInFragmentsIsInflatedFrameByFrame() {
        String text = "fragmented and compressed: €uro ".repeat(20);
        byte[] whole = compress(new Deflater(Deflater.DEFAULT_COMPRESSION, true), text);
        int cut = whole.length / 2;
        try (MessageAssembler assembler = new MessageAssembler(4096, List.of(DEFLATE))) {
            MessageAssembler.Outcome head = assembler.accept(compressedFrame(false, Opcode.TEXT,
                    Arrays.copyOf(whole, cut)));
            assertNull(head.message());
            assertTrue(head.verdicts().isEmpty(), head.verdicts()::toString);
            MessageAssembler.Outcome tail = assembler.accept(FrameEncoder.encode(true, Opcode.CONTINUATION,
                    Arrays.copyOfRange(whole, cut, whole.length), null));
            assertTrue(tail.verdicts().isEmpty(), tail.verdicts()::toString);
            assertEquals(Opcode.TEXT, tail.messageOpcode());
            assertEquals(text, new String(tail.message().payload(), StandardCharsets.UTF_8));
            assertEquals(whole.length, tail.message().compressedLength());
            assertEquals(2, tail.message().frames());
            byte[] pieces = new byte[head.inflated().length + tail.inflated().length];
            System.arraycopy(head.inflated(), 0, pieces, 0, head.inflated().length);
            System.arraycopy(tail.inflated(), 0, pieces, head.inflated().length, tail.inflated().length);
            assertEquals(text, new String(pieces, StandardCharsets.UTF_8));
        }
    }

    @Test
    void whatRfc7692ForbidsOrWhatDoesNotInflateIsAVerdict() {
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE))) {
            WsVerdict ping = assembler.accept(compressedFrame(true, Opcode.PING, new byte[0])).verdicts().getFirst();
            assertEquals("deflate.control", ping.code());
            assertEquals(1002, ping.closeCode());
        }
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE))) {
            assembler.accept(compressedFrame(false, Opcode.TEXT, new byte[0]));
            assertEquals("deflate.continuation", assembler.accept(withRsv(FrameEncoder.encode(true,
                    Opcode.CONTINUATION, new byte[0], null), 4)).verdicts().getFirst().code());
        }
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE))) {
            WsVerdict garbage = assembler.accept(compressedFrame(true, Opcode.BINARY, bytes(0xff, 0xff, 0xff)))
                    .verdicts().getFirst();
            assertEquals("deflate.invalid", garbage.code());
            assertEquals(1007, garbage.closeCode());
        }
        byte[] bomb = compress(new Deflater(Deflater.BEST_COMPRESSION, true), "a".repeat(100_000));
        try (MessageAssembler assembler = new MessageAssembler(10_000, List.of(DEFLATE))) {
            WsVerdict tooBig = assembler.accept(compressedFrame(true, Opcode.BINARY, bomb)).verdicts().getFirst();
            assertEquals("deflate.tooBig", tooBig.code());
            assertEquals(1009, tooBig.closeCode());
        }
        byte[] badUtf8 = compress(new Deflater(Deflater.DEFAULT_COMPRESSION, true), bytes('o', 'k', 0xc3, 0x28));
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE))) {
            WsVerdict utf8 = assembler.accept(compressedFrame(true, Opcode.TEXT, badUtf8)).verdicts().getFirst();
            assertEquals("utf8", utf8.code(), "checked on the inflated text");
        }
    }

    @Test
    void anExtensionThisTabDoesNotKnowLetsItsRsvBitsThroughWithAWarning() {
        WsExtension unknown = new WsExtension("x-custom", Map.of());
        FrameDecoder.Decoded decoded = new FrameDecoder(1024, 7).feed(bytes(0x91, 0x01, 0xff)).getFirst();
        assertTrue(decoded.verdicts().isEmpty());
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(unknown))) {
            List<WsVerdict> verdicts = assembler.accept(decoded.frame()).verdicts();
            assertEquals(List.of("rsv.undecoded"), verdicts.stream().map(WsVerdict::code).toList(),
                    "a warning only: the byte 0xff is not checked as UTF-8, the extension may have transformed it");
        }
    }

    static byte[] compress(Deflater deflater, String text) {
        return compress(deflater, text.getBytes(StandardCharsets.UTF_8));
    }

    /** As a permessage-deflate sender does: a sync flush, then its 00 00 ff ff taken off. */
    static byte[] compress(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, all.length - 4);
    }

    static WsFrame compressedFrame(boolean fin, int opcode, byte[] payload) {
        return withRsv(FrameEncoder.encode(fin, opcode, payload, null), 4);
    }

    private static WsFrame withRsv(WsFrame frame, int rsv) {
        byte[] header = frame.header().clone();
        header[0] = (byte) (header[0] | (rsv << 4));
        return new WsFrame(frame.fin(), rsv, frame.opcode(), false, 0, frame.payloadLength(), header,
                frame.payload());
    }

    private static String inflatedText(MessageAssembler.Outcome outcome) {
        assertTrue(outcome.verdicts().isEmpty(), outcome.verdicts()::toString);
        return new String(outcome.message().payload(), StandardCharsets.UTF_8);
    }

    @Test
    void theSameBytesThroughTheDecoderAndAssemblerGiveTheSameText() {
        byte[] payload = compress(new Deflater(Deflater.DEFAULT_COMPRESSION, true), "round trip");
        byte[] wire = FrameEncoder.wire(compressedFrame(true, Opcode.TEXT, payload));
        FrameDecoder.Decoded decoded = new FrameDecoder(1024, 4).feed(wire).getFirst();
        try (MessageAssembler assembler = new MessageAssembler(1024, List.of(DEFLATE))) {
            assertArrayEquals("round trip".getBytes(StandardCharsets.UTF_8),
                    assembler.accept(decoded.frame()).message().payload());
        }
    }
}
