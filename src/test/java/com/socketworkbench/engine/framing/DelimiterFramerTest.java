package com.socketworkbench.engine.framing;

import com.socketworkbench.engine.framing.FramingHarness.Got;
import com.socketworkbench.engine.framing.FramingHarness.StreamBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.socketworkbench.engine.framing.FramingHarness.allSplits;
import static com.socketworkbench.engine.framing.FramingHarness.ascii;
import static com.socketworkbench.engine.framing.FramingHarness.concat;
import static com.socketworkbench.engine.framing.FramingHarness.describeCuts;
import static com.socketworkbench.engine.framing.FramingHarness.expected;
import static com.socketworkbench.engine.framing.FramingHarness.feed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelimiterFramerTest {

    private static StreamBuilder lines(byte[] delimiter, boolean keep, String... messages) {
        StreamBuilder b = new StreamBuilder();
        for (String m : messages) {
            byte[] wire = concat(ascii(m), delimiter);
            b.frame(wire, keep ? wire : ascii(m));
        }
        return b;
    }

    private static void assertFramesForEverySplit(FramingSpec spec, StreamBuilder b, byte[] trailing)
            throws FrameTooLargeException {
        byte[] stream = concat(b.stream(), trailing);
        for (int[] cuts : allSplits(stream.length)) {
            Framer framer = spec.create();
            List<Got> got = feed(framer, stream, cuts);
            assertEquals(expected(b.frames(), cuts), got, "reads " + describeCuts(cuts));
            assertArrayEquals(trailing, framer.pending(), "pending after reads " + describeCuts(cuts));
        }
    }

    @ParameterizedTest(name = "keep delimiter = {0}")
    @ValueSource(booleans = {false, true})
    void lineFeedSplitsLinesWhereverTheReadsEnd(boolean keep) throws FrameTooLargeException {
        byte[] lf = {0x0a};
        assertFramesForEverySplit(new FramingSpec.Delimited(DelimiterPreset.LF, keep),
                lines(lf, keep, "hello", "", "wörld", "x"), ascii("part"));
    }

    @ParameterizedTest(name = "keep delimiter = {0}")
    @ValueSource(booleans = {false, true})
    void crlfIsFoundWhenSplitBetweenCrAndLfAndALoneCrIsData(boolean keep) throws FrameTooLargeException {
        byte[] crlf = {0x0d, 0x0a};
        assertFramesForEverySplit(new FramingSpec.Delimited(DelimiterPreset.CRLF, keep),
                lines(crlf, keep, "a\rb", "\r", "", "GET / HTTP/1.1"), ascii("tail\r"));
    }

    @Test
    void nulTerminatedStrings() throws FrameTooLargeException {
        assertFramesForEverySplit(new FramingSpec.Delimited(DelimiterPreset.NUL, false),
                lines(new byte[]{0}, false, "one", "two", "three"), new byte[0]);
    }

    @ParameterizedTest(name = "keep delimiter = {0}")
    @ValueSource(booleans = {false, true})
    void multiByteDelimiterWithRepeatingPrefix(boolean keep) throws FrameTooLargeException {
        // "\r\n\r\n" ends HTTP headers: a single "\r\n" inside must not end the frame, "\r\n\r\r\n\r\n" must.
        byte[] blank = FramingSpec.parseDelimiter("0d0a0d0a");
        assertFramesForEverySplit(new FramingSpec.Delimited(blank, keep, 1024),
                lines(blank, keep, "Host: a\r\nX: 1", "\r\n\r", "z"), ascii("\r\n\r"));
    }

    @Test
    void selfOverlappingDelimiterMatchesAtTheFirstCompleteOccurrence() throws FrameTooLargeException {
        // Delimiter "aab" in "xaaab": a naive matcher restarting after the failed "aaa" would miss it.
        FramingSpec spec = new FramingSpec.Delimited(ascii("aab"), false, 64);
        StreamBuilder b = new StreamBuilder().frame(ascii("xaaab"), ascii("xa"))
                .frame(ascii("aab"), new byte[0]).frame(ascii("aab"), new byte[0]);
        assertFramesForEverySplit(spec, b, ascii("aa"));
    }

    @Test
    void endOfStreamLeavesThePartialFramePending() throws FrameTooLargeException {
        Framer framer = new FramingSpec.Delimited(DelimiterPreset.LF, false).create();
        List<Got> got = new ArrayList<>();
        framer.onBytes(ascii("a\nbc"), 0, 4, (d, r) -> got.add(Got.of(d, r)));
        framer.onEndOfStream((d, r) -> got.add(Got.of(d, r)));
        assertEquals(List.of(Got.of(ascii("a"), 1)), got);
        assertArrayEquals(ascii("bc"), framer.pending());
    }

    @Test
    void tooLongLineThrowsAndDiscardSkipsToAfterTheNextDelimiter() throws FrameTooLargeException {
        int max = 8;
        FramingSpec spec = new FramingSpec.Delimited(ascii("\r\n"), true, max);
        // "12345678\r\n" is 10 bytes with its delimiter: too large even though the text alone is 8.
        byte[] stream = ascii("ok\r\n" + "123456\r\n" + "12345678\r\n" + "abcdefghijklmnop\r\n" + "end\r\n");
        List<String> expected = List.of("ok\r\n", "123456\r\n", "end\r\n");
        for (int[] cuts : allSplits(stream.length)) {
            Framer framer = spec.create();
            List<String> got = new ArrayList<>();
            int tooLarge = feedDiscardingOversized(framer, stream, cuts, got);
            assertEquals(expected, got, "reads " + describeCuts(cuts));
            assertEquals(2, tooLarge, "reads " + describeCuts(cuts));
            assertEquals(0, framer.pending().length);
        }
    }

    @Test
    void tooLargeExplainsItselfAndBlocksFurtherBytesUntilDiscard() throws FrameTooLargeException {
        Framer framer = new FramingSpec.Delimited(ascii("\n"), false, 4).create();
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> framer.onBytes(ascii("abcdefg\nxy\n"), 0, 11, (d, r) -> { }));
        assertEquals("no delimiter LF (0a) within the maximum frame size of 4 bytes", e.getMessage());
        assertEquals(5, e.size());
        assertEquals(4, e.maximum());
        assertArrayEquals(ascii("abcdefg\nxy\n"), framer.pending(), "held bytes plus the unread rest of the read");
        assertThrows(IllegalStateException.class, () -> framer.onBytes(ascii("z"), 0, 1, (d, r) -> { }));

        framer.discard();
        List<Got> got = new ArrayList<>();
        framer.onBytes(ascii("z\n"), 0, 2, (d, r) -> got.add(Got.of(d, r)));
        // "xy" came from the first read, which was deferred; "z" is the new read's own frame.
        assertEquals(List.of(Got.of(ascii("xy"), 1), Got.of(ascii("z"), 1)), got);
    }

    @Test
    void discardWithoutOverflowDropsThePartialLineAndItsRest() throws FrameTooLargeException {
        Framer framer = new FramingSpec.Delimited(DelimiterPreset.LF, false).create();
        List<String> got = new ArrayList<>();
        framer.onBytes(ascii("half"), 0, 4, (d, r) -> got.add(new String(d)));
        framer.discard();
        assertEquals(0, framer.pending().length);
        framer.onBytes(ascii("-rest\nnext\n"), 0, 11, (d, r) -> got.add(new String(d)));
        assertEquals(List.of("next"), got);
    }

    @Test
    void describesItself() {
        assertEquals("delimiter CRLF (0d 0a), stripped, max 16 MiB",
                new FramingSpec.Delimited(DelimiterPreset.CRLF, false).describe());
        assertEquals("delimiter 7e 7e, kept, max 1 KiB",
                new FramingSpec.Delimited(new byte[]{0x7e, 0x7e}, true, 1024).describe());
        assertTrue(FramingMode.DELIMITER.explanation().contains("marker"));
    }

    /** Feeds the reads; on a too-large frame discards and goes on. Returns how many frames were too large. */
    static int feedDiscardingOversized(Framer framer, byte[] stream, int[] cuts, List<String> got) {
        int tooLarge = 0;
        for (int k = 0; k + 1 < cuts.length; k++) {
            int len = cuts[k + 1] - cuts[k];
            if (len == 0) {
                continue;
            }
            byte[] read = Arrays.copyOfRange(stream, cuts[k], cuts[k + 1]);
            Framer.FrameSink sink = (d, r) -> got.add(new String(d, StandardCharsets.ISO_8859_1));
            int feedLength = len;
            // The documented caller loop: discard, then an empty read frames what followed the oversized frame.
            for (int attempt = 0; attempt < stream.length + 1; attempt++) {
                try {
                    framer.onBytes(read, 0, feedLength, sink);
                    break;
                } catch (FrameTooLargeException e) {
                    tooLarge++;
                    framer.discard();
                    feedLength = 0;
                }
            }
        }
        return tooLarge;
    }
}
