package com.socketworkbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FrameTooLargeException;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.framing.FramingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every framing mode on arbitrary streams cut into arbitrary reads. The first four input bytes choose the mode and
 * its settings (small maximum frame sizes, so overflows happen), the rest is the stream; the reads are cut at points
 * derived from the input. Invariants: only {@link FrameTooLargeException} is thrown (then the framer is discarded and
 * goes on); no frame and no frame buffer is ever larger than the maximum; the frames do not depend on how the stream
 * was cut (idle-gap frames follow the silences instead); and without an overflow the frames and the pending rest are
 * exactly what a straightforward reference framer makes of the stream.
 */
class FramerFuzzTest {

    /** The mode, its settings and the stream, decoded from one fuzz input. */
    record Case(FramingSpec spec, byte[] stream, int[] cuts) {
        @Override
        public String toString() {
            return spec + " on " + HexFormat.of().formatHex(stream) + " cut at " + Arrays.toString(cuts);
        }
    }

    /** What a framer made of a stream. */
    record Outcome(List<String> frames, int overflows, String pending) {
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void frame(byte[] input) {
        check(decode(input));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void seededRandomStreamsInEveryMode() {
        SplittableRandom random = new SplittableRandom(18);
        byte[] alphabet = {'\n', '\r', 0, 'a', 'b', 1, 2, 5, (byte) 0xff};
        for (int n = 0; n < 6_000; n++) {
            byte[] input = new byte[4 + random.nextInt(120)];
            random.nextBytes(input);
            for (int k = 4; k < input.length; k++) {
                if (random.nextInt(3) > 0) {
                    input[k] = alphabet[random.nextInt(alphabet.length)];
                }
            }
            input[0] = (byte) (n % 5);
            check(decode(input));
        }
    }

    static Case decode(byte[] input) {
        byte[] head = Arrays.copyOf(input, 4);
        byte[] stream = input.length > 4 ? Arrays.copyOfRange(input, 4, input.length) : new byte[0];
        int b1 = head[1] & 0xff;
        int b2 = head[2] & 0xff;
        int b3 = head[3] & 0xff;
        FramingSpec spec = switch ((head[0] & 0xff) % 5) {
            case 0 -> FramingSpec.RAW;
            case 1 -> {
                byte[] delimiter = new byte[1 + b1 % 3];
                byte[] choices = {'\n', '\r', 0, 'a'};
                for (int k = 0; k < delimiter.length; k++) {
                    delimiter[k] = choices[(b2 >> (2 * k)) & 3];
                }
                yield new FramingSpec.Delimited(delimiter, (b1 & 0x10) != 0, delimiter.length + b3 % 40);
            }
            case 2 -> {
                int field = new int[]{1, 2, 4, 8}[b1 & 3];
                int skip = (b1 >> 4) & 3;
                yield new FramingSpec.LengthPrefixed(field, (b1 & 4) != 0 ? Endianness.LITTLE : Endianness.BIG,
                        (b1 & 8) != 0, skip, skip + field + b2 % 60);
            }
            case 3 -> new FramingSpec.FixedSize(1 + b1 % 16, 1 + b1 % 16 + b2 % 16);
            default -> new FramingSpec.IdleGap(1 + b3 % 100, 1 + b1 % 50);
        };
        SplittableRandom random = new SplittableRandom(Arrays.hashCode(input));
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, stream.length));
        for (int k = 0, n = random.nextInt(Math.min(stream.length, 12) + 1); k < n; k++) {
            cuts.add(random.nextInt(stream.length + 1));
        }
        return new Case(spec, stream, cuts.stream().mapToInt(Integer::intValue).toArray());
    }

    static void check(Case c) {
        boolean idleGap = c.spec() instanceof FramingSpec.IdleGap;
        Outcome cut = run(c, c.cuts(), idleGap);
        if (!idleGap) {
            Outcome whole = run(c, new int[]{0, c.stream().length}, false);
            if (c.spec() instanceof FramingSpec.Raw) {
                assertEquals(reads(c), cut.frames(), c::toString);
                return;
            }
            assertEquals(whole, cut, () -> "the frames depend on how the stream was cut: " + c);
        }
        Outcome expected = reference(c);
        if (expected == null) {
            assertTrue(cut.overflows() > 0, () -> "a frame larger than the maximum went through: " + c + " -> " + cut);
        } else {
            assertEquals(expected, cut, c::toString);
        }
    }

    /** Feeds the reads, with a silence after each read for an idle-gap framer, then the end of the stream. */
    static Outcome run(Case c, int[] cuts, boolean idleAfterEachRead) {
        Framer framer = c.spec().create();
        int max = maxFrameSize(c.spec());
        List<String> frames = new ArrayList<>();
        Framer.FrameSink sink = (data, reads) -> {
            assertTrue(data.length <= max, () -> "frame of " + data.length + " bytes, maximum " + max + ": " + c);
            assertTrue(reads >= 1, () -> "a frame from " + reads + " reads: " + c);
            frames.add(HexFormat.of().formatHex(data));
        };
        int[] overflows = {0};
        for (int k = 0; k + 1 < cuts.length; k++) {
            byte[] read = Arrays.copyOfRange(c.stream(), cuts[k], cuts[k + 1]);
            feed(framer, read, sink, overflows, max, c);
            assertBufferWithinMaximum(framer, max, c);
            if (idleAfterEachRead) {
                framer.onIdle(sink);
            }
        }
        framer.onEndOfStream(sink);
        assertBufferWithinMaximum(framer, max, c);
        return new Outcome(frames, overflows[0], HexFormat.of().formatHex(framer.pending()));
    }

