package com.socketworkbench.engine.framing;

import java.util.Arrays;

/**
 * Turns the bytes of a TCP stream into messages. TCP has no message boundaries: one read may hold several messages
 * or part of one. A connection feeds every read into its framer and emits one {@code BytesReceived} per frame.
 *
 * <p>A framer is used by one connection's reader thread only; it need not be thread-safe.
 */
public interface Framer {

    /** Receives complete frames. {@code reads} counts the socket reads that contributed bytes to the frame. */
    @FunctionalInterface
    interface FrameSink {
        void frame(byte[] data, int reads);

        /**
         * The bytes of the frame in progress (a copy), offered after {@link #idleGapMillis()} of silence by a framer
         * whose frames end with a marker, so that a prompt without its delimiter is seen. They stay pending: the
         * whole frame still comes through {@link #frame} when its end arrives. Ignored unless a sink wants it.
         */
        default void incomplete(byte[] data, int reads) {
        }
    }

    /**
     * Consumes one socket read ({@code len} bytes of {@code buf} from {@code off}); the buffer is reused by the
     * caller afterwards, so anything kept must be copied. Calls {@code sink} for each frame completed.
     *
     * @throws FrameTooLargeException when a frame exceeds the framer's maximum size
     */
    void onBytes(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException;

    /**
     * Called when no bytes arrived for {@link #idleGapMillis()}; a framer that ends frames on silence flushes, a
     * delimiter framer offers its pending bytes as {@link FrameSink#incomplete}.
     */
    default void onIdle(FrameSink sink) {
    }

    /** Silence after which {@link #onIdle} is called; 0 means the framer never needs it. */
    default long idleGapMillis() {
        return 0;
    }

    /** Bytes received that do not yet form a complete frame (a copy). */
    byte[] pending();

    /** How many bytes {@link #pending()} would return, without copying them. */
    default int pendingSize() {
        return pending().length;
    }

    /**
     * The first {@code max} bytes (at most) of {@link #pending()}, a copy: what a caller that must publish the
     * pending bytes after every read can afford, however large the frame in progress grows.
     */
    default byte[] pending(int max) {
        byte[] all = pending();
        return all.length <= max ? all : Arrays.copyOf(all, max);
    }

    /** Called when the stream ends; a framer may flush a final partial frame or report it as pending. */
    default void onEndOfStream(FrameSink sink) {
    }

    /**
     * Drops the bytes of the frame in progress so that framing can continue after a {@link FrameTooLargeException}
     * (or when the user asks to resynchronise). After {@code onBytes} threw, the caller must either close the
     * connection or call this before feeding more bytes. How a framer finds the next frame boundary is part of its
     * mode: a length prefix skips the rest of the announced length, a delimiter skips to just after the next
     * delimiter, an idle gap skips until the next silence, a fixed size restarts at the next byte. Bytes of the read
     * that followed the oversized frame are kept and framed at the next {@code onBytes}, {@code onIdle} or
     * {@code onEndOfStream}; to frame them at once call {@code onBytes(buf, 0, 0, sink)}, which may throw again if
     * they hold another oversized frame (then discard again). If that happens inside {@code onEndOfStream}, the
     * framer stops there and the remaining bytes stay {@linkplain #pending() pending}. The default does nothing: a
     * framer that never holds bytes has nothing to drop.
     */
    default void discard() {
    }

    /**
     * Makes the framer reserve the memory of frames in progress from {@code allowance} before it takes it; a refusal
     * comes out of {@link #onBytes} as {@link FrameMemoryRefusedException}. Called before the first bytes. The
     * default ignores it: a framer that holds no bytes (raw reads) needs no memory for them.
     */
    default void useMemoryFrom(ByteAllowance allowance) {
    }

    /** A one-line description for the UI, e.g. "raw reads" or "length prefix (2 bytes, big endian)". */
    String describe();

    /** The default: every read is its own row, exactly as the socket delivered it. */
    static Framer raw() {
        return new RawReadFramer();
    }
}
