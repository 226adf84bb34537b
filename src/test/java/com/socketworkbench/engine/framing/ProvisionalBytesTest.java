package com.socketworkbench.engine.framing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A delimiter framer offers its pending bytes after a silence, keeps them, and frames them when the end comes. */
class ProvisionalBytesTest {
    private final List<String> frames = new ArrayList<>();
    private final List<String> incomplete = new ArrayList<>();
    private final Framer.FrameSink sink = new Framer.FrameSink() {
        @Override
        public void frame(byte[] data, int reads) {
            frames.add(new String(data, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void incomplete(byte[] data, int reads) {
            incomplete.add(new String(data, StandardCharsets.ISO_8859_1) + "/" + reads);
        }
    };

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private void feed(Framer framer, String text) throws FrameTooLargeException {
        byte[] bytes = ascii(text);
        framer.onBytes(bytes, 0, bytes.length, sink);
    }

    @Test
    void aPromptWithoutItsDelimiterIsOfferedAfterTheGapAndFramedWhenTheLineEnds() throws Exception {
        Framer framer = new FramingSpec.Delimited(DelimiterPreset.LF, false).create();
        assertEquals(DelimiterFramer.PROVISIONAL_AFTER_MILLIS, framer.idleGapMillis());
        feed(framer, "login ok\nPass");
        feed(framer, "word: ");
        assertEquals(List.of("login ok"), frames);
        framer.onIdle(sink);
        assertEquals(List.of("Password: /2"), incomplete);
        assertArrayEquals(ascii("Password: "), framer.pending(), "offered bytes stay pending");

        feed(framer, "secret\n");
        assertEquals(List.of("login ok", "Password: secret"), frames);
        framer.onIdle(sink);
        assertEquals(1, incomplete.size(), "nothing pending, nothing offered");
    }

    @Test
    void bytesSkippedAfterAnOversizedFrameAreNeverOffered() throws Exception {
        Framer framer = new FramingSpec.Delimited(DelimiterPreset.LF.bytes(), false, 4).create();
        assertThrows(FrameTooLargeException.class, () -> feed(framer, "toolong"));
        framer.discard();
        feed(framer, "xx");
        framer.onIdle(sink);
        assertEquals(List.of(), incomplete);
        feed(framer, "\nok");
        framer.onIdle(sink);
        assertEquals(List.of("ok/1"), incomplete);
    }

    @Test
    void otherFramersOfferNothing() throws Exception {
        Framer framer = new FramingSpec.LengthPrefixed(2, Endianness.BIG).create();
        feed(framer, "\0\5ab");
        framer.onIdle(sink);
        assertEquals(List.of(), incomplete);
    }
}
