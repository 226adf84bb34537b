package com.socketworkbench.engine.fields;

import com.socketworkbench.engine.codec.PayloadEncoder;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.text.Texts;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A compiled {@link PayloadSpec}: the bytes each send carries. {@link #next()} renders the next payload (advancing
 * counters); {@link #preview()} shows what {@code next()} would return without advancing. Thread-safe and lock-free:
 * a periodic sender calls {@code next()} from its own thread while the editor previews.
 *
 * <p>With {@link PayloadSpec#fields()} on, {@code {{name}}} and {@code {{name:options}}} are fields (docs/fields.md):
 * {@code counter}, {@code time}, {@code random}, {@code len}, {@code sum8}, {@code xor8}, {@code crc16-modbus},
 * {@code crc16-ccitt}, {@code crc32}. Off, the input is read literally, braces and all.
 *
 * <p>State: the only state is the number of sends so far, n. Send n carries counter values {@code start + step*n}
 * and random bytes drawn from a generator seeded for n, so {@link #preview()} shows exactly what the next send
 * carries, random bytes included; only {@code {{time}}} is read again at send time. A template lives as long as the
 * input it was compiled from: recompiling (after any edit, or to "reset" counters) starts again at n = 0.
 *
 * <p>Checksums cover the payload from its first byte (or byte {@code from=N}) up to the checksum, earlier fields
 * included; {@code len} counts every byte after it, line ending included.
 */
public final class FieldTemplate {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.fields.fields");
    /** Spreads consecutive send numbers over the seed space (the golden-ratio increment SplittableRandom uses). */
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private final byte[] literal;
    private final Part[] parts;
    private final boolean hasTime;
    private final boolean hasRandom;
    private final Clock clock;
    private final long seed;
    private final AtomicLong sends = new AtomicLong();

    private FieldTemplate(byte[] literal, List<Part> parts, Clock clock, long seed) {
        this.literal = literal;
        this.parts = parts.toArray(Part[]::new);
        this.hasTime = parts.stream().anyMatch(Part.Time.class::isInstance);
        this.hasRandom = parts.stream().anyMatch(Part.Random.class::isInstance);
        this.clock = clock;
        this.seed = seed;
    }

    /** Compiles {@code spec}; a malformed input (or field) is a {@link PayloadFormatException} at its position. */
    public static FieldTemplate compile(PayloadSpec spec) throws PayloadFormatException {
        return compile(spec, Clock.systemDefaultZone(), ThreadLocalRandom.current().nextLong());
    }

    /** {@link #compile(PayloadSpec)} with the clock {@code {{time}}} reads and the seed of {@code {{random}}}. */
    static FieldTemplate compile(PayloadSpec spec, Clock clock, long seed) throws PayloadFormatException {
        if (!spec.fields()) {
            return new FieldTemplate(PayloadEncoder.encode(spec.text() == null ? "" : spec.text(), spec.format(),
                    spec.charset(), spec.lineEnding(), spec.escapes()), List.of(), clock, seed);
        }
        List<Part> parts = FieldParser.parse(spec, clock);
        if (parts.stream().allMatch(Part.Literal.class::isInstance)) {
            return new FieldTemplate(join(parts), List.of(), clock, seed);
        }
        FieldTemplate template = new FieldTemplate(null, parts, clock, seed);
        template.check();
        return template;
    }

    private static byte[] join(List<Part> literals) {
        int size = 0;
        for (Part part : literals) {
            size += ((Part.Literal) part).bytes().length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (Part part : literals) {
            byte[] bytes = ((Part.Literal) part).bytes();
            System.arraycopy(bytes, 0, out, at, bytes.length);
            at += bytes.length;
        }
        return out;
    }

    /** The bytes of the next send; advances the template's counters. */
    public byte[] next() {
        return literal != null ? literal.clone() : render(sends.getAndIncrement(), null, null);
    }

    /** The bytes {@link #next()} would return now, without advancing anything. */
    public byte[] preview() {
        return literal != null ? literal.clone() : render(sends.get(), null, null);
    }

    /**
     * The bytes of send number {@code sendNumber} (0 for the first), for a sender that keeps its own count: a rule
     * whose reply is compiled anew for each match's captures still counts from reply to reply. Advances nothing.
     */
    public byte[] render(long sendNumber) {
        return literal != null ? literal.clone() : render(sendNumber, null, null);
    }

    /** Whether the input has fields, so that each send may differ (a literal template always sends the same). */
    public boolean dynamic() {
        return literal == null;
    }

    /**
     * What can only be known from a rendered payload: a length that does not fit its format, a checksum starting
     * after itself. Checked on the first payload; later ones can differ only through a time's length, and then a
     * length wraps and a checksum starts at itself.
     */
    private void check() throws PayloadFormatException {
        int[] offsets = new int[parts.length];
        long[] rests = new long[parts.length];
        render(0, offsets, rests);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] instanceof Part.Length length && length.binary() != null
                    && rests[i] > length.binary().max()) {
                throw new PayloadFormatException(TEXT.get("field.len.overflow", length.name(),
                        FieldParser.human(length.position()), rests[i], length.binary().option()),
                        length.position());
            }
            if (parts[i] instanceof Part.Check check && check.from() > offsets[i]) {
                throw new PayloadFormatException(TEXT.get("field.checksum.from", check.name(),
                        FieldParser.human(check.position()), check.from(), offsets[i]), check.position());
            }
        }
    }

    /**
     * Send {@code n}: fields that stand alone first, then lengths from the end (each needs only the size of what
     * follows), then checksums from the start (each covers bytes already final). {@code offsets} and {@code rests},
     * when given, receive each part's offset and the number of bytes after it.
     */
    private byte[] render(long n, int[] offsets, long[] rests) {
        byte[][] pieces = new byte[parts.length][];
        SplittableRandom random = hasRandom ? new SplittableRandom(seed + n * SEED_STEP) : null;
        ZonedDateTime now = hasTime ? ZonedDateTime.now(clock) : null;
        for (int i = 0; i < parts.length; i++) {
            pieces[i] = switch (parts[i]) {
                case Part.Literal literalPart -> literalPart.bytes();
                case Part.Counter counter -> counter.bytes(n);
                case Part.Time time -> time.bytes(now);
                case Part.Random randomPart -> randomPart.bytes(random);
                case Part.Length ignored -> null;
                case Part.Check check -> new byte[check.checksum().size()];
            };
        }
        long rest = 0;
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i] instanceof Part.Length length) {
                pieces[i] = length.bytes(rest);
            }
            if (rests != null) {
                rests[i] = rest;
            }
            rest += pieces[i].length;
        }
        byte[] out = new byte[Math.toIntExact(rest)];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (offsets != null) {
                offsets[i] = at;
            }
            if (parts[i] instanceof Part.Check check) {
                check.checksum().write(out, Math.min(check.from(), at), at);
            } else {
                System.arraycopy(pieces[i], 0, out, at, pieces[i].length);
            }
            at += pieces[i].length;
        }
        return out;
    }
}
