package com.socketworkbench.ui.traffic;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a search over a snapshot of timeline rows, on whatever thread calls {@link #run()} (the search thread
 * when there are many bytes to look through). It reports its progress in per mille and stops at the next row once
 * {@link #cancel()} is called. Rows are immutable, so reading them off the FX thread is safe.
 */
final class TimelineSearch {
    /** Counting stops here per row: enough to say "many", without walking a 16 MiB frame of one repeated byte. */
    static final int MAX_COUNT_PER_ROW = 10_000;

    private final TimelineRow[] rows;
    private final PayloadPattern pattern;
    private final String emptyPayload;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger permille = new AtomicInteger();

    /** The rows that match, the number of matches, and the last row looked at (newer rows are matched as they come). */
    record Result(Set<TimelineRow> rows, long matches, long lastSequence) {
    }

    TimelineSearch(TimelineRow[] rows, PayloadPattern pattern, String emptyPayload) {
        this.rows = rows;
        this.pattern = pattern;
        this.emptyPayload = emptyPayload;
    }

    /** @throws CancellationException when cancelled before the end */
    Result run() {
        Set<TimelineRow> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        long matches = 0;
        long last = -1;
        for (int i = 0; i < rows.length; i++) {
            if (cancelled.get()) {
                throw new CancellationException("search cancelled");
            }
            TimelineRow row = rows[i];
            int count = count(row, pattern, emptyPayload);
            if (count > 0) {
                matched.add(row);
                matches += count;
            }
            last = Math.max(last, row.sequence());
            if ((i & 63) == 0) {
                permille.set((int) (1000L * i / rows.length));
            }
        }
        permille.set(1000);
        return new Result(matched, matches, last);
    }

    /** Matches in a row: in the payload of a data row, else 1 when its peer, kind or sentence matches. */
    static int count(TimelineRow row, PayloadPattern pattern, String emptyPayload) {
        byte[] payload = EventText.payload(row.event());
        int inPayload = payload == null ? 0 : pattern.count(payload, MAX_COUNT_PER_ROW);
        if (inPayload > 0) {
            return inPayload;
        }
        if (pattern.mode() == SearchMode.HEX) {
            return 0;
        }
        boolean text = pattern.matchesText(EventText.peer(row.event()))
                || pattern.matchesText(EventText.kind(row.event()))
                || (payload == null || payload.length == 0)
                && pattern.matchesText(EventText.preview(row.event(), pattern.charset(), emptyPayload));
        return text ? 1 : 0;
    }

    /** Whether a row matches at all: stops at the first match (for rows that arrive while a search is shown). */
    static boolean matches(TimelineRow row, PayloadPattern pattern, String emptyPayload) {
        byte[] payload = EventText.payload(row.event());
        if (payload != null && pattern.matches(payload)) {
            return true;
        }
        return pattern.mode() != SearchMode.HEX && count(row, pattern, emptyPayload) > 0;
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /** How far the run is, 0 to 1000. */
    int permille() {
        return permille.get();
    }
}
