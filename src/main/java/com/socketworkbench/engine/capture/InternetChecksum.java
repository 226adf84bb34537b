package com.socketworkbench.engine.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words. */
final class InternetChecksum {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private InternetChecksum() {
    }

    /**
     * Adds {@code length} bytes from {@code offset} to a running sum as big-endian 16-bit words (an odd last byte is
     * padded with zero). Eight bytes at a time are added as two 32-bit words, which RFC 1071 allows as folding
     * makes the sums equal; the long holds 2^31 such additions before it could overflow, far more than a packet.
     */
    static long add(long sum, byte[] data, int offset, int length) {
        int end = offset + length;
        int i = offset;
        // Two independent sums of sixteen bytes a step let the CPU overlap the loads and adds (the recorder
        // checksums every byte it writes: this loop is its hottest).
        long first = 0;
        long second = 0;
        for (; i + 16 <= end; i += 16) {
            long v = (long) LONGS.get(data, i);
            long w = (long) LONGS.get(data, i + 8);
            first += (v >>> 32) + (v & 0xFFFF_FFFFL);
            second += (w >>> 32) + (w & 0xFFFF_FFFFL);
        }
        sum += first + second;
        for (; i + 8 <= end; i += 8) {
            long v = (long) LONGS.get(data, i);
            sum += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (data[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** Folds the carries into 16 bits and complements: the value to put in the checksum field. */
    static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
