package com.socketworkbench.bench;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.PayloadPattern;
import com.socketworkbench.ui.traffic.SearchMode;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * P8: the timeline search over a full timeline. {@link SearchCorpus} feeds 50,000 events of up to 64 KiB into a
 * {@link TimelineModel} with the app's caps (50,000 rows, 32 MiB of payload: it keeps the newest rows within both),
 * then the app's own search (the {@code TimelineSearch} the search bar runs on a virtual thread) runs over the
 * snapshot the search bar would take, for a plain, a regex and a hex-with-wildcards pattern, each once matching near
 * the end of late rows and once matching nothing (every byte is looked at). Median of 7 runs (5 quick) after two
 * warm-up runs, side by side with a plain JDK loop over the same bytes ({@link SearchBaseline}). Then the regex path
 * timed apart (where its time goes), cancellation (time from {@code cancel()} to the search thread's end) and progress
 * (values the search bar would read). No network; about 45 s.
 */
final class TimelineSearchBench implements BenchPart {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineSearchBench.class);
    private static final double LIMIT_MS = 500;
    private static final int WARM_UP = 2;
    private static final long WAIT_LIMIT_NANOS = Duration.ofSeconds(20).toNanos();

    private record Case(String label, SearchMode mode, String pattern,
                        Function<TimelineRow[], AppTimelineSearch.Found> baseline) {
    }

    @Override
    public String id() {
        return "P8";
    }

    @Override
    public String title() {
        return "Timeline search";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int runs = config.runs(7, 5);
        SearchCorpus corpus = new SearchCorpus();
        TimelineModel model = new TimelineModel();
        long feedStart = System.nanoTime();
        corpus.feed(model);
        double feedMillis = (System.nanoTime() - feedStart) / 1e6;
        // What the search bar does when the search starts: a snapshot of the rows shown.
        TimelineRow[] snapshot = model.rows().toArray(new TimelineRow[0]);
        long bytes = 0;
        for (TimelineRow row : snapshot) {
            bytes += row.payloadBytes();
        }
        String searched = String.format(Locale.ROOT, "%,d of %,d rows, %.1f MiB of %.1f MiB generated "
                        + "(the timeline keeps %,d rows and %d MiB of payload; %,d trimmed; %d rows carry the marker)",
                snapshot.length, SearchCorpus.EVENTS, bytes / 1048576.0, corpus.generatedBytes() / 1048576.0,
                TimelineModel.DEFAULT_CAP, TimelineModel.DEFAULT_BYTE_BUDGET >> 20, model.trimmed(),
                corpus.planted());
        LOG.info("P8 searches {}; feeding took {} ms", searched, Math.round(feedMillis));

        List<Figure> figures = new ArrayList<>();
        String shortScope = String.format(Locale.ROOT, "%,d rows / %.0f MiB", snapshot.length, bytes / 1048576.0);
        for (Case c : cases()) {
            figures.add(time(c, snapshot, runs, shortScope, searched));
        }
        Case worst = cases().get(3); // regex, no match: decodes every payload
        figures.add(cancellation(worst, snapshot, runs));
        figures.add(progress(worst, snapshot));
        return figures;
    }

    private static List<Case> cases() {
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        Pattern late = Pattern.compile("late-needle-\\d{4}", flags);
        Pattern absent = Pattern.compile("absent-needle-\\d{4}", flags);
        byte[] lateHex = {(byte) 0xDE, (byte) 0xAD, 0, (byte) 0xEF, 'l', 'a', 't', 'e'};
        boolean[] lateAny = {false, false, true, false, false, false, false, false};
        byte[] absentHex = {(byte) 0xCA, (byte) 0xFE, 0, (byte) 0xBA, (byte) 0xBE, 0, 0x01, 0x02};
        boolean[] absentAny = {false, false, true, false, false, true, false, false};
        return List.of(
                new Case("plain, matches near the end of late rows", SearchMode.PLAIN, "late-needle-4711",
                        rows -> SearchBaseline.plain(rows, "late-needle-4711")),
                new Case("plain, matches nothing", SearchMode.PLAIN, "absent-needle-0000",
                        rows -> SearchBaseline.plain(rows, "absent-needle-0000")),
                new Case("regex, matches near the end of late rows", SearchMode.REGEX, "late-needle-\\d{4}",
                        rows -> SearchBaseline.regex(rows, late)),
                new Case("regex, matches nothing", SearchMode.REGEX, "absent-needle-\\d{4}",
                        rows -> SearchBaseline.regex(rows, absent)),
                new Case("hex with ??, matches near the end of late rows", SearchMode.HEX, "de ad ?? ef 6c 61 74 65",
                        rows -> SearchBaseline.hex(rows, lateHex, lateAny)),
                new Case("hex with ??, matches nothing", SearchMode.HEX, "ca fe ?? ba be ?? 01 02",
                        rows -> SearchBaseline.hex(rows, absentHex, absentAny)));
    }

    private static PayloadPattern compile(Case c) {
        // UTF-8: the timeline's charset unless the user picks another.
        return PayloadPattern.compile(c.mode(), c.pattern(), StandardCharsets.UTF_8);
    }

    private Figure time(Case c, TimelineRow[] snapshot, int runs, String scope, String searched) throws Exception {
        PayloadPattern pattern = compile(c);
        List<Double> ours = new ArrayList<>();
        List<Double> jdk = new ArrayList<>();
        AppTimelineSearch.Found found = null;
        AppTimelineSearch.Found expected = null;
        for (int i = 0; i < WARM_UP + runs; i++) {
            long start = System.nanoTime();
            found = searchOnSearchThread(snapshot, pattern);
            double oursMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            expected = c.baseline().apply(snapshot);
            double jdkMillis = (System.nanoTime() - start) / 1e6;
            if (i >= WARM_UP) {
                ours.add(oursMillis);
                jdk.add(jdkMillis);
            }
        }
        double median = Stats.median(ours);
        double baseline = Stats.median(jdk);
        double ratio = median / baseline;
        boolean sameMatches = found.matches() == expected.matches() && found.rows() == expected.rows();
        LOG.info("P8 {} '{}': {} ms (JDK {} ms, {}×), {} matches in {} rows (JDK {} in {})", c.label(), c.pattern(),
                Figure.number(median), Figure.number(baseline), String.format(Locale.ROOT, "%.2f", ratio),
                found.matches(), found.rows(), expected.matches(), expected.rows());
        String note = String.format(Locale.ROOT, "pattern `%s` (UTF-8); searched %s; app runs %s ms; plain JDK "
                        + "baseline (%s) median %s ms, runs %s ms; ours/baseline %.2f×; %,d matches in %,d rows "
                        + "(baseline %,d in %,d%s)", c.pattern(), searched, list(ours), baselineName(c.mode()),
                Figure.number(baseline), list(jdk), ratio, found.matches(), found.rows(), expected.matches(),
                expected.rows(), sameMatches ? ", the same" : ", DIFFERENT");
        boolean pass = median <= LIMIT_MS;
        return new Figure(id(), "Search " + c.label() + ", " + scope, "≤ " + Figure.number(LIMIT_MS) + " ms",
                Figure.number(median) + " ms (" + String.format(Locale.ROOT, "%.2f", ratio) + "× JDK)",
                String.format(Locale.ROOT, "%.2f", median / LIMIT_MS),
                pass ? Figure.Result.PASS : Figure.Result.MISS, note);
    }

    private static String baselineName(SearchMode mode) {
        return switch (mode) {
            case PLAIN -> "byte loop, ASCII case folded";
            case REGEX -> "java.util.regex over ISO-8859-1 strings";
            case HEX -> "byte loop with a wildcard mask";
        };
    }

    /** As the search bar runs a large search: the same object, on a virtual thread named as the app names it. */
    private static AppTimelineSearch.Found searchOnSearchThread(TimelineRow[] snapshot, PayloadPattern pattern)
            throws InterruptedException {
        AppTimelineSearch search = new AppTimelineSearch(snapshot, pattern, EventText.EMPTY_PAYLOAD);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().name("timeline-search").start(() -> {
            try {
                outcome.set(search.run());
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        if (!thread.join(Duration.ofNanos(WAIT_LIMIT_NANOS))) {
            search.cancel();
            throw new IllegalStateException("the search did not finish in 20 s");
        }
        if (outcome.get() instanceof RuntimeException e) {
            throw e;
        }
        return (AppTimelineSearch.Found) outcome.get();
    }

    /**
     * Starts the search, cancels it once it is between 20 % and 80 % through, and takes the time from {@code cancel()}
     * to the search thread's last instruction.
     */
    private Figure cancellation(Case c, TimelineRow[] snapshot, int runs) throws InterruptedException {
        PayloadPattern pattern = compile(c);
        List<Double> latencies = new ArrayList<>();
        List<Integer> cancelledAt = new ArrayList<>();
        int stopped = 0;
        for (int i = 0; i < runs; i++) {
            AppTimelineSearch search = new AppTimelineSearch(snapshot, pattern, EventText.EMPTY_PAYLOAD);
            AtomicLong ended = new AtomicLong();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread thread = Thread.ofVirtual().name("timeline-search").start(() -> {
                try {
                    outcome.set(search.run());
                } catch (RuntimeException e) {
                    outcome.set(e);
                } finally {
                    ended.set(System.nanoTime());
                }
            });
            int target = 200 + 600 * i / Math.max(1, runs - 1);
            long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
            while (search.permille() < target && thread.isAlive() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000);
            }
            int at = search.permille();
            long cancelled = System.nanoTime();
            search.cancel();
            if (!thread.join(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the search thread did not stop within 10 s of cancel()");
            }
            if (outcome.get() instanceof CancellationException) {
                stopped++;
                latencies.add(Math.max(0, ended.get() - cancelled) / 1e6);
                cancelledAt.add(at);
            }
        }
        double median = Stats.median(latencies);
        String measured = latencies.isEmpty() ? "not cancelled"
                : String.format(Locale.ROOT, "%.2f ms (max %.2f ms)", median,
                latencies.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        String note = String.format(Locale.ROOT, "pattern `%s`; %d of %d searches stopped with a "
                        + "CancellationException, cancelled at %s ‰; cancel() to the search thread's end: %s ms; the "
                        + "search checks the flag before every row, so the wait is at most one row's search",
                c.pattern(), stopped, runs, cancelledAt, list(latencies));
        LOG.info("P8 cancellation: {}; {}", measured, note);
        return Figure.check(id(), "Cancel a running search (" + c.label() + "): cancel() to the thread's end",
                "stops", stopped == runs, measured, note);
    }

    /** Reads the progress as often as every millisecond during one search, and counts the different values seen. */
    private Figure progress(Case c, TimelineRow[] snapshot) throws InterruptedException {
        AppTimelineSearch search = new AppTimelineSearch(snapshot, compile(c), EventText.EMPTY_PAYLOAD);
        Thread thread = Thread.ofVirtual().name("timeline-search").start(search::run);
        Set<Integer> seen = new HashSet<>();
        long start = System.nanoTime();
        long deadline = start + WAIT_LIMIT_NANOS;
        int reads = 0;
        while (thread.isAlive() && System.nanoTime() < deadline) {
            seen.add(search.permille());
            reads++;
            LockSupport.parkNanos(1_000_000);
        }
        thread.join(Duration.ofSeconds(10));
        double millis = (System.nanoTime() - start) / 1e6;
        int last = search.permille();
        seen.remove(0);
        seen.remove(1000);
        int frames = (int) (millis / 16.7);
        String note = String.format(Locale.ROOT, "pattern `%s`; %,d reads in %.0f ms, %d different values between "
                        + "0 and 1000 ‰ (the search updates every 64 rows), the last %d ‰; the search bar reads it "
                        + "once per frame, about %d times in this search; values: %s",
                c.pattern(), reads, millis, seen.size(), last, frames,
                seen.stream().sorted().limit(12).map(String::valueOf).collect(Collectors.joining(", "))
                        + (seen.size() > 12 ? ", …" : ""));
        LOG.info("P8 progress: {}", note);
        return Figure.check(id(), "Progress reported while searching (" + c.label() + ")", "> 0 updates",
                !seen.isEmpty() && last == 1000, seen.size() + " updates", note);
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v))
                .collect(Collectors.joining(", "));
    }
}
