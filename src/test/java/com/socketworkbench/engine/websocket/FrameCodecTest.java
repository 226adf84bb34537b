package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The frame codec against the examples of RFC 6455 section 5.7, fed whole, byte by byte and in random splits. */
class FrameCodecTest {
    private static final int KEY = 0x37fa213d;
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anUnmaskedHelloIsTheRfcBytes() {
        byte[] wire = FrameEncoder.wire(FrameEncoder.encode(true, Opcode.TEXT, HELLO, null));
        assertArrayEquals(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), wire);
        WsFrame frame = decodeOne(wire);
        assertTrue(frame.fin());
        assertEquals(Opcode.TEXT, frame.opcode());
        assertFalse(frame.masked());
        assertArrayEquals(HELLO, frame.payload());
    }

    @Test
    void aMaskedHelloIsTheRfcBytesAndUnmasks() {
        byte[] wire = FrameEncoder.wire(FrameEncoder.encode(true, Opcode.TEXT, HELLO, KEY));
        assertArrayEquals(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58), wire);
        FrameDecoder.Decoded decoded = new FrameDecoder().feed(wire).getFirst();
        assertArrayEquals(HELLO, decoded.frame().payload());
        assertEquals(KEY, decoded.frame().maskKey());
        // A server must not mask: read as a server's frame it is a protocol error.
        assertEquals(List.of("masked"), decoded.verdicts().stream().map(WsVerdict::code).toList());
    }

    @Test
    void theFragmentedHelloAndThePingAndPongAreTheRfcBytes() {
        assertArrayEquals(bytes(0x01, 0x03, 0x48, 0x65, 0x6c), FrameEncoder.wire(
                FrameEncoder.encode(false, Opcode.TEXT, "Hel".getBytes(StandardCharsets.US_ASCII), null)));
        assertArrayEquals(bytes(0x80, 0x02, 0x6c, 0x6f), FrameEncoder.wire(
                FrameEncoder.encode(true, Opcode.CONTINUATION, "lo".getBytes(StandardCharsets.US_ASCII), null)));
        assertArrayEquals(bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.PING, HELLO, null)));
        assertArrayEquals(bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.PONG, HELLO, KEY)));
    }

    @Test
    void lengthsOf256And65536UseTheTwoAndEightByteEncodings() {
        byte[] wire256 = FrameEncoder.wire(FrameEncoder.encode(true, Opcode.BINARY, new byte[256], null));
        assertArrayEquals(bytes(0x82, 0x7e, 0x01, 0x00), java.util.Arrays.copyOf(wire256, 4));
        assertEquals(4 + 256, wire256.length);
        byte[] wire64k = FrameEncoder.wire(FrameEncoder.encode(true, Opcode.BINARY, new byte[65536], null));
        assertArrayEquals(bytes(0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0), java.util.Arrays.copyOf(wire64k, 10));
        assertEquals(10 + 65536, wire64k.length);
        assertEquals(65536, decodeOne(wire64k).payloadLength());
        assertTrue(new FrameDecoder().feed(wire256).getFirst().verdicts().isEmpty());
    }

    @Test
    void anySplitOfAStreamOfFramesDecodesTheSame() {
        List<byte[]> frames = List.of(
                FrameEncoder.wire(FrameEncoder.encode(false, Opcode.TEXT, "Hel".getBytes(StandardCharsets.UTF_8),
                        null)),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.PING, HELLO, null)),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.CONTINUATION, "lo".getBytes(StandardCharsets.UTF_8),
                        null)),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.BINARY, pattern(300), null)),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.BINARY, pattern(70_000), null)),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.BINARY, new byte[0], null)),
                FrameEncoder.wire(FrameEncoder.encode(true, Opcode.CLOSE, FrameEncoder.closePayload(1000, "bye"),
                        null)));
        byte[] stream = concat(frames);
        List<WsFrame> whole = frames(new FrameDecoder(), stream, stream.length);
        assertEquals(7, whole.size());
        assertEquals(70_000, whole.get(4).payload().length);

        List<WsFrame> byteByByte = frames(new FrameDecoder(), stream, 1);
        assertSame(whole, byteByByte);

        Random random = new Random(6455);
        for (int round = 0; round < 50; round++) {
            FrameDecoder decoder = new FrameDecoder();
            List<WsFrame> out = new ArrayList<>();
            int at = 0;
            while (at < stream.length) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(40));
                decoder.feed(stream, at, n).forEach(d -> out.add(d.frame()));
                at += n;
            }
            assertSame(whole, out);
        }
    }

    @Test
    void headerProblemsAreVerdicts() {
        // 126 announcing 5 bytes: readable, but not the shortest encoding.
        FrameDecoder.Decoded nonMinimal = new FrameDecoder().feed(bytes(0x81, 0x7e, 0x00, 0x05, 'a', 'b', 'c', 'd',
                'e')).getFirst();
        assertEquals(List.of("length.nonMinimal"), codes(nonMinimal));
        assertFalse(nonMinimal.fatal());
        assertEquals("abcde", Recorded.text(nonMinimal.frame()));

        FrameDecoder overflowDecoder = new FrameDecoder();
        FrameDecoder.Decoded overflow = overflowDecoder.feed(bytes(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 1))
                .getFirst();
        assertEquals(List.of("length.overflow"), codes(overflow));
        assertTrue(overflowDecoder.stopped());

        assertEquals(List.of("opcode.reserved"), codes(new FrameDecoder().feed(bytes(0x83, 0x00)).getFirst()));
        assertEquals(List.of("rsv"), codes(new FrameDecoder().feed(bytes(0xc1, 0x01, 'x')).getFirst()));
        assertEquals(List.of("control.fragmented"), codes(new FrameDecoder().feed(bytes(0x09, 0x00)).getFirst()));
        byte[] longPing = concat(List.of(bytes(0x89, 0x7e, 0x00, 0x7e), new byte[126]));
        assertEquals(List.of("control.tooLong"), codes(new FrameDecoder().feed(longPing).getFirst()));
        FrameDecoder.Decoded tooBig = new FrameDecoder(1000).feed(bytes(0x82, 0x7e, 0x10, 0x00)).getFirst();
        assertEquals(List.of("frame.tooBig"), codes(tooBig));
        assertEquals(1009, tooBig.verdicts().getFirst().closeCode());
    }

    @Test
    void payloadTextShowsInvalidBytesAsHex() {
        assertEquals("h\\xffi\\n", PayloadText.utf8(bytes('h', 0xff, 'i', '\n'), 100));
        assertEquals("€", PayloadText.utf8("€".getBytes(StandardCharsets.UTF_8), 100));
        assertEquals("48 65 6c", PayloadText.hex(HELLO, 3));
    }

    private static void assertSame(List<WsFrame> expected, List<WsFrame> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).opcode(), actual.get(i).opcode());
            assertEquals(expected.get(i).fin(), actual.get(i).fin());
            assertArrayEquals(expected.get(i).header(), actual.get(i).header());
            assertArrayEquals(expected.get(i).payload(), actual.get(i).payload());
        }
    }

    private static List<WsFrame> frames(FrameDecoder decoder, byte[] stream, int step) {
        List<WsFrame> out = new ArrayList<>();
        for (int at = 0; at < stream.length; at += step) {
            decoder.feed(stream, at, Math.min(step, stream.length - at)).forEach(d -> out.add(d.frame()));
        }
        return out;
    }

    private static List<String> codes(FrameDecoder.Decoded decoded) {
        return decoded.verdicts().stream().map(WsVerdict::code).toList();
    }

    private static WsFrame decodeOne(byte[] wire) {
        List<FrameDecoder.Decoded> decoded = new FrameDecoder().feed(wire);
        assertEquals(1, decoded.size());
        return decoded.getFirst().frame();
    }

    private static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    static byte[] concat(List<byte[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
