package com.socketworkbench.engine.framing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/** Feeds a stream to a framer in chosen reads and computes what the frames and their read counts must be. */
final class FramingHarness {

    /** A frame as the tests expect it: its bytes and where it lies on the wire (delimiter/header included). */
    record Expected(byte[] data, int wireStart, int wireEnd) {
    }

    /** A frame as the framer emitted it, comparable by value. */
    record Got(String hex, int reads) {
        static Got of(byte[] data, int reads) {
            return new Got(HexFormat.of().formatHex(data), reads);
        }

        @Override
        public String toString() {
            return hex + "/" + reads;
        }
    }

    /** Builds a stream and the expected frames, appending one frame at a time. */
    static final class StreamBuilder {
        private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        private final List<Expected> frames = new ArrayList<>();

        /** Appends {@code before + data + after} to the wire; the frame emitted is {@code emitted}. */
        StreamBuilder frame(byte[] wireBytes, byte[] emitted) {
            int start = wire.size();
            wire.writeBytes(wireBytes);
            frames.add(new Expected(emitted, start, wire.size()));
            return this;
        }

        /** Bytes that form no complete frame (a trailing partial frame, or skipped bytes). */
        StreamBuilder raw(byte[] bytes) {
            wire.writeBytes(bytes);
            return this;
        }

        byte[] stream() {
            return wire.toByteArray();
        }

        List<Expected> frames() {
            return List.copyOf(frames);
        }
    }

    private FramingHarness() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Read boundaries for a single split at {@code at} (0 and the length give one read). */
    static int[] splitAt(int length, int at) {
        return IntStream.of(0, at, length).distinct().sorted().toArray();
    }

    static int[] oneBytePerRead(int length) {
        return IntStream.rangeClosed(0, length).toArray();
    }

    static int[] oneRead(int length) {
        return new int[]{0, length};
    }

    /** Feeds the reads {@code [cuts[k], cuts[k+1])} through a read buffer that is overwritten after each call. */
    static List<Got> feed(Framer framer, byte[] stream, int[] cuts) throws FrameTooLargeException {
        List<Got> got = new ArrayList<>();
        byte[] readBuffer = new byte[stream.length + 8];
        for (int k = 0; k + 1 < cuts.length; k++) {
            int len = cuts[k + 1] - cuts[k];
            if (len == 0) {
                continue;
            }
            // Place the read at an offset to check off/len handling, then scribble over it like a reused buffer.
            System.arraycopy(stream, cuts[k], readBuffer, 3, len);
            framer.onBytes(readBuffer, 3, len, (data, reads) -> got.add(Got.of(data, reads)));
            java.util.Arrays.fill(readBuffer, (byte) 0x5a);
        }
        return got;
    }

    /** What a correct framer emits for these reads: each frame's read count is the reads its wire span touches. */
    static List<Got> expected(List<Expected> frames, int[] cuts) {
        List<Got> out = new ArrayList<>();
        for (Expected f : frames) {
            int reads = 0;
            for (int k = 0; k + 1 < cuts.length; k++) {
                if (cuts[k] < f.wireEnd() && cuts[k + 1] > f.wireStart() && cuts[k + 1] > cuts[k]) {
                    reads++;
                }
            }
            // A frame with no wire bytes cannot exist in these tests; every frame touches at least one read.
            out.add(Got.of(f.data(), Math.max(reads, 1)));
        }
        return out;
    }

    /** All read patterns the tests use for a stream: every single split, one byte per read, one read. */
    static List<int[]> allSplits(int length) {
        List<int[]> splits = new ArrayList<>();
        for (int at = 0; at <= length; at++) {
            splits.add(splitAt(length, at));
        }
        splits.add(oneBytePerRead(length));
        splits.add(oneRead(length));
        // Every pair of split points too, so a frame spanning three reads is covered.
        for (int a = 1; a < length; a++) {
            for (int b = a + 1; b < length; b++) {
                splits.add(new int[]{0, a, b, length});
            }
        }
        return splits;
    }

    static String describeCuts(int[] cuts) {
        return java.util.Arrays.toString(cuts);
    }
}
