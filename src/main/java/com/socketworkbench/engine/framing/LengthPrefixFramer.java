package com.socketworkbench.engine.framing;

/**
 * A frame starts with {@code skipBytes} opaque bytes, then an unsigned length field, then the body. The whole frame
 * (skipped bytes, length field and body) is emitted and counts towards the maximum. The announced size is checked
 * before any body byte is stored, and the body buffer grows with the bytes that actually arrive.
 *
 * <p>When the length counts the header and announces less than the header itself, the frame is just the header:
 * framing stays aligned and the short frame shows the odd length to the user.
 */
final class LengthPrefixFramer extends AccumulatingFramer {
    private final int fieldBytes;
    private final boolean bigEndian;
    private final boolean lengthIncludesHeader;
    private final int skipBytes;
    private final int headerBytes;
    /** Size of the frame in progress once its header is complete, otherwise -1. */
    private long frameSize = -1;
    /** Body bytes of an oversized frame still to skip after {@link #discard()}. */
    private long oversizedRest;
    private long skipRemaining;

    LengthPrefixFramer(int fieldBytes, boolean bigEndian, boolean lengthIncludesHeader, int skipBytes,
                       int maxFrameSize) {
        super(maxFrameSize);
        this.fieldBytes = fieldBytes;
        this.bigEndian = bigEndian;
        this.lengthIncludesHeader = lengthIncludesHeader;
        this.skipBytes = skipBytes;
        this.headerBytes = skipBytes + fieldBytes;
    }

    @Override
    protected void consume(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (skipRemaining > 0) {
                int n = (int) Math.min(skipRemaining, end - i);
                i += n;
                skipRemaining -= n;
                continue;
            }
            if (frameSize < 0) {
                int n = Math.min(headerBytes - frame.size(), end - i);
                append(buf, i, n);
                i += n;
                if (frame.size() < headerBytes) {
                    return;
                }
                long announced = lengthField();
                long size = frameSizeFor(announced);
                if (size < 0 || size > maxFrameSize) {
                    oversizedRest = size < 0 ? Long.MAX_VALUE : size - headerBytes;
                    throw overflow(buf, i, end, tooLarge(announced, size));
                }
                frameSize = size;
            }
            int n = (int) Math.min(frameSize - frame.size(), end - i);
            append(buf, i, n);
            i += n;
            completeIfDone(sink);
        }
    }

    private void completeIfDone(FrameSink sink) {
        if (frame.size() == frameSize) {
            frameSize = -1;
            emit(sink, 0);
        }
    }

    /** The unsigned value of the length field; negative when an 8-byte field exceeds {@code Long.MAX_VALUE}. */
    private long lengthField() {
        long value = 0;
        for (int k = 0; k < fieldBytes; k++) {
            long b = frame.get(skipBytes + k) & 0xFF;
            value = bigEndian ? (value << 8) | b : value | (b << (8 * k));
        }
        return value;
    }

    /** The whole frame's size for an announced length; negative when it does not fit in a long. */
    private long frameSizeFor(long announced) {
        if (announced < 0) {
            return -1;
        }
        if (lengthIncludesHeader) {
            return Math.max(announced, headerBytes);
        }
        return announced > Long.MAX_VALUE - headerBytes ? -1 : announced + headerBytes;
    }

    private FrameTooLargeException tooLarge(long announced, long size) {
        String sizeText = size < 0 ? FramingTexts.TEXT.get("toolarge.more", Long.MAX_VALUE) : Long.toString(size);
        String message = lengthIncludesHeader
                ? FramingTexts.TEXT.get("toolarge.length", fieldBytes, Long.toUnsignedString(announced),
                sizeLimit(maxFrameSize))
                : FramingTexts.TEXT.get("toolarge.length.header", fieldBytes, Long.toUnsignedString(announced),
                sizeText, sizeLimit(maxFrameSize));
        return new FrameTooLargeException(size < 0 ? Long.MAX_VALUE : size, maxFrameSize, message);
    }

    @Override
    protected void resynchronise(boolean afterOverflow) {
        if (afterOverflow) {
            skipRemaining = oversizedRest;
        } else if (frameSize >= 0) {
            skipRemaining = frameSize - frame.size();
        }
        // Without a complete header the frame's end is unknown; the partial header is simply dropped.
        frameSize = -1;
        oversizedRest = 0;
    }

    @Override
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        parts.add(ByteSizes.count(fieldBytes));
        if (fieldBytes > 1) {
            parts.add((bigEndian ? Endianness.BIG : Endianness.LITTLE).toString());
        }
        if (skipBytes > 0) {
            parts.add(FramingTexts.TEXT.get("describe.length.after", ByteSizes.count(skipBytes)));
        }
        parts.add(FramingTexts.TEXT.get(lengthIncludesHeader ? "describe.length.whole" : "describe.length.body"));
        return FramingTexts.TEXT.get("describe.length",
                String.join(FramingTexts.TEXT.get("describe.length.separator"), parts), sizeLimit(maxFrameSize));
    }
}
