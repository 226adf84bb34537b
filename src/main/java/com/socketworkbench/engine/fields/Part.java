package com.socketworkbench.engine.fields;

import java.nio.charset.Charset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * One piece of a compiled payload: literal bytes, or a field filled in on every render. Immutable, so a template
 * renders from any thread. Text a field produces (a decimal counter, a time, an ASCII length) is encoded with the
 * payload's charset in text input and as ASCII in hex input.
 */
sealed interface Part {

    /** Bytes typed in the editor (escapes and charset already applied). */
    record Literal(byte[] bytes) implements Part {
    }

    /**
     * {@code start + step * n} for the n-th send (n from 0): decimal, zero-padded to at least {@code width} digits, or
     * binary in {@code binary}'s size (wrapping past its maximum) when that is set.
     */
    record Counter(long start, long step, int width, IntegerFormat binary, Charset charset) implements Part {
        byte[] bytes(long n) {
            long value = start + step * n;
            if (binary != null) {
                return binary.bytes(value);
            }
            return Part.padded(value, width).getBytes(charset);
        }
    }

    /** The send's time: with {@code formatter}, or seconds / milliseconds since the epoch. */
    record Time(DateTimeFormatter formatter, boolean epochSeconds, Charset charset) implements Part {
        byte[] bytes(ZonedDateTime now) {
            String text = formatter != null ? formatter.format(now)
                    : Long.toString(epochSeconds ? now.toEpochSecond() : now.toInstant().toEpochMilli());
            return text.getBytes(charset);
        }
    }

    /** {@code count} random bytes. */
    record Random(int count) implements Part {
        byte[] bytes(SplittableRandom random) {
            byte[] out = new byte[count];
            random.nextBytes(out);
            return out;
        }
    }

    /**
     * The length of everything after the field, binary in {@code binary} (wrapping past its maximum) or, when that is
     * null, in decimal text. {@code name} and {@code position} are for the compile-time overflow message.
     */
    record Length(IntegerFormat binary, Charset charset, String name, int position) implements Part {
        byte[] bytes(long rest) {
            return binary != null ? binary.bytes(rest) : Long.toString(rest).getBytes(charset);
        }
    }

    /** A checksum of the payload's bytes from {@code from} up to the field. */
    record Check(Checksum checksum, int from, String name, int position) implements Part {
    }

    /** {@code value} in decimal with at least {@code width} digits, the sign in front of the zeros. */
    static String padded(long value, int width) {
        String digits = value < 0 ? Long.toString(value).substring(1) : Long.toString(value);
        if (digits.length() >= width && value >= 0) {
            return digits;
        }
        StringBuilder out = new StringBuilder(width + 1);
        if (value < 0) {
            out.append('-');
        }
        out.repeat('0', Math.max(0, width - digits.length()));
        return out.append(digits).toString();
    }
}
