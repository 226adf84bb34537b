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
    /** Below this many payload bytes one thread is quick enough (and the FX thread searches small timelines itself). */
    static final long PARALLEL_BYTES = 4L * 1024 * 1024;
    /** At most this many threads search one timeline. */
    static final int MAX_PARTS = 4;

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

    /**
     * Searches every row. With many bytes to look through it splits the rows among this thread and one more named
     * virtual thread per further core (at most {@value #MAX_PARTS} in all), each taking every n-th row, so a regex
     * over the 32 MiB a timeline keeps takes the time of its share.
     *
     * @throws CancellationException when cancelled before the end
     */
    Result run() {
        int parts = parts();
        AtomicInteger done = new AtomicInteger();
        if (parts == 1) {
            Result result = search(0, 1, done);
            permille.set(1000);
            return result;
        }
        Result[] results = new Result[parts];
        RuntimeException[] failures = new RuntimeException[parts];
        Thread[] helpers = new Thread[parts];
        String name = Thread.currentThread().getName();
        for (int part = 1; part < parts; part++) {
            int first = part;
            helpers[part] = Thread.ofVirtual().name(name + "-part-" + part).start(() -> {
                try {
                    results[first] = search(first, parts, done);
                } catch (RuntimeException e) {
                    failures[first] = e;
                    cancelled.set(true);
                }
            });
        }
        try {
            results[0] = search(0, parts, done);
        } catch (RuntimeException e) {
            failures[0] = e;
            cancelled.set(true);
        }
        joinAll(helpers);
        RuntimeException thrown = null;
        for (RuntimeException failure : failures) {
            // A part's own failure says more than the cancellation it caused in the others.
            if (failure != null && (thrown == null || thrown instanceof CancellationException)) {
                thrown = failure;
            }
        }
        if (thrown != null) {
            throw thrown;
        }
        permille.set(1000);
        return merged(results);
    }

    private int parts() {
        long bytes = 0;
        for (TimelineRow row : rows) {
            bytes += row.payloadBytes();
        }
        if (bytes < PARALLEL_BYTES) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));
    }

    private void joinAll(Thread[] helpers) {
        for (Thread helper : helpers) {
            if (helper == null) {
                continue;
            }
            try {
                helper.join();
            } catch (InterruptedException e) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("search interrupted");
            }
        }
    }

    private static Result merged(Result[] results) {
        Set<TimelineRow> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        long matches = 0;
        long last = -1;
        for (Result result : results) {
            matched.addAll(result.rows());
            matches += result.matches();
            last = Math.max(last, result.lastSequence());
        }
        return new Result(matched, matches, last);
    }

    /** Searches rows {@code first}, {@code first + step}, ...; counts each row looked at in {@code done}. */
    private Result search(int first, int step, AtomicInteger done) {
        Set<TimelineRow> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        long matches = 0;
        long last = -1;
        for (int i = first; i < rows.length; i += step) {
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
            int looked = done.incrementAndGet();
            if ((looked & 63) == 0) {
                int now = (int) (1000L * looked / rows.length);
                permille.accumulateAndGet(now, Math::max);
            }
        }
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
