package com.socketworkbench.engine.http;

import java.time.Duration;

/** Durations in the words a status line uses: "500 ms", "2 s", "1.5 s". */
final class Durations {

    private Durations() {
    }

    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
