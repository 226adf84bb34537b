package com.socketworkbench.bench;

import java.util.Locale;

/**
 * One row of the results table: what is measured, the target, the median measured, its ratio to the target and
 * whether the target is met.
 *
 * @param part     "P1".."P7", "EXACT", "FUZZ"
 * @param name     what was measured, in words
 * @param target   "≥ 0.80×", "≤ 50 ms", "exact"
 * @param measured the median measured, with its unit
 * @param ratio    measured relative to the target ("0.84×" of a ratio target, "0.36" of a bound), or "—"
 * @param result   PASS, MISS, SKIP (could not be measured here; the note says why) or INFO (no target)
 * @param note     the numbers behind the figure (all runs, absolute rates, counters)
 */
record Figure(String part, String name, String target, String measured, String ratio, Result result, String note) {

    enum Result { PASS, MISS, SKIP, INFO }

    /** A ratio that must reach {@code minimum} (e.g. engine throughput over plain JDK throughput). */
    static Figure ratioAtLeast(String part, String name, double minimum, double measured, String note) {
        return new Figure(part, name, String.format(Locale.ROOT, "≥ %.2f×", minimum),
                String.format(Locale.ROOT, "%.2f×", measured), String.format(Locale.ROOT, "%.2f", measured / minimum),
                measured >= minimum ? Result.PASS : Result.MISS, note);
    }

    /** A value that must stay at or below {@code limit} (a latency, a duration, bytes per connection). */
    static Figure atMost(String part, String name, double limit, double measured, String unit, String note) {
        return new Figure(part, name, "≤ " + number(limit) + " " + unit, number(measured) + " " + unit,
                String.format(Locale.ROOT, "%.2f", measured / limit), measured <= limit ? Result.PASS : Result.MISS,
                note);
    }

    /** A yes/no property (exact counters, equal hashes, no thread left). */
    static Figure check(String part, String name, String target, boolean ok, String measured, String note) {
        return new Figure(part, name, target, measured, "—", ok ? Result.PASS : Result.MISS, note);
    }

    /** Could not be measured in this run (a tool is missing, a part failed); {@code reason} says why. */
    static Figure skipped(String part, String name, String target, String reason) {
        return new Figure(part, name, target, "—", "—", Result.SKIP, reason);
    }

    /** The part could not finish: its target counts as missed, {@code reason} says why. */
    static Figure failed(String part, String name, String reason) {
        return new Figure(part, name, "—", "failed", "—", Result.MISS, reason);
    }

    /** A measured value without a target, reported for context. */
    static Figure info(String part, String name, String measured, String note) {
        return new Figure(part, name, "—", measured, "—", Result.INFO, note);
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.1f", value);
    }
}
