package com.socketworkbench.engine.framing;

import java.util.Arrays;

/**
 * The bytes of one frame in progress. Grows by doubling but never beyond the framer's maximum, so a peer that
 * announces a large frame and then trickles bytes costs memory only for what it actually sent. Every array it keeps
 * is reserved from its {@link ByteAllowance} first (the new one in full while both exist during the copy), and
 * released when dropped.
 */
final class FrameBuffer {
    private static final byte[] EMPTY = new byte[0];
    private static final int INITIAL_CAPACITY = 256;
    /** Above this a buffer is released after each frame rather than kept for the next one. */
    private static final int RETAINED_CAPACITY = 64 * 1024;

    private final int limit;
    private ByteAllowance allowance = ByteAllowance.UNLIMITED;
    private byte[] data = EMPTY;
    private int size;

    FrameBuffer(int limit) {
        this.limit = limit;
    }

    /** From now on arrays are reserved from {@code allowance}; the one held now is moved over to it. */
    void useAllowance(ByteAllowance allowance) {
        if (data.length > 0 && !allowance.reserve(data.length)) {
            throw new FrameMemoryRefusedException(data.length, size);
        }
        this.allowance.release(data.length);
        this.allowance = allowance;
    }

    int size() {
        return size;
    }

    byte get(int index) {
        return data[index];
    }

    void append(byte[] src, int off, int len) {
        int needed = size + len;
        if (needed > limit) {
            throw new IllegalStateException("frame buffer limit " + limit + " exceeded: " + needed);
        }
        if (needed > data.length) {
            long doubled = Math.max(INITIAL_CAPACITY, (long) data.length * 2);
            int capacity = (int) Math.min(limit, Math.max(needed, doubled));
            if (!allowance.reserve(capacity)) {
                throw new FrameMemoryRefusedException(capacity, size);
            }
            byte[] grown = Arrays.copyOf(data, capacity);
            allowance.release(data.length);
            data = grown;
        }
        System.arraycopy(src, off, data, size, len);
        size = needed;
    }

    /** The first {@code length} bytes as a new array; the buffer is empty afterwards. */
    byte[] take(int length) {
        byte[] out = Arrays.copyOf(data, length);
        clear();
        return out;
    }

    byte[] copy() {
        return Arrays.copyOf(data, size);
    }

    /** The first {@code max} bytes at most. */
    byte[] copy(int max) {
        return Arrays.copyOf(data, Math.min(size, max));
    }

    void clear() {
        size = 0;
        if (data.length > RETAINED_CAPACITY) {
            allowance.release(data.length);
            data = EMPTY;
        }
    }
}
