package com.socketworkbench.engine.capture;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fast checksum against RFC 1071 word by word, around every boundary of its chunks and tails. */
class InternetChecksumTest {
    /** RFC 1071 as written: big-endian 16-bit words, an odd last byte padded with zero, carries folded. */
    private static int reference(long start, byte[] data, int offset, int length) {
        long sum = start;
        for (int i = 0; i < length; i += 2) {
            int high = data[offset + i] & 0xFF;
            int low = i + 1 < length ? data[offset + i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    @Test
    void equalsTheWordByWordSumForEveryLengthAndOffset() {
        SplittableRandom random = new SplittableRandom(12);
        byte[] data = new byte[200_000];
        random.nextBytes(data);
        int[] lengths = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 255, 256, 257, 263, 8_191, 8_192, 8_193, 8_199, 16_384,
                65_495, 65_515, 65_535, 131_071, 199_990};
        for (int length : lengths) {
            for (int offset : new int[] {0, 1, 2, 3, 5, 8, 9}) {
                for (long start : new long[] {0, 0xFFFF, 0x1_2345_6789L}) {
                    assertEquals(reference(start, data, offset, length),
                            InternetChecksum.finish(InternetChecksum.add(start, data, offset, length)),
                            "length " + length + " at offset " + offset + " from " + start);
                }
            }
        }
    }

    @Test
    void handlesAllOnesAndAllZeroesWhereCarriesPileUp() {
        byte[] ones = new byte[70_001];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] zeros = new byte[70_001];
        for (int length : new int[] {256, 8_192, 65_495, 70_001}) {
            assertEquals(reference(0, ones, 0, length),
                    InternetChecksum.finish(InternetChecksum.add(0, ones, 0, length)));
            assertEquals(reference(0, zeros, 0, length),
                    InternetChecksum.finish(InternetChecksum.add(0, zeros, 0, length)));
        }
    }

    @Test
    void randomSlicesMatch() {
        SplittableRandom random = new SplittableRandom(99);
        byte[] data = new byte[70_000];
        for (int round = 0; round < 300; round++) {
            random.nextBytes(data);
            int offset = random.nextInt(1_000);
            int length = random.nextInt(data.length - offset + 1);
            long start = random.nextLong(1L << 40);
            assertEquals(reference(start, data, offset, length),
                    InternetChecksum.finish(InternetChecksum.add(start, data, offset, length)),
                    "length " + length + " at offset " + offset);
        }
    }

    @Test
    void refusesARangeOutsideTheArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.add(0, new byte[300], 100, 201));
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.add(0, new byte[300], -1, 10));
    }
}
