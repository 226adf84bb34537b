package com.socketworkbench.engine.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenario files write them: a number and a unit, {@code 300ms}, {@code 2s}, {@code 1.5s}, {@code 1m}. */
final class Durations {
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)\\s*");
    /** Longer than any scenario needs, short enough that deadlines in nanoseconds never overflow. */
    static final Duration MAX = Duration.ofDays(1);

    private Durations() {
    }

    /** The duration, or null when {@code text} is not one (the caller words the error with its location). */
    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        long nanosPerUnit = switch (m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
        if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
            return null;
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
