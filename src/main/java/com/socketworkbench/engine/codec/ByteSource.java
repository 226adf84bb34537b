package com.socketworkbench.engine.codec;

import java.util.Arrays;

/**
 * Random access to bytes that may not fit in memory, e.g. an HTTP body spooled to a temp file. Views read only the
 * window they show.
 *
 * <p>Implementations never throw checked exceptions; an I/O failure surfaces as {@link java.io.UncheckedIOException}.
 */
public interface ByteSource {

    /** The number of bytes available now. */
    long length();

    /**
     * Reads up to {@code len} bytes starting at {@code position} into {@code dst[off..]}.
     *
     * @return the number of bytes read (fewer than {@code len} only at the end of the data), 0 when {@code len} is 0,
     *         -1 when {@code position} is at or past the end
     * @throws java.io.UncheckedIOException when the underlying storage fails
     */
    int read(long position, byte[] dst, int off, int len);

    /** Up to {@code maxBytes} bytes from the start; a copy the caller owns. */
    default byte[] readAll(int maxBytes) {
        return readAt(0, (int) Math.min(maxBytes, length()));
    }

    /** Up to {@code len} bytes from {@code position}; shorter at the end of the data, empty past it. */
    default byte[] readAt(long position, int len) {
        if (len < 0 || position < 0) {
            throw new IllegalArgumentException("position and length must not be negative: " + position + ", " + len);
        }
        byte[] out = new byte[(int) Math.max(0, Math.min(len, length() - position))];
        int filled = 0;
        while (filled < out.length) {
            int n = read(position + filled, out, filled, out.length - filled);
            if (n <= 0) {
                break;
            }
            filled += n;
        }
        return filled == out.length ? out : Arrays.copyOf(out, filled);
    }

    /** A source over {@code data} itself, not a copy: the caller must not change the array afterwards. */
    static ByteSource of(byte[] data) {
        return new ArrayByteSource(data, 0, data.length);
    }

    /** A source over {@code len} bytes of {@code data} from {@code off}, not a copy. */
    static ByteSource of(byte[] data, int off, int len) {
        return new ArrayByteSource(data, off, len);
    }
}
