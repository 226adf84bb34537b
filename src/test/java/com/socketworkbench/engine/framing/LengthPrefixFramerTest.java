package com.socketworkbench.engine.framing;

import com.socketworkbench.engine.framing.FramingHarness.Got;
import com.socketworkbench.engine.framing.FramingHarness.StreamBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.socketworkbench.engine.framing.FramingHarness.allSplits;
import static com.socketworkbench.engine.framing.FramingHarness.ascii;
import static com.socketworkbench.engine.framing.FramingHarness.concat;
import static com.socketworkbench.engine.framing.FramingHarness.describeCuts;
import static com.socketworkbench.engine.framing.FramingHarness.expected;
import static com.socketworkbench.engine.framing.FramingHarness.feed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LengthPrefixFramerTest {

    /** The length field value {@code value} in {@code width} bytes. */
    static byte[] lengthField(long value, int width, Endianness order) {
        byte[] field = new byte[width];
        for (int k = 0; k < width; k++) {
            int shift = 8 * (order == Endianness.BIG ? width - 1 - k : k);
            field[k] = (byte) (value >>> shift);
        }
        return field;
    }

    /** A whole frame as it travels: the skipped bytes, the length field, the body. */
    static byte[] encode(FramingSpec.LengthPrefixed spec, byte[] skipped, byte[] body) {
        int header = spec.skipBytes() + spec.fieldBytes();
        long length = spec.lengthIncludesHeader() ? header + body.length : body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(skipped);
        out.writeBytes(lengthField(length, spec.fieldBytes(), spec.byteOrder()));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (int width : new int[]{1, 2, 4, 8}) {
            for (Endianness order : Endianness.values()) {
                for (boolean includesHeader : new boolean[]{false, true}) {
                    for (int skip : new int[]{0, 3}) {
                        all.add(Arguments.of(new FramingSpec.LengthPrefixed(width, order, includesHeader, skip, 4096)));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void framesAreExactForEverySplit(FramingSpec.LengthPrefixed spec) throws FrameTooLargeException {
        byte[] skipped = new byte[spec.skipBytes()];
        for (int i = 0; i < skipped.length; i++) {
            skipped[i] = (byte) (0xA0 + i);
        }
        StreamBuilder b = new StreamBuilder();
        for (String body : new String[]{"", "x", "hello", "a\nlonger\nbody"}) {
            byte[] wire = encode(spec, skipped, ascii(body));
            b.frame(wire, wire);
        }
        byte[] partial = encode(spec, skipped, ascii("cut"));
        byte[] trailing = java.util.Arrays.copyOf(partial, partial.length - 1);
        byte[] stream = concat(b.stream(), trailing);
        for (int[] cuts : allSplits(stream.length)) {
            Framer framer = spec.create();
            List<Got> got = feed(framer, stream, cuts);
            assertEquals(expected(b.frames(), cuts), got, spec + " reads " + describeCuts(cuts));
            assertArrayEquals(trailing, framer.pending(), spec + " pending after " + describeCuts(cuts));
        }
    }

    @Test
    void lengthFieldIsReadUnsignedInTheChosenByteOrder() throws FrameTooLargeException {
        // Bytes 01 02: big endian 0x0102 = 258, little endian 0x0201 = 513; 0xff in one byte = 255, not -1.
        byte[] body = new byte[513];
        assertEquals(2 + 258, frameSizeOf(new FramingSpec.LengthPrefixed(2, Endianness.BIG),
                concat(new byte[]{1, 2}, body)));
        assertEquals(2 + 513, frameSizeOf(new FramingSpec.LengthPrefixed(2, Endianness.LITTLE),
                concat(new byte[]{1, 2}, body)));
        assertEquals(1 + 255, frameSizeOf(new FramingSpec.LengthPrefixed(1, Endianness.BIG),
                concat(new byte[]{(byte) 0xff}, body)));
        assertEquals(4 + 0x0100, frameSizeOf(new FramingSpec.LengthPrefixed(4, Endianness.LITTLE),
                concat(new byte[]{0, 1, 0, 0}, body)));
    }

    private static int frameSizeOf(FramingSpec spec, byte[] stream) throws FrameTooLargeException {
        List<Got> got = feed(spec.create(), stream, FramingHarness.oneRead(stream.length));
        return got.getFirst().hex().length() / 2;
    }

    @Test
    void lengthSmallerThanTheHeaderGivesAHeaderOnlyFrameAndStaysAligned() throws FrameTooLargeException {
        FramingSpec spec = new FramingSpec.LengthPrefixed(2, Endianness.BIG, true, 1, 100);
        byte[] stream = {0x07, 0x00, 0x01, 0x07, 0x00, 0x04, 'z'};
        List<Got> got = feed(spec.create(), stream, FramingHarness.oneBytePerRead(stream.length));
        assertEquals(List.of(Got.of(new byte[]{0x07, 0x00, 0x01}, 3), Got.of(new byte[]{0x07, 0x00, 0x04, 'z'}, 4)),
                got);
    }

    @Test
    void describesItself() {
        assertEquals("length prefix (2 bytes, big endian, counts the body only), max 16 MiB",
                new FramingSpec.LengthPrefixed(2, Endianness.BIG).describe());
        assertEquals("length prefix (1 byte, after 4 bytes, counts the whole frame), max 1 KiB",
                new FramingSpec.LengthPrefixed(1, Endianness.LITTLE, true, 4, 1024).describe());
    }

    @Test
    void rejectsImpossibleLayouts() {
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> new FramingSpec.LengthPrefixed(3, Endianness.BIG));
        assertEquals("the length field must be 1, 2, 4 or 8 bytes wide, not 3", width.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> new FramingSpec.LengthPrefixed(8, Endianness.BIG, false, 4, 10));
        assertEquals("the header (12 bytes) does not fit in the maximum frame size of 10 bytes", header.getMessage());
    }
}
