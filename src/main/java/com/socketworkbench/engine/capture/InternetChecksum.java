package com.socketworkbench.engine.capture;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Objects;

/** The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words. */
final class InternetChecksum {
    /**
     * Longs summed per step of the fast path: 8 KiB, so the scratch array stays in the first-level cache while it is
     * filled and summed.
     */
    private static final int CHUNK_LONGS = 1_024;
    /** Below this many bytes the plain byte loop is as quick as setting up the fast path. */
    private static final int FAST_PATH_BYTES = 256;
    private static final boolean NATIVE_IS_BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private InternetChecksum() {
    }

    /**
     * Adds {@code length} bytes from {@code offset} to a running sum as big-endian 16-bit words (an odd last byte is
     * padded with zero). The result is a sum whose {@link #finish} is the checksum, not necessarily the plain sum of
     * the words (carries may already be folded in).
     *
     * <p>Exports and the headers go through here (the recorder sums payloads in its block buffer, see the
     * {@link MemorySegment} variant). The fast path copies the bytes, a
     * chunk at a time, into a {@code long[]} (a memory copy) and sums its 32-bit halves in a loop over the array,
     * which the JIT turns into vector instructions; summing the byte array through long views does not vectorize
     * and ran two to three times slower (measured in docs/performance.md). The longs are read in the machine's byte
     * order: RFC 1071 (section 2 (B)) shows the ones' complement sum of byte-swapped words is the byte-swapped sum, so
     * the folded sum is swapped back when the machine is little-endian.
     */
    static long add(long sum, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int i = offset;
        int end = offset + length;
        if (length >= FAST_PATH_BYTES) {
            int longs = length >>> 3;
            long[] scratch = new long[Math.min(longs, CHUNK_LONGS)];
            MemorySegment from = MemorySegment.ofArray(data);
            MemorySegment to = MemorySegment.ofArray(scratch);
            long native16 = 0;
            for (int done = 0; done < longs; ) {
                int n = Math.min(scratch.length, longs - done);
                MemorySegment.copy(from, i, to, 0, (long) n << 3);
                native16 += sumHalves(scratch, n);
                i += n << 3;
                done += n;
            }
            int folded = fold(native16);
            sum += NATIVE_IS_BIG_ENDIAN ? folded : Integer.reverseBytes(folded) >>> 16;
        }
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (data[i] & 0xFF) << 8;
        }
        return sum;
    }

    /**
     * As {@link #add(long, byte[], int, int)}, over {@code length} bytes of {@code data} from {@code offset}: the
     * recorder sums a payload where it has just copied it (its direct block buffer), so the payload is read once
     * more from the cache instead of a second time from the heap. The longs are read straight from the segment in
     * the machine's byte order by a counted loop, then the folded sum is swapped as above.
     */
    static long add(long sum, MemorySegment data, long offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.byteSize());
        long i = offset;
        long end = offset + length;
        if (length >= FAST_PATH_BYTES) {
            int longs = length >>> 3;
            int folded = fold(sumHalves(data, offset, longs));
            sum += NATIVE_IS_BIG_ENDIAN ? folded : Integer.reverseBytes(folded) >>> 16;
            i += (long) longs << 3;
        }
        for (; i + 1 < end; i += 2) {
            sum += ((data.get(ValueLayout.JAVA_BYTE, i) & 0xFF) << 8) | (data.get(ValueLayout.JAVA_BYTE, i + 1) & 0xFF);
        }
        if (i < end) {
            sum += (data.get(ValueLayout.JAVA_BYTE, i) & 0xFF) << 8;
        }
        return sum;
    }

    /**
     * The sum of the 32-bit halves of {@code n} longs of {@code data} from {@code offset}, read in native order. At
     * most 2^28 longs (an int byte length): far below overflowing a long.
     */
    private static long sumHalves(MemorySegment data, long offset, int n) {
        long low = 0;
        long high = 0;
        for (int k = 0; k < n; k++) {
            long word = data.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + ((long) k << 3));
            low += word & 0xFFFF_FFFFL;
            high += word >>> 32;
        }
        return low + high;
    }

    /**
     * The sum of the 32-bit halves of the first {@code n} longs: a plain loop the JIT vectorizes. Two 32-bit words per
     * long, at most {@value #CHUNK_LONGS} longs: far below overflowing a long.
     */
    private static long sumHalves(long[] words, int n) {
        long low = 0;
        long high = 0;
        for (int k = 0; k < n; k++) {
            long word = words[k];
            low += word & 0xFFFF_FFFFL;
            high += word >>> 32;
        }
        return low + high;
    }

    /** Folds the carries of a sum into 16 bits (the ones' complement sum, not yet complemented). */
    static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** Folds the carries into 16 bits and complements: the value to put in the checksum field. */
    static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }
}
