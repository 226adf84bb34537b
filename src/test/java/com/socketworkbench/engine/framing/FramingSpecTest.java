package com.socketworkbench.engine.framing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FramingSpecTest {

    private static String error(Runnable parse) {
        return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
    }

    @Test
    void delimiterFromPresetNameOrHex() {
        assertArrayEquals(new byte[]{0x0d, 0x0a}, FramingSpec.parseDelimiter("crlf"));
        assertArrayEquals(new byte[]{0x0a}, FramingSpec.parseDelimiter("LF"));
        assertArrayEquals(new byte[]{0x00}, FramingSpec.parseDelimiter("NUL"));
        assertArrayEquals(new byte[]{0x0d, 0x0a}, FramingSpec.parseDelimiter("0d0a"));
        assertArrayEquals(new byte[]{0x0d, 0x0a}, FramingSpec.parseDelimiter(" 0D 0A "));
        assertArrayEquals(new byte[]{0x7e}, FramingSpec.parseDelimiter("0x7e"));
        assertArrayEquals(new byte[]{(byte) 0xde, (byte) 0xad}, FramingSpec.parseDelimiter("de:ad"));
    }

    @Test
    void badDelimitersAreExplained() {
        assertEquals("the delimiter is empty: choose LF, CRLF, CR or NUL, or enter hex bytes such as 0d0a",
                error(() -> FramingSpec.parseDelimiter("  ")));
        assertEquals("'g' in the delimiter '0g' is not a hex digit (0-9, a-f)",
                error(() -> FramingSpec.parseDelimiter("0g")));
        assertEquals("the delimiter 'abc' has an odd number of hex digits; each byte needs two, e.g. 0a",
                error(() -> FramingSpec.parseDelimiter("abc")));
        assertEquals("the delimiter must have at least one byte",
                error(() -> new FramingSpec.Delimited(new byte[0], false, 100)));
    }

    @Test
    void maxFrameSizeAcceptsUnitsWithinBounds() {
        assertEquals(FramingSpec.DEFAULT_MAX_FRAME_SIZE, FramingSpec.parseMaxFrameSize(""));
        assertEquals(32 * 1024 * 1024, FramingSpec.parseMaxFrameSize("32 MiB"));
        assertEquals(32 * 1024 * 1024, FramingSpec.parseMaxFrameSize("32m"));
        assertEquals(1 << 30, FramingSpec.parseMaxFrameSize("1G"));
        assertEquals(20_000_000, FramingSpec.parseMaxFrameSize("20000000"));
        assertEquals("the maximum frame size must be between 16 MiB and 1 GiB, not 1 MiB",
                error(() -> FramingSpec.parseMaxFrameSize("1 MiB")));
        assertEquals("the maximum frame size must be between 16 MiB and 1 GiB, not 2 GiB",
                error(() -> FramingSpec.parseMaxFrameSize("2GiB")));
        assertEquals("'lots' is not a size: enter a number of bytes or a size such as 64 KiB or 16 MiB",
                error(() -> FramingSpec.parseMaxFrameSize("lots")));
    }

    @Test
    void otherModesFromUiFields() {
        assertEquals(new FramingSpec.Delimited(new byte[]{0x0d, 0x0a}, true, FramingSpec.DEFAULT_MAX_FRAME_SIZE),
                FramingSpec.parseDelimited("0d0a", true, ""));
        assertNotEquals(FramingSpec.parseDelimited("0d0a", true, ""), FramingSpec.parseDelimited("0d0a", false, ""));
        assertEquals(new FramingSpec.LengthPrefixed(4, Endianness.LITTLE, true, 2, 64 * 1024 * 1024),
                FramingSpec.parseLengthPrefixed(4, Endianness.LITTLE, true, "2", "64 MiB"));
        assertEquals(new FramingSpec.LengthPrefixed(2, Endianness.BIG),
                FramingSpec.parseLengthPrefixed(2, Endianness.BIG, false, " ", null));
        assertEquals(new FramingSpec.FixedSize(1024, FramingSpec.DEFAULT_MAX_FRAME_SIZE),
                FramingSpec.parseFixedSize("1 KiB", ""));
        assertEquals(new FramingSpec.IdleGap(200), FramingSpec.parseIdleGap("200", ""));

        assertEquals("the frame size must be at least 1 byte", error(() -> FramingSpec.parseFixedSize("0", "")));
        assertEquals("enter the frame size in bytes", error(() -> FramingSpec.parseFixedSize("", "")));
        assertEquals("a frame size of 32 MiB is larger than the maximum frame size of 16 MiB",
                error(() -> FramingSpec.parseFixedSize("32M", "")));
        assertEquals("'3x' is not a whole number (bytes before the length field)",
                error(() -> FramingSpec.parseLengthPrefixed(2, Endianness.BIG, false, "3x", "")));
        assertEquals("the bytes before the length field must be between 0 and 65535, not 70000",
                error(() -> FramingSpec.parseLengthPrefixed(2, Endianness.BIG, false, "70000", "")));
        assertEquals("the idle gap in milliseconds must be between 1 and 60000, not 0",
                error(() -> FramingSpec.parseIdleGap("0", "")));
    }

    @Test
    void byteSizesFormatExactUnits() {
        assertEquals("16 MiB", ByteSizes.format(16L << 20));
        assertEquals("1 GiB", ByteSizes.format(1L << 30));
        assertEquals("1 byte", ByteSizes.format(1));
        assertEquals("1000 bytes", ByteSizes.format(1000));
        assertEquals("3 KiB", ByteSizes.format(3072));
        assertEquals(512 * 1024, ByteSizes.parse("512 kb"));
    }

    @Test
    void specsAreValuesAndTheDelimiterIsCopied() {
        byte[] delimiter = {0x0a};
        FramingSpec.Delimited spec = new FramingSpec.Delimited(delimiter, false, 10);
        delimiter[0] = 0x0d;
        spec.delimiter()[0] = 0x0d;
        assertArrayEquals(new byte[]{0x0a}, spec.delimiter());
        assertEquals(new FramingSpec.Delimited(DelimiterPreset.LF, false).hashCode(),
                new FramingSpec.Delimited(new byte[]{0x0a}, false, FramingSpec.DEFAULT_MAX_FRAME_SIZE).hashCode());
        assertEquals("CRLF (carriage return + line feed \\r\\n, 0d 0a)", DelimiterPreset.CRLF.label());
    }
}
