package com.socketworkbench.engine.framing;

import com.socketworkbench.engine.framing.FramingHarness.Got;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static com.socketworkbench.engine.framing.FramingHarness.allSplits;
import static com.socketworkbench.engine.framing.FramingHarness.ascii;
import static com.socketworkbench.engine.framing.FramingHarness.concat;
import static com.socketworkbench.engine.framing.FramingHarness.describeCuts;
import static com.socketworkbench.engine.framing.LengthPrefixFramerTest.lengthField;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The maximum frame size protects memory: huge announced lengths fail before any allocation. */
class FrameSizeGuardTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void eightByteLengthOfTwoToTheSixtySecondFailsWithoutAllocating() {
        Framer framer = new FramingSpec.LengthPrefixed(8, Endianness.BIG, false, 0, FramingSpec.MAX_FRAME_SIZE_LIMIT)
                .create();
        byte[] header = lengthField(1L << 62, 8, Endianness.BIG);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> framer.onBytes(header, 0, header.length, (d, r) -> { }));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024 * 1024, "allocated " + allocated + " bytes for a refused frame");
        assertEquals("the 8-byte length field announces 4611686018427387904 bytes (a frame of 4611686018427387912"
                + " bytes with its header), more than the maximum frame size of 1 GiB", e.getMessage());
        assertEquals((1L << 62) + 8, e.size());
        assertEquals(FramingSpec.MAX_FRAME_SIZE_LIMIT, e.maximum());
        assertArrayEquals(header, framer.pending(), "only the header is held");
    }

    @Test
    void lengthAboveLongMaxValueIsStillRefused() {
        Framer framer = new FramingSpec.LengthPrefixed(8, Endianness.LITTLE).create();
        byte[] header = {-1, -1, -1, -1, -1, -1, -1, -1};
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> framer.onBytes(header, 0, 8, (d, r) -> { }));
        assertTrue(e.getMessage().startsWith("the 8-byte length field announces 18446744073709551615 bytes"),
                e.getMessage());
        assertEquals(Long.MAX_VALUE, e.size());
    }

    @Test
    void anAcceptedLargeLengthOnlyCostsTheBytesThatArrived() throws FrameTooLargeException {
        Framer framer = new FramingSpec.LengthPrefixed(4, Endianness.BIG, false, 0, FramingSpec.MAX_FRAME_SIZE_LIMIT)
                .create();
        byte[] read = concat(lengthField(FramingSpec.MAX_FRAME_SIZE_LIMIT - 4, 4, Endianness.BIG), ascii("tiny"));
        long before = THREADS.getCurrentThreadAllocatedBytes();
        framer.onBytes(read, 0, read.length, (d, r) -> { throw new AssertionError("no frame is complete"); });
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024 * 1024, "allocated " + allocated + " bytes for 8 received bytes");
        assertArrayEquals(read, framer.pending());
    }

    @Test
    void delimiterFramerHoldsAtMostTheMaximum() {
        Framer framer = new FramingSpec.Delimited(DelimiterPreset.LF, false).create();
        byte[] chunk = new byte[64 * 1024];
        int max = FramingSpec.DEFAULT_MAX_FRAME_SIZE;
        FrameTooLargeException e = null;
        for (int fed = 0; fed <= max && e == null; fed += chunk.length) {
            try {
                framer.onBytes(chunk, 0, chunk.length, (d, r) -> { });
            } catch (FrameTooLargeException thrown) {
                e = thrown;
            }
        }
        assertTrue(e != null, "16 MiB without a line feed must be refused");
        assertEquals(max + 1L, e.size());
        assertEquals(max + chunk.length, framer.pending().length, "the held maximum plus the unread read");
    }

    @Test
    void lengthPrefixResyncSkipsTheAnnouncedLengthForEverySplit() {
        // Frames: "ok", then a body of 20 (over the max of 2 + 10), then "go", then "!!!" — 2-byte big-endian lengths.
        FramingSpec spec = new FramingSpec.LengthPrefixed(2, Endianness.BIG, false, 0, 12);
        byte[] big = new byte[20];
        java.util.Arrays.fill(big, (byte) 'B');
        byte[] stream = concat(frame2("ok"), lengthField(20, 2, Endianness.BIG), big, frame2("go"), frame2("!!!"));
        for (int[] cuts : allSplits(stream.length)) {
            Framer framer = spec.create();
            List<String> got = new ArrayList<>();
            int tooLarge = DelimiterFramerTest.feedDiscardingOversized(framer, stream, cuts, got);
            assertEquals(List.of("\0\2ok", "\0\2go", "\0\3!!!"), got, "reads " + describeCuts(cuts));
            assertEquals(1, tooLarge);
        }
    }

    @Test
    void framesAfterAnOversizedOneKeepTheirReadCounts() throws FrameTooLargeException {
        FramingSpec spec = new FramingSpec.LengthPrefixed(1, Endianness.BIG, false, 0, 8);
        byte[] first = concat(frame("a"), new byte[]{20}, new byte[20], frame("b"), new byte[]{3, 'c'});
        byte[] second = concat(ascii("cc"), frame("d"));
        Framer framer = spec.create();
        List<Got> got = new ArrayList<>();
        Framer.FrameSink sink = (d, r) -> got.add(Got.of(d, r));
        assertThrows(FrameTooLargeException.class, () -> framer.onBytes(first, 0, first.length, sink));
        assertEquals(List.of(Got.of(frame("a"), 1)), got);
        framer.discard();
        framer.onBytes(second, 0, second.length, sink);
        // "b" lies wholly in the first read; "ccc" began in the first and ended in the second; "d" only in the second.
        assertEquals(List.of(Got.of(frame("a"), 1), Got.of(frame("b"), 1), Got.of(concat(new byte[]{3}, ascii("ccc")), 2),
                Got.of(frame("d"), 1)), got);
    }

    @Test
    void anotherOversizedFrameFoundAtEndOfStreamStaysPending() throws FrameTooLargeException {
        Framer framer = new FramingSpec.LengthPrefixed(1, Endianness.BIG, false, 0, 4).create();
        byte[] read = concat(new byte[]{9}, new byte[9], new byte[]{9}, new byte[9]);
        assertThrows(FrameTooLargeException.class, () -> framer.onBytes(read, 0, read.length, (d, r) -> { }));
        framer.discard();
        framer.onEndOfStream((d, r) -> { throw new AssertionError("nothing complete"); });
        assertArrayEquals(new byte[]{9}, java.util.Arrays.copyOf(framer.pending(), 1));
        assertEquals(10, framer.pending().length, "the second oversized frame's header and unread rest");
    }

    @Test
    void discardOfAPartialLengthPrefixedFrameSkipsItsRest() throws FrameTooLargeException {
        Framer framer = new FramingSpec.LengthPrefixed(1, Endianness.BIG).create();
        List<String> got = new ArrayList<>();
        byte[] partial = {5, 'a', 'b'};
        framer.onBytes(partial, 0, 3, (d, r) -> got.add(new String(d, 1, d.length - 1)));
        framer.discard();
        byte[] rest = concat(ascii("cde"), frame("next"));
        framer.onBytes(rest, 0, rest.length, (d, r) -> got.add(new String(d, 1, d.length - 1)));
        assertEquals(List.of("next"), got);
    }

    /** A frame with a 1-byte length. */
    private static byte[] frame(String body) {
        byte[] b = ascii(body);
        return concat(lengthField(b.length, 1, Endianness.BIG), b);
    }

    /** A frame with a 2-byte big-endian length. */
    private static byte[] frame2(String body) {
        byte[] b = ascii(body);
        return concat(lengthField(b.length, 2, Endianness.BIG), b);
    }
}
