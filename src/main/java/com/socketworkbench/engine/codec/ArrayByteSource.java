package com.socketworkbench.engine.codec;

import java.util.Objects;

/** A {@link ByteSource} over a slice of an array the caller promises not to change. */
final class ArrayByteSource implements ByteSource {

    private final byte[] data;
    private final int off;
    private final int len;

    ArrayByteSource(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        this.data = data;
        this.off = off;
        this.len = len;
    }

    @Override
    public long length() {
        return len;
    }

    @Override
    public int read(long position, byte[] dst, int dstOff, int count) {
        Objects.checkFromIndexSize(dstOff, count, dst.length);
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        if (count == 0) {
            return 0;
        }
        if (position >= len) {
            return -1;
        }
        int n = (int) Math.min(count, len - position);
        System.arraycopy(data, off + (int) position, dst, dstOff, n);
        return n;
    }
}
