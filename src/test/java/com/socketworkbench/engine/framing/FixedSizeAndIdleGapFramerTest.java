package com.socketworkbench.engine.framing;

import com.socketworkbench.engine.framing.FramingHarness.Got;
import com.socketworkbench.engine.framing.FramingHarness.StreamBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.socketworkbench.engine.framing.FramingHarness.allSplits;
import static com.socketworkbench.engine.framing.FramingHarness.ascii;
import static com.socketworkbench.engine.framing.FramingHarness.describeCuts;
import static com.socketworkbench.engine.framing.FramingHarness.expected;
import static com.socketworkbench.engine.framing.FramingHarness.feed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FixedSizeAndIdleGapFramerTest {

    @Test
    void fixedSizeCutsEveryNBytesWhateverTheReads() throws FrameTooLargeException {
        StreamBuilder b = new StreamBuilder();
        for (String f : new String[]{"abcd", "efgh", "ijkl", "\0\0\0\0"}) {
            b.frame(ascii(f), ascii(f));
        }
        byte[] stream = FramingHarness.concat(b.stream(), ascii("xyz"));
        for (int[] cuts : allSplits(stream.length)) {
            Framer framer = new FramingSpec.FixedSize(4).create();
            assertEquals(expected(b.frames(), cuts), feed(framer, stream, cuts), "reads " + describeCuts(cuts));
            framer.onEndOfStream((d, r) -> { throw new AssertionError("a partial fixed-size frame was emitted"); });
            assertArrayEquals(ascii("xyz"), framer.pending());
        }
    }

    @Test
    void fixedSizeDiscardDropsThePartialFrameAndRealignsOnTheNextByte() throws FrameTooLargeException {
        Framer framer = new FramingSpec.FixedSize(3).create();
        List<String> got = new ArrayList<>();
        framer.onBytes(ascii("Xabc"), 0, 1, (d, r) -> got.add(new String(d)));
        framer.discard();
        framer.onBytes(ascii("abcdef"), 0, 6, (d, r) -> got.add(new String(d)));
        assertEquals(List.of("abc", "def"), got);
    }

    @Test
    void fixedSizeValidation() {
        assertEquals("the frame size must be at least 1 byte, not 0",
                assertThrows(IllegalArgumentException.class, () -> new FramingSpec.FixedSize(0)).getMessage());
        assertEquals("the frame size (2 KiB) does not fit in the maximum frame size of 1 KiB",
                assertThrows(IllegalArgumentException.class, () -> new FramingSpec.FixedSize(2048, 1024))
                        .getMessage());
        assertEquals("fixed size (8 bytes)", new FramingSpec.FixedSize(8).describe());
    }

    @Test
    void idleGapJoinsTheReadsOfABurstAndEndsTheFrameOnSilence() throws FrameTooLargeException {
        Framer framer = new FramingSpec.IdleGap(250).create();
        assertEquals(250, framer.idleGapMillis());
        List<Got> got = new ArrayList<>();
        Framer.FrameSink sink = (d, r) -> got.add(Got.of(d, r));

        framer.onIdle(sink);
        assertEquals(List.of(), got, "silence without bytes emits nothing");
        framer.onBytes(ascii("hel"), 0, 3, sink);
        framer.onBytes(ascii("lo "), 0, 3, sink);
        framer.onBytes(ascii("you"), 0, 3, sink);
        assertArrayEquals(ascii("hello you"), framer.pending());
        framer.onIdle(sink);
        framer.onBytes(ascii("again"), 0, 5, sink);
        framer.onIdle(sink);
        framer.onBytes(ascii("tail"), 0, 4, sink);
        framer.onEndOfStream(sink);

        assertEquals(List.of(Got.of(ascii("hello you"), 3), Got.of(ascii("again"), 1), Got.of(ascii("tail"), 1)),
                got);
        assertEquals(0, framer.pending().length);
    }

    @Test
    void idleGapOverflowSkipsTheRestOfTheBurstAfterDiscard() throws FrameTooLargeException {
        Framer framer = new FramingSpec.IdleGap(100, 8).create();
        List<String> got = new ArrayList<>();
        Framer.FrameSink sink = (d, r) -> got.add(new String(d));
        framer.onBytes(ascii("12345"), 0, 5, sink);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> framer.onBytes(ascii("6789"), 0, 4, sink));
        assertEquals("more than the maximum frame size of 8 bytes arrived without a pause of 100 ms",
                e.getMessage());
        assertArrayEquals(ascii("123456789"), framer.pending());
        framer.discard();
        framer.onBytes(ascii("still the same burst"), 0, 20, sink);
        framer.onIdle(sink);
        framer.onBytes(ascii("fresh"), 0, 5, sink);
        framer.onIdle(sink);
        assertEquals(List.of("fresh"), got);
    }

    @Test
    void idleGapValidation() {
        assertEquals("the idle gap must be between 1 and 60000 ms, not 0",
                assertThrows(IllegalArgumentException.class, () -> new FramingSpec.IdleGap(0)).getMessage());
        assertEquals("idle gap (a frame ends after 200 ms of silence), max 16 MiB",
                new FramingSpec.IdleGap(200).describe());
    }

    @Test
    void rawFramerIsTheDefaultAndKeepsEveryRead() throws FrameTooLargeException {
        Framer framer = FramingSpec.RAW.create();
        byte[] stream = ascii("abcdef");
        List<Got> got = feed(framer, stream, new int[]{0, 2, 6});
        assertEquals(List.of(Got.of(ascii("ab"), 1), Got.of(ascii("cdef"), 1)), got);
        assertEquals("raw reads", FramingSpec.RAW.describe());
        assertEquals(FramingMode.RAW, FramingSpec.RAW.mode());
        framer.discard();
        assertEquals(0, framer.pending().length);
    }
}
