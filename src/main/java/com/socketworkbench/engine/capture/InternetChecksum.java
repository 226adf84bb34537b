package com.socketworkbench.engine.capture;

/** The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words. */
final class InternetChecksum {

    private InternetChecksum() {
    }

    /**
     * Adds {@code length} bytes from {@code offset} to a running sum as big-endian 16-bit words (an odd last byte is
     * padded with zero). The sum is kept unfolded in a long: 2^47 words before it could overflow.
     */
    static long add(long sum, byte[] data, int offset, int length) {
        int end = offset + length;
        int i = offset;
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
