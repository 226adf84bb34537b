package com.socketworkbench.engine.capture;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fast checksum against RFC 1071 word by word, around every boundary of its chunks and tails, over a byte array
 * and over native memory (the recorder's block buffer).
 */
class InternetChecksumTest {
    /** The checksum of the bytes over the array, asserting the native-memory path gives the same. */
    private static int checked(long start, byte[] data, int offset, int length) {
        int fromArray = InternetChecksum.finish(InternetChecksum.add(start, data, offset, length));
        // A native copy one byte longer and shifted by 3, so its longs are read unaligned where the array's were not.
        MemorySegment memory = Arena.ofAuto().allocate(data.length + 3L);
        MemorySegment.copy(MemorySegment.ofArray(data), 0, memory, 3, data.length);
        assertEquals(fromArray, InternetChecksum.finish(InternetChecksum.add(start, memory, offset + 3L, length)),
                "native memory, length " + length + " at offset " + offset);
        return fromArray;
    }

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
                            checked(start, data, offset, length),
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
                    checked(0, ones, 0, length));
            assertEquals(reference(0, zeros, 0, length),
                    checked(0, zeros, 0, length));
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
                    checked(start, data, offset, length),
                    "length " + length + " at offset " + offset);
        }
    }

    @Test
    void refusesARangeOutsideTheArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.add(0, new byte[300], 100, 201));
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.add(0, new byte[300], -1, 10));
        MemorySegment memory = Arena.ofAuto().allocate(300);
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.add(0, memory, 100, 201));
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.add(0, memory, -1, 10));
    }
}
