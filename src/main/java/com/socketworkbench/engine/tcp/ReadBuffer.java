package com.socketworkbench.engine.tcp;

import java.util.Arrays;

/**
 * The read buffer of one connection, sized by what the connection does: a quiet connection (most of thousands held
 * open) keeps a small one, a read that fills it shows more is waiting and switches to a large one, a read that fills
 * the large one (a bulk transfer) to a bulk one, and after {@link #RELEASE_AFTER_MILLIS} without data the buffer goes
 * back to small. Reader thread only.
 *
 * <p>The bulk size pays off for the whole engine path: each read costs a system call, an event, a queue entry and a
 * timeline row whatever its size, and at loopback speeds (GB/s) those fixed costs were a fifth of a 64 KiB read's.
 */
final class ReadBuffer {
    static final int SMALL = 2 * 1024;
    static final int LARGE = 64 * 1024;
    static final int BULK = 256 * 1024;
    /** Silence after which a large buffer is given back (the reader wakes for it once). */
    static final long RELEASE_AFTER_MILLIS = 1000;

    private byte[] array = new byte[SMALL];

    /** The array to read into next; may change after {@link #filled} and {@link #release}. */
    byte[] array() {
        return array;
    }

    /** After a read of {@code n} bytes (the array's content is consumed by then): a full buffer grows. */
    void filled(int n) {
        if (n == array.length && array.length < BULK) {
            array = new byte[next(array.length)];
        }
    }

    private static int next(int length) {
        return length < LARGE ? LARGE : BULK;
    }

    /**
     * The {@code n} bytes just read as an array of their own, for raw framing where a read is a frame: a full
     * buffer is handed over as it is (saving a copy of every byte of a bulk transfer, where reads fill the buffer)
     * and a fresh one of the next size takes its place; a partial read is copied out of the kept buffer.
     */
    byte[] take(int n) {
        if (n == array.length) {
            byte[] full = array;
            array = new byte[n < BULK ? next(n) : BULK];
            return full;
        }
        return Arrays.copyOf(array, n);
    }

    boolean isLarge() {
        return array.length > SMALL;
    }

    /** Back to the small array. */
    void release() {
        if (isLarge()) {
            array = new byte[SMALL];
        }
    }
}
