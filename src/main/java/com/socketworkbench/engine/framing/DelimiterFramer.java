package com.socketworkbench.engine.framing;

/**
 * A frame ends with a delimiter (a byte sequence such as LF or CRLF). Finds a delimiter split across reads by
 * keeping a KMP match state between bytes. The maximum counts the delimiter.
 *
 * <p>Bytes that never get a delimiter (a device's {@code Password: } prompt) would stay invisible: after
 * {@value #PROVISIONAL_AFTER_MILLIS} ms of silence the bytes pending are offered as
 * {@link FrameSink#incomplete}, once per silence, and stay pending until the delimiter completes the frame.
 */
final class DelimiterFramer extends AccumulatingFramer {
    /** Silence after which pending bytes are shown as a provisional row. */
    static final long PROVISIONAL_AFTER_MILLIS = 300;

    private final byte[] delimiter;
    private final boolean keepDelimiter;
    private final int[] fallback;
    private final String description;
    /** Number of delimiter bytes matched by the last bytes seen (frame or skipped). */
    private int matched;
    private boolean skippingToDelimiter;

    DelimiterFramer(byte[] delimiter, boolean keepDelimiter, int maxFrameSize, String description) {
        super(maxFrameSize);
        this.delimiter = delimiter.clone();
        this.keepDelimiter = keepDelimiter;
        this.fallback = failureFunction(this.delimiter);
        this.description = description;
    }

    @Override
    protected void consume(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException {
        int end = off + len;
        int segmentStart = off;
        int i = off;
        while (i < end) {
            if (skippingToDelimiter) {
                if (step(buf[i++])) {
                    skippingToDelimiter = false;
                    segmentStart = i;
                }
                continue;
            }
            if (frame.size() + (i - segmentStart) == maxFrameSize) {
                append(buf, segmentStart, i - segmentStart);
                throw overflow(buf, i, end, new FrameTooLargeException(maxFrameSize + 1L, maxFrameSize,
                        FramingTexts.TEXT.get("toolarge.delimiter", description, sizeLimit(maxFrameSize))));
            }
            if (step(buf[i++])) {
                append(buf, segmentStart, i - segmentStart);
                emit(sink, keepDelimiter ? 0 : delimiter.length);
                segmentStart = i;
            }
        }
        if (!skippingToDelimiter) {
            append(buf, segmentStart, end - segmentStart);
        }
    }

    /** Advances the match by one byte; true when a whole delimiter has just been seen. */
    private boolean step(byte b) {
        while (matched > 0 && delimiter[matched] != b) {
            matched = fallback[matched - 1];
        }
        if (delimiter[matched] == b) {
            matched++;
        }
        if (matched == delimiter.length) {
            matched = 0;
            return true;
        }
        return false;
    }

    @Override
    public long idleGapMillis() {
        return PROVISIONAL_AFTER_MILLIS;
    }

    @Override
    protected void idle(FrameSink sink) {
        if (!skippingToDelimiter) {
            offerIncomplete(sink);
        }
    }

    @Override
    protected void resynchronise(boolean afterOverflow) {
        // Pending bytes belong to a frame whose end is still to come, so its delimiter must be skipped too.
        // The match state carries on: a delimiter may already be partly seen.
        skippingToDelimiter = skippingToDelimiter || afterOverflow || frame.size() > 0;
        if (!skippingToDelimiter) {
            matched = 0;
        }
    }

    @Override
    public String describe() {
        return FramingTexts.TEXT.get(keepDelimiter ? "describe.delimiter.kept" : "describe.delimiter.stripped",
                description, sizeLimit(maxFrameSize));
    }

    private static int[] failureFunction(byte[] pattern) {
        int[] f = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = f[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
