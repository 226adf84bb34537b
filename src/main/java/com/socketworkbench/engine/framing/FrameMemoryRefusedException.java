package com.socketworkbench.engine.framing;

/**
 * A frame in progress needed more memory and its {@link ByteAllowance} refused it. Unchecked, because it ends the
 * framing for good: the caller closes the connection, whatever its oversize policy (discarding the frame would let
 * a peer try again at once).
 */
public final class FrameMemoryRefusedException extends RuntimeException {
    private final long requested;
    private final long frameBytes;

    public FrameMemoryRefusedException(long requested, long frameBytes) {
        super(FramingTexts.TEXT.get("memory.refused", frameBytes, requested));
        this.requested = requested;
        this.frameBytes = frameBytes;
    }

    /** The memory the frame asked for (its buffer's new capacity). */
    public long requested() {
        return requested;
    }

    /** How many bytes of the frame had arrived when it asked. */
    public long frameBytes() {
        return frameBytes;
    }
}
