package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HexDumpTest {

    private static final byte[] HELLO = "Hello world\n\0\u00ff\u007fA".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void fullLineLayout() {
        byte[] data = new byte[32];
        System.arraycopy(HELLO, 0, data, 16, 16);
        assertEquals("00000010  48 65 6c 6c 6f 20 77 6f 72 6c 64 0a 00 ff 7f 41  |Hello world....A|",
                HexDump.line(ByteSource.of(data), 1));
    }

    @Test
    void shortLastLineIsPaddedSoTheAsciiColumnAligns() {
        byte[] data = Arrays.copyOf(HELLO, 19);
        data[16] = 'x';
        data[17] = 'y';
        data[18] = 'z';
        String dump = HexDump.dump(data);
        assertEquals("""
                00000000  48 65 6c 6c 6f 20 77 6f 72 6c 64 0a 00 ff 7f 41  |Hello world....A|
                00000010  78 79 7a                                         |xyz|""", dump);
        String[] lines = dump.split("\n");
        assertEquals(lines[0].indexOf('|'), lines[1].indexOf('|'));
    }

    @Test
    void oneByteDump() {
        assertEquals("00000000  00                                               |.|", HexDump.dump(new byte[1]));
    }

    @Test
    void emptyDataHasNoLines() {
        assertEquals("", HexDump.dump(new byte[0]));
        assertEquals(0, HexDump.lineCount(0));
        assertThrows(IndexOutOfBoundsException.class, () -> HexDump.line(ByteSource.of(new byte[0]), 0));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "15,1", "16,1", "17,2", "32,2", "33,3", "4294967296,268435456",
            "9223372036854775807,576460752303423488"})
    void lineCount(long length, long lines) {
        assertEquals(lines, HexDump.lineCount(length));
    }

    @Test
    void columnsForTableViews() {
        ByteSource src = ByteSource.of(Arrays.copyOf(HELLO, 18));
        assertEquals("00000000", HexDump.offsetColumn(0));
        assertEquals("00000010", HexDump.offsetColumn(1));
        assertEquals("48 65 6c 6c 6f 20 77 6f 72 6c 64 0a 00 ff 7f 41", HexDump.hexColumn(src, 0));
        assertEquals("Hello world....A", HexDump.asciiColumn(src, 0));
        assertEquals("00 00", HexDump.hexColumn(src, 1));
        assertEquals("..", HexDump.asciiColumn(src, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> HexDump.hexColumn(src, 2));
        assertThrows(IllegalArgumentException.class, () -> HexDump.offsetColumn(-1));
    }

    @Test
    void asciiColumnShowsOnlyPrintableAscii() {
        byte[] data = {0x1f, 0x20, 0x7e, 0x7f, (byte) 0x80, (byte) 0xe4};
        assertEquals(". ~...", HexDump.asciiColumn(ByteSource.of(data), 0));
    }

    @Test
    void offsetsBeyondFourGibibytesWidenEveryLine() {
        ByteSource huge = new PatternSource(0x1_0000_0010L + 3);
        long lastLine = HexDump.lineCount(huge.length()) - 1;
        assertEquals(0x1000_0001L, lastLine);
        assertEquals("000000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  |................|",
                HexDump.line(huge, 0));
        assertEquals("100000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  |................|",
                HexDump.line(huge, 0x1000_0000L));
        assertEquals("100000010  00 01 02                                         |...|",
                HexDump.line(huge, lastLine));
        assertEquals("fffffff0", HexDump.offsetColumn(0x0fff_ffffL));
        assertEquals("100000000", HexDump.offsetColumn(0x1000_0000L));
        assertEquals("000000010", HexDump.offsetColumn(1, huge.length()));
    }

    @Test
    void exactlyFourGibibytesStillFitsEightDigits() {
        ByteSource fourGiB = new PatternSource(0x1_0000_0000L);
        assertEquals("fffffff0  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  |................|",
                HexDump.line(fourGiB, 0x0fff_ffffL));
    }

    /** Pretends to be a huge source; byte i is i % 16, so each line reads 00..0f. */
    private record PatternSource(long length) implements ByteSource {
        @Override
        public int read(long position, byte[] dst, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            for (int i = 0; i < n; i++) {
                dst[off + i] = (byte) ((position + i) % 16);
            }
            return n;
        }
    }
}
