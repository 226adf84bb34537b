package com.socketworkbench.engine.framing;

/**
 * A frame is everything that arrives until the line falls silent for the gap; shows how a sender's bursts were
 * grouped. The caller measures the silence and calls {@link #onIdle}; the end of the stream also ends a frame.
 */
final class IdleGapFramer extends AccumulatingFramer {
    private final long gapMillis;
    private boolean skippingUntilIdle;

    IdleGapFramer(long gapMillis, int maxFrameSize) {
        super(maxFrameSize);
        this.gapMillis = gapMillis;
    }

    @Override
    protected void consume(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException {
        if (skippingUntilIdle) {
            return;
        }
        int room = maxFrameSize - frame.size();
        if (len > room) {
            append(buf, off, room);
            throw overflow(buf, off + room, off + len, new FrameTooLargeException(maxFrameSize + 1L, maxFrameSize,
                    FramingTexts.TEXT.get("toolarge.idle", sizeLimit(maxFrameSize), gapMillis)));
        }
        append(buf, off, len);
    }

    @Override
    protected void idle(FrameSink sink) {
        if (skippingUntilIdle) {
            skippingUntilIdle = false;
        } else if (frame.size() > 0) {
            emit(sink, 0);
        }
    }

    @Override
    protected void endOfStream(FrameSink sink) {
        idle(sink);
    }

    @Override
    public long idleGapMillis() {
        return gapMillis;
    }

    @Override
    protected void resynchronise(boolean afterOverflow) {
        // The rest of an oversized burst is dropped; the next frame starts after the next silence.
        skippingUntilIdle = afterOverflow || frame.size() > 0;
    }

    @Override
    public String describe() {
        return FramingTexts.TEXT.get("describe.idle", gapMillis, sizeLimit(maxFrameSize));
    }
}
