package com.socketworkbench.engine.framing;

/** A frame announced or accumulated more bytes than the configured maximum. */
public class FrameTooLargeException extends Exception {
    private final long size;
    private final long maximum;

    public FrameTooLargeException(long size, long maximum) {
        super("frame of " + size + " bytes exceeds the maximum of " + maximum + " bytes");
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
