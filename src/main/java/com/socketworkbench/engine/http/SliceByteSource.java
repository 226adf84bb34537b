package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;

/** A window of another source (e.g. the body inside the raw response), without copying. */
final class SliceByteSource implements ByteSource {

    private final ByteSource base;
    private final long offset;
    private final long length;

    SliceByteSource(ByteSource base, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad slice " + offset + "+" + length);
        }
        this.base = base;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        if (position >= length) {
            return len == 0 ? 0 : -1;
        }
        int n = (int) Math.min(len, length - position);
        return base.read(offset + position, dst, off, n);
    }
}
