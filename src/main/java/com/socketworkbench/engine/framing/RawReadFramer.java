package com.socketworkbench.engine.framing;

import java.util.Arrays;

/** One frame per read: shows TCP's stream exactly as the kernel handed it over. */
final class RawReadFramer implements Framer {
    private static final byte[] NOTHING = new byte[0];

    @Override
    public void onBytes(byte[] buf, int off, int len, FrameSink sink) {
        if (len > 0) {
            sink.frame(Arrays.copyOfRange(buf, off, off + len), 1);
        }
    }

    @Override
    public byte[] pending() {
        return NOTHING;
    }

    @Override
    public String describe() {
        return FramingTexts.TEXT.get("describe.raw");
    }
}
