package com.socketworkbench.engine.framing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * What every boundary-finding framer shares: the frame buffer, counting the reads a frame came from, and the
 * too-large protocol (stop, keep the unread rest, wait for {@link #discard()}).
 *
 * <p>A subclass implements {@link #consume} for one read. It adds frame bytes with {@link #append}, completes frames
 * with {@link #emit} and, on overflow, throws what {@link #overflow} returns.
 */
abstract sealed class AccumulatingFramer implements Framer
        permits DelimiterFramer, LengthPrefixFramer, FixedSizeFramer, IdleGapFramer {

    protected final int maxFrameSize;
    protected final FrameBuffer frame;
    private int frameReads;
    private boolean readCounted;
    private boolean overflowed;
    /** Reads (or their unconsumed tails) that arrived after an oversized frame, oldest first; one entry per read. */
    private final ArrayDeque<byte[]> deferred = new ArrayDeque<>();

    protected AccumulatingFramer(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
        this.frame = new FrameBuffer(maxFrameSize);
    }

    /** Frames one read; called once per read with the read's bytes. */
    protected abstract void consume(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException;

    /** Prepares to find the next frame boundary; called by {@link #discard()} before the frame bytes are dropped. */
    protected abstract void resynchronise(boolean afterOverflow);

    @Override
    public final void onBytes(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException {
        Objects.checkFromIndexSize(off, len, buf.length);
        requireNotOverflowed();
        if (!deferred.isEmpty()) {
            deferred.addLast(Arrays.copyOfRange(buf, off, off + len));
            drainDeferred(sink);
            return;
        }
        feed(buf, off, len, sink);
    }

    @Override
    public final void onIdle(FrameSink sink) {
        if (overflowed || !drainQuietly(sink)) {
            return;
        }
        idle(sink);
    }

    @Override
    public final void onEndOfStream(FrameSink sink) {
        if (overflowed || !drainQuietly(sink)) {
            return;
        }
        endOfStream(sink);
    }

    /** Silence was long enough; only an idle-gap framer acts on it. */
    protected void idle(FrameSink sink) {
    }

    /** The stream ended; by default the partial frame stays {@linkplain #pending() pending}. */
    protected void endOfStream(FrameSink sink) {
    }

    @Override
    public final void useMemoryFrom(ByteAllowance allowance) {
        frame.useAllowance(allowance);
    }

    @Override
    public final void discard() {
        resynchronise(overflowed);
        frame.clear();
        frameReads = 0;
        readCounted = false;
        overflowed = false;
    }

    @Override
    public final byte[] pending() {
        if (deferred.isEmpty()) {
            return frame.copy();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(frame.copy());
        deferred.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Override
    public final int pendingSize() {
        long size = frame.size();
        for (byte[] chunk : deferred) {
            size += chunk.length;
        }
        return (int) Math.min(size, Integer.MAX_VALUE);
    }

    @Override
    public final byte[] pending(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        byte[] head = frame.copy(max);
        if (deferred.isEmpty() || head.length == max) {
            return head;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head);
        for (byte[] chunk : deferred) {
            int room = max - all.size();
            if (room <= 0) {
                break;
            }
            all.write(chunk, 0, Math.min(room, chunk.length));
        }
        return all.toByteArray();
    }

    /** Adds bytes of the current read to the frame in progress. */
    protected final void append(byte[] buf, int off, int len) {
        if (len == 0) {
            return;
        }
        frame.append(buf, off, len);
        if (!readCounted) {
            readCounted = true;
            frameReads++;
        }
    }

    /** A provisional view shows at most this much of a frame in progress: it is for prompts, not bulk data. */
    static final int MAX_INCOMPLETE_BYTES = 64 * 1024;

    /** The first bytes of the frame in progress, and the reads they came from (for a provisional view). */
    protected final void offerIncomplete(FrameSink sink) {
        if (frame.size() > 0) {
            sink.incomplete(frame.copy(MAX_INCOMPLETE_BYTES), frameReads);
        }
    }

    /** Hands the frame to the sink without its last {@code dropTail} bytes (a stripped delimiter). */
    protected final void emit(FrameSink sink, int dropTail) {
        int reads = frameReads;
        byte[] data = frame.take(frame.size() - dropTail);
        frameReads = 0;
        readCounted = false;
        sink.frame(data, reads);
    }

    /**
     * Marks the framer as stopped by an oversized frame and keeps {@code buf[resumeAt, end)} (the part of the current
     * read not looked at) for after {@link #discard()}. Returns {@code e} for the caller to throw.
     */
    protected final FrameTooLargeException overflow(byte[] buf, int resumeAt, int end, FrameTooLargeException e) {
        overflowed = true;
        if (resumeAt < end) {
            deferred.addFirst(Arrays.copyOfRange(buf, resumeAt, end));
        }
        return e;
    }

    private void feed(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException {
        readCounted = false;
        consume(buf, off, len, sink);
    }

    private void drainDeferred(FrameSink sink) throws FrameTooLargeException {
        while (!deferred.isEmpty()) {
            byte[] chunk = deferred.pollFirst();
            feed(chunk, 0, chunk.length, sink);
        }
    }

    /** False when a deferred read overflowed again; the framer then waits for another {@link #discard()}. */
    private boolean drainQuietly(FrameSink sink) {
        try {
            drainDeferred(sink);
            return true;
        } catch (FrameTooLargeException e) {
            return false;
        }
    }

    private void requireNotOverflowed() {
        if (overflowed) {
            throw new IllegalStateException(
                    "a frame was too large: call discard() or close the connection before feeding more bytes");
        }
    }

    static String sizeLimit(long bytes) {
        return ByteSizes.format(bytes);
    }
}
