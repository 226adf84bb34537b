package com.socketworkbench.engine.framing;

/** A frame announced or accumulated more bytes than the configured maximum. */
public class FrameTooLargeException extends Exception {
    private final long size;
    private final long maximum;

    public FrameTooLargeException(long size, long maximum) {
        super(FramingTexts.TEXT.get("toolarge.default", size, maximum));
        this.size = size;
        this.maximum = maximum;
    }

    /**
     * With a message that says how the size was found, e.g. "the 4-byte length field announces 3000000000 bytes".
     * {@code size} may be a lower bound ("more than the maximum") when the frame's end was never seen.
     */
    public FrameTooLargeException(long size, long maximum, String message) {
        super(message);
        this.size = size;
        this.maximum = maximum;
    }

    public long size() {
        return size;
    }

    public long maximum() {
        return maximum;
    }
}