    /** One read; after an overflow the framer is discarded and the rest of the read framed at once. */
    private static void feed(Framer framer, byte[] read, Framer.FrameSink sink, int[] overflows, int max, Case c) {
        byte[] next = read;
        for (int guard = 0; guard <= read.length + 1; guard++) {
            try {
                framer.onBytes(next, 0, next.length, sink);
                return;
            } catch (FrameTooLargeException e) {
                assertEquals(max, e.maximum(), c::toString);
                assertTrue(e.size() > max, () -> "overflow of " + e.size() + " bytes, maximum " + max + ": " + c);
                overflows[0]++;
                framer.discard();
                next = new byte[0];
            }
        }
        fail("the framer keeps overflowing on the same bytes: " + c);
    }

    /** The reads themselves: what a raw framer must emit (an empty read emits nothing). */
    private static List<String> reads(Case c) {
        List<String> reads = new ArrayList<>();
        for (int k = 0; k + 1 < c.cuts().length; k++) {
            if (c.cuts()[k + 1] > c.cuts()[k]) {
                reads.add(HexFormat.of().formatHex(Arrays.copyOfRange(c.stream(), c.cuts()[k], c.cuts()[k + 1])));
            }
        }
        return reads;
    }

    /** The frames and pending rest a plain reading of the mode gives, or null when some frame must overflow. */
    static Outcome reference(Case c) {
        byte[] s = c.stream();
        List<String> frames = new ArrayList<>();
        int at = 0;
        switch (c.spec()) {
            case FramingSpec.Delimited d -> {
                byte[] delimiter = d.delimiter();
                while (true) {
                    int found = indexOf(s, delimiter, at);
                    if (found < 0) {
                        break;
                    }
                    int end = found + delimiter.length;
                    if (end - at > d.maxFrameSize()) {
                        return null;
                    }
                    frames.add(hex(s, at, d.keepDelimiter() ? end : found));
                    at = end;
                }
                if (s.length - at > d.maxFrameSize()) {
                    return null;
                }
            }
            case FramingSpec.LengthPrefixed l -> {
                int header = l.skipBytes() + l.fieldBytes();
                while (s.length - at >= header) {
                    long announced = 0;
                    for (int k = 0; k < l.fieldBytes(); k++) {
                        long b = s[at + l.skipBytes() + k] & 0xff;
                        announced = l.byteOrder() == Endianness.BIG ? announced << 8 | b : announced | b << (8 * k);
                    }
                    if (announced < 0) {
                        return null;
                    }
                    long size = l.lengthIncludesHeader() ? Math.max(announced, header) : announced + header;
                    if (size < 0 || size > l.maxFrameSize()) {
                        return null;
                    }
                    if (s.length - at < size) {
                        break;
                    }
                    frames.add(hex(s, at, at + (int) size));
                    at += (int) size;
                }
            }
            case FramingSpec.FixedSize f -> {
                while (s.length - at >= f.size()) {
                    frames.add(hex(s, at, at + f.size()));
                    at += f.size();
                }
            }
            case FramingSpec.IdleGap g -> {
                for (int k = 0; k + 1 < c.cuts().length; k++) {
                    int length = c.cuts()[k + 1] - c.cuts()[k];
                    if (length > g.maxFrameSize()) {
                        return null;
                    }
                    if (length > 0) {
                        frames.add(hex(s, c.cuts()[k], c.cuts()[k + 1]));
                    }
                }
                return new Outcome(frames, 0, "");
            }
            case FramingSpec.Raw r -> throw new IllegalStateException("raw frames are the reads");
        }
        return new Outcome(frames, 0, hex(s, at, s.length));
    }

    private static int indexOf(byte[] s, byte[] pattern, int from) {
        outer:
        for (int i = from; i + pattern.length <= s.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (s[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String hex(byte[] s, int from, int to) {
        return HexFormat.of().formatHex(s, from, to);
    }

    private static int maxFrameSize(FramingSpec spec) {
        return switch (spec) {
            case FramingSpec.Raw r -> Integer.MAX_VALUE;
            case FramingSpec.Delimited d -> d.maxFrameSize();
            case FramingSpec.LengthPrefixed l -> l.maxFrameSize();
            case FramingSpec.FixedSize f -> f.maxFrameSize();
            case FramingSpec.IdleGap g -> g.maxFrameSize();
        };
    }

    /**
     * The framer's frame buffer may grow with the bytes that arrive but never beyond the maximum: read through
     * reflection, since the buffer is private to the framing package.
     */
    private static void assertBufferWithinMaximum(Framer framer, int max, Case c) {
        for (Class<?> type = framer.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.getType().getSimpleName().equals("FrameBuffer")) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object buffer = field.get(framer);
                    Field data = buffer.getClass().getDeclaredField("data");
                    data.setAccessible(true);
                    int capacity = ((byte[]) data.get(buffer)).length;
                    assertTrue(capacity <= max, () -> "frame buffer of " + capacity + " bytes, maximum " + max + ": " + c);
                    return;
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read the frame buffer of " + framer.getClass(), e);
                }
            }
        }
        if (!(c.spec() instanceof FramingSpec.Raw)) {
            fail(framer.getClass() + " has no FrameBuffer field to check");
        }
    }
}
