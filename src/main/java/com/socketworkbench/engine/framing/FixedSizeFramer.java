package com.socketworkbench.engine.framing;

/** Every frame is exactly {@code size} bytes; the size is at most the maximum, so it never overflows. */
final class FixedSizeFramer extends AccumulatingFramer {
    private final int size;

    FixedSizeFramer(int size, int maxFrameSize) {
        super(maxFrameSize);
        this.size = size;
    }

    @Override
    protected void consume(byte[] buf, int off, int len, FrameSink sink) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int n = Math.min(size - frame.size(), end - i);
            append(buf, i, n);
            i += n;
            if (frame.size() == size) {
                emit(sink, 0);
            }
        }
    }

    @Override
    protected void resynchronise(boolean afterOverflow) {
        // Dropping the partial frame realigns framing on the next byte: the user decides where frames start.
    }

    @Override
    public String describe() {
        return FramingTexts.TEXT.get("describe.fixed", ByteSizes.count(size));
    }
}
