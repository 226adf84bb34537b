package com.socketworkbench.engine.framing;

import com.socketworkbench.engine.framing.FramingHarness.Got;
import com.socketworkbench.engine.framing.FramingHarness.StreamBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static com.socketworkbench.engine.framing.FramingHarness.concat;
import static com.socketworkbench.engine.framing.FramingHarness.expected;
import static com.socketworkbench.engine.framing.FramingHarness.feed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random frames cut into random reads decode to the original frames, with exact read counts (fixed seed). */
class FramingPropertyTest {
    private static final long SEED = 0x50C4E7L;
    private static final int ROUNDS = 300;
    private static final int ANY = Integer.MIN_VALUE;

    @Test
    void randomFramesSurviveRandomSplitsInEveryMode() throws FrameTooLargeException {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            FramingSpec spec = randomSpec(random);
            StreamBuilder b = new StreamBuilder();
            int frames = random.nextInt(12);
            for (int f = 0; f < frames; f++) {
                appendRandomFrame(spec, b, random);
            }
            byte[] stream = b.stream();
            int[] cuts = randomCuts(stream.length, random);
            Framer framer = spec.create();
            List<Got> got = feed(framer, stream, cuts);
            String context = "round " + round + " " + spec + " reads " + FramingHarness.describeCuts(cuts);
            assertEquals(expected(b.frames(), cuts), got, context);
            assertEquals(0, framer.pending().length, context);
        }
    }

    @Test
    void idleGapBurstsAreReassembledWhateverTheReads() throws FrameTooLargeException {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Framer framer = new FramingSpec.IdleGap(50).create();
            List<Got> got = new ArrayList<>();
            List<Got> want = new ArrayList<>();
            Framer.FrameSink sink = (d, r) -> got.add(Got.of(d, r));
            int bursts = 1 + random.nextInt(5);
            for (int burst = 0; burst < bursts; burst++) {
                byte[] data = randomBytes(random, 1 + random.nextInt(200), ANY);
                int[] cuts = randomCuts(data.length, random);
                int reads = 0;
                for (int k = 0; k + 1 < cuts.length; k++) {
                    if (cuts[k + 1] > cuts[k]) {
                        framer.onBytes(data, cuts[k], cuts[k + 1] - cuts[k], sink);
                        reads++;
                    }
                }
                want.add(Got.of(data, reads));
                if (burst + 1 < bursts) {
                    framer.onIdle(sink);
                }
            }
            framer.onEndOfStream(sink);
            assertEquals(want, got, "round " + round);
            assertArrayEquals(new byte[0], framer.pending());
        }
    }

    private static FramingSpec randomSpec(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new FramingSpec.Delimited(DelimiterPreset.LF, random.nextBoolean());
            case 1 -> new FramingSpec.Delimited(DelimiterPreset.CRLF, random.nextBoolean());
            case 2 -> new FramingSpec.Delimited(new byte[]{0x7e, 0x7e, 0x00}, random.nextBoolean(), 4096);
            case 3 -> new FramingSpec.LengthPrefixed(new int[]{1, 2, 4, 8}[random.nextInt(4)],
                    random.nextBoolean() ? Endianness.BIG : Endianness.LITTLE, random.nextBoolean(),
                    random.nextInt(4), 4096);
            default -> new FramingSpec.FixedSize(1 + random.nextInt(40));
        };
    }

    private static void appendRandomFrame(FramingSpec spec, StreamBuilder b, Random random) {
        switch (spec) {
            case FramingSpec.Delimited d -> {
                // The body avoids the delimiter's first byte so the delimiter cannot occur inside it.
                byte[] body = randomBytes(random, random.nextInt(60), d.delimiter()[0]);
                byte[] wire = concat(body, d.delimiter());
                b.frame(wire, d.keepDelimiter() ? wire : body);
            }
            case FramingSpec.LengthPrefixed l -> {
                int maxBody = l.fieldBytes() == 1 ? 255 - l.skipBytes() - 1 : 300;
                byte[] skipped = randomBytes(random, l.skipBytes(), ANY);
                byte[] wire = LengthPrefixFramerTest.encode(l, skipped, randomBytes(random, random.nextInt(maxBody), ANY));
                b.frame(wire, wire);
            }
            case FramingSpec.FixedSize f -> {
                byte[] wire = randomBytes(random, f.size(), ANY);
                b.frame(wire, wire);
            }
            default -> throw new IllegalArgumentException("no random frames for " + spec);
        }
    }

    private static byte[] randomBytes(Random random, int length, int avoid) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int v;
            do {
                v = random.nextInt(256);
            } while (avoid != ANY && (byte) v == (byte) avoid);
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    /** Sorted boundaries from 0 to length with a random number of reads (sometimes one byte each). */
    private static int[] randomCuts(int length, Random random) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        int wanted = random.nextInt(4) == 0 ? length : random.nextInt(Math.max(1, length / 3) + 1);
        for (int i = 0; i < wanted; i++) {
            cuts.add(random.nextInt(length + 1));
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }
}
