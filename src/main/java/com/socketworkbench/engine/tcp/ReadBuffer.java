package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.framing.ByteAllowance;

import java.util.Arrays;

/**
 * The read buffer of one connection, sized by what the connection does: a quiet connection (most of thousands held
 * open) keeps a small one, a read that fills it shows more is waiting and switches to a large one, then to a bulk one,
 * and reads that fill even that (a bulk transfer) grow it fourfold up to {@link #MAX}; after
 * {@link #RELEASE_AFTER_MILLIS} without data the buffer goes back to small. Reader thread only.
 *
 * <p>The larger sizes pay off for the whole engine path: each read costs a system call, an event, a queue entry and a
 * timeline row whatever its size, and on loopback a read into a 4 MiB buffer returns 2–3 MiB, a tenth of the calls a
 * 256 KiB buffer needs (docs/performance.md, P1). What a buffer grows beyond {@link #BULK} comes from its owner's
 * {@link Allowance} (a sixteenth of the listener's or client's memory budget, beside it, and only while that budget
 * is little used), so many bulk connections at once, or peers whose echo piles up, keep 256 KiB each.
 */
final class ReadBuffer {
    static final int SMALL = 2 * 1024;
    static final int LARGE = 64 * 1024;
    static final int BULK = 256 * 1024;
    static final int MAX = 4 * 1024 * 1024;
    /** Silence after which a large buffer is given back (the reader wakes for it once). */
    static final long RELEASE_AFTER_MILLIS = 1000;

    /** Where the bytes a buffer grows beyond {@link #BULK} come from, and whether it may keep them. */
    interface Allowance extends ByteAllowance {
        /** False when the owner's memory is wanted elsewhere: a grown buffer then goes back to {@link #BULK}. */
        default boolean mayKeep() {
            return true;
        }
    }

    private final Allowance allowance;
    private byte[] array = new byte[SMALL];
    /** What the current array holds beyond {@link #BULK}, taken from the allowance. */
    private long taken;

    ReadBuffer(Allowance allowance) {
        this.allowance = allowance;
    }

    /** The array to read into next; may change after {@link #filled} and {@link #release}. */
    byte[] array() {
        return array;
    }

    /** After a read of {@code n} bytes (the array's content is consumed by then): a full buffer grows. */
    void filled(int n) {
        int next = n == array.length ? next(n) : keptSize();
        if (next != array.length) {
            array = new byte[next];
        }
    }

    /**
     * The {@code n} bytes just read as an array of their own, for raw framing where a read is a frame: a full
     * buffer is handed over as it is (saving a copy of every byte of a bulk transfer, where reads fill the buffer)
     * and a fresh one of the next size takes its place; a partial read is copied out of the kept buffer.
     */
    byte[] take(int n) {
        if (n == array.length) {
            byte[] full = array;
            array = new byte[next(n)];
            return full;
        }
        byte[] copy = Arrays.copyOf(array, n);
        int kept = keptSize();
        if (kept != array.length) {
            array = new byte[kept];
        }
        return copy;
    }

    /** The size after a full read of {@code length}: larger while the steps and the allowance let it grow. */
    private int next(int length) {
        int kept = keptSize();
        if (kept != length) {
            return kept;
        }
        if (length < LARGE) {
            return LARGE;
        }
        if (length < BULK) {
            return BULK;
        }
        if (length >= MAX) {
            return length;
        }
        int grown = length * 4;
        if (!allowance.reserve(grown - length)) {
            return length;
        }
        taken += grown - length;
        return grown;
    }

    /** The size the current array may keep: {@link #BULK} again, its grant given back, once the owner wants it. */
    private int keptSize() {
        if (array.length > BULK && !allowance.mayKeep()) {
            giveBack();
            return BULK;
        }
        return array.length;
    }

    boolean isLarge() {
        return array.length > SMALL;
    }

    /** Back to the small array; what it held beyond the bulk size goes back to the allowance. */
    void release() {
        if (isLarge()) {
            array = new byte[SMALL];
        }
        giveBack();
    }

    /** The reader ended: the allowance gets back what this buffer held beyond the bulk size. */
    void close() {
        giveBack();
    }

    private void giveBack() {
        if (taken > 0) {
            allowance.release(taken);
            taken = 0;
        }
    }
}
