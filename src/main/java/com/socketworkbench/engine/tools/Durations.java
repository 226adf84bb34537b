package com.socketworkbench.engine.tools;

import java.time.Duration;
import java.util.Locale;

/** Short human durations: "0.4 ms", "12 ms", "1.5 s", "5 s". */
final class Durations {
    private Durations() {
    }

    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 10_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos < 1_000_000_000L) {
            return nanos / 1_000_000 + " ms";
        }
        double seconds = nanos / 1e9;
        return seconds == Math.rint(seconds) ? (long) seconds + " s" : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
