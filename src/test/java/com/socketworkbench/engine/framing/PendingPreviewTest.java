package com.socketworkbench.engine.framing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** pendingSize() and pending(max): what a connection publishes after every read without copying a whole frame. */
class PendingPreviewTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sizeAndHeadMatchTheFullCopy() throws FrameTooLargeException {
        Framer framer = new FramingSpec.Delimited(DelimiterPreset.LF.bytes(), false, 1000).create();
        byte[] partial = ascii("one\ntwo-three");
        framer.onBytes(partial, 0, partial.length, (d, r) -> { });
        assertEquals(9, framer.pendingSize());
        assertArrayEquals(framer.pending(), framer.pending(100));
        assertArrayEquals(ascii("two"), framer.pending(3));
        assertArrayEquals(new byte[0], framer.pending(0));
        assertThrows(IllegalArgumentException.class, () -> framer.pending(-1));
    }

    @Test
    void bytesKeptAfterAnOversizedFrameCountAsPending() {
        Framer framer = new FramingSpec.Delimited(DelimiterPreset.LF.bytes(), false, 4).create();
        byte[] read = ascii("toolong\nok\n");
        assertThrows(FrameTooLargeException.class, () -> framer.onBytes(read, 0, read.length, (d, r) -> { }));
        // The first 4 bytes filled the frame, the unread rest waits for discard().
        assertEquals(read.length, framer.pendingSize());
        assertArrayEquals(framer.pending(), framer.pending(read.length));
        assertArrayEquals(Arrays.copyOf(read, 6), framer.pending(6));
    }

    @Test
    void theDefaultsWorkForAnyFramer() throws FrameTooLargeException {
        Framer raw = Framer.raw();
        raw.onBytes(new byte[5], 0, 5, (d, r) -> { });
        assertEquals(0, raw.pendingSize());
        assertEquals(0, raw.pending(10).length);
    }
}
