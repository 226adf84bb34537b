package com.socketworkbench.engine.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The one way a duration is written for people: a timeout someone chose ("5 s", "300 ms", "1.5 s"), how long a
 * look-up or an HTTP phase took ("0.042 ms", "12.3 ms", "1.2 s"), the gap between two timeline rows, a long wait
 * ("2 min 5 s", "1 h 3 min").
 *
 * <p>Below one second the unit is ms (also below one millisecond, where microseconds show as three decimals), so
 * that a column of short times compares at a glance; up to a minute the value keeps three significant digits; a
 * chosen value therefore reads back exactly as it was typed, and trailing zeros are never written.
 */
public final class DurationText {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private DurationText() {
    }

    /** "0 ms", "0.042 ms", "4.21 ms", "300 ms", "1.5 s", "12.3 s", "2 min 5 s", "1 h 3 min"; "-" before a negative. */
    public static String of(Duration duration) {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return hoursAndMinutes(duration.toMinutes());
        }
        return ofNanos(nanos);
    }

    /** {@link #of(Duration)} for a count of nanoseconds. */
    public static String ofNanos(long nanos) {
        if (nanos < 0) {
            return nanos == Long.MIN_VALUE ? "-" + of(Duration.ofNanos(nanos).negated()) : "-" + ofNanos(-nanos);
        }
        long micros = Math.round(nanos / (double) MICRO);
        if (micros < 1000) {
            return plain(BigDecimal.valueOf(micros, 3)) + " ms";
        }
        BigDecimal rounded = new BigDecimal(nanos).round(THREE_DIGITS);
        if (rounded.compareTo(BigDecimal.valueOf(SECOND)) < 0) {
            return plain(rounded.movePointLeft(6)) + " ms";
        }
        if (rounded.compareTo(BigDecimal.valueOf(MINUTE)) < 0) {
            return plain(rounded.movePointLeft(9)) + " s";
        }
        long seconds = Math.round(nanos / (double) SECOND);
        if (seconds < HOUR / SECOND) {
            long minutes = seconds / 60;
            long rest = seconds % 60;
            return minutes + " min" + (rest == 0 ? "" : " " + rest + " s");
        }
        return hoursAndMinutes(Math.round(nanos / (double) MINUTE));
    }

    private static String hoursAndMinutes(long totalMinutes) {
        long hours = totalMinutes / 60;
        long minutes = totalMinutes % 60;
        return hours + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
