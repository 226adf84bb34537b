package com.socketworkbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * P2: the real app under a flood, in child JVMs ({@link UiFloodProbe}), several runs; pulse gaps are medians over
 * the runs of each run's p50/p99/max, counters must reconcile in every run. Quiet runs flood UDP, TCP over one
 * connection and TCP over 100 connections, and UDP again with the tab's recording on (its pcapng read back: every
 * datagram the engine received must be in it); bad-day runs flood UDP and TCP over 100 connections while a
 * {@link CpuHog} process spins one thread. The targets: two frames (p99 ≤ 34 ms) and max ≤ 100 ms when quiet,
 * p99 ≤ 50 ms and max ≤ 200 ms with the hog.
 */
final class UiFlood implements BenchPart {
    static final int RATE = 100_000;
    static final double QUIET_P99 = 34;
    static final double QUIET_MAX = 100;
    static final double HOG_P99 = 50;
    static final double HOG_MAX = 200;

    @Override
    public String id() {
        return "P2";
    }

    @Override
    public String title() {
        return "UI under flood";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int seconds = config.quick() ? 3 : 10;
        int runs = config.runs(3, 1);
        List<Properties> results = new ArrayList<>();
        List<Properties> hogResults = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            results.add(ChildJvm.run("P2-" + (run + 1), jvmArgs(), UiFloodProbe.class,
                    List.of(Integer.toString(RATE), Integer.toString(seconds), "quiet"),
                    Duration.ofSeconds(6L * seconds + 150)));
            hogResults.add(ChildJvm.run("P2-hog-" + (run + 1), jvmArgs(), UiFloodProbe.class,
                    List.of(Integer.toString(RATE), Integer.toString(seconds), "hog"),
                    Duration.ofSeconds(6L * seconds + 150)));
        }
        List<Figure> figures = new ArrayList<>();
        String flood = String.format("%,d/s × 64 B for %d s", RATE, seconds);
        figures.addAll(phase("udp", "UDP " + flood, results, QUIET_P99, QUIET_MAX));
        figures.addAll(phase("udpRec", "UDP " + flood + ", recording on", results, QUIET_P99, QUIET_MAX));
        figures.add(recordingHeldEveryDatagram(results));
        figures.addAll(phase("tcp", "TCP lines " + flood, results, QUIET_P99, QUIET_MAX));
        figures.addAll(phase("tcp100", "TCP lines over 100 connections " + flood, results, QUIET_P99, QUIET_MAX));
        figures.addAll(phase("udpHog", "With a CPU hog: UDP " + flood, hogResults, HOG_P99, HOG_MAX));
        figures.addAll(phase("tcp100Hog", "With a CPU hog: TCP lines over 100 connections " + flood, hogResults,
                HOG_P99, HOG_MAX));
        figures.add(Figure.info(id(), "FX watchdog over the quiet floods: longest blocked / busy",
                Figure.number(Stats.median(values(results, "watchdog.blockedMillis"))) + " / "
                        + Figure.number(Stats.median(values(results, "watchdog.busyMillis"))) + " ms",
                "the UI tests' watchdog (blocked: sleeping or waiting; busy: running; waits for a CPU and GC pauses not"
                        + " counted) per run "
                        + values(results, "watchdog.blockedMillis") + " / " + values(results, "watchdog.busyMillis")
                        + " ms; a UI test fails above 100 / 500 ms"));
        return figures;
    }

    /** The recorded UDP flood's files, read back: every datagram the engine received, by count and content. */
    private Figure recordingHeldEveryDatagram(List<Properties> results) {
        boolean ok = true;
        List<String> details = new ArrayList<>();
        for (Properties run : results) {
            boolean all = Boolean.parseBoolean(run.getProperty("udpRec.recordedAll", "false"));
            ok &= all;
            details.add(String.format("engine received %,d, file holds %,d datagrams (%,d distinct, %,d in sending"
                            + " order), content %s, %s files of %,d bytes in all%s",
                    get(run, "udpRec.engineReceived"), get(run, "udpRec.fileDatagrams"),
                    get(run, "udpRec.fileDistinct"), get(run, "udpRec.fileInOrder"),
                    Boolean.parseBoolean(run.getProperty("udpRec.fileContentOk", "false")) ? "as sent" : "WRONG",
                    run.getProperty("udpRec.files", "?"), get(run, "udpRec.fileBytes"),
                    all ? "" : " — NOT EVERY DATAGRAM"));
        }
        return Figure.check(id(), "UDP flood, recording on: every datagram received is in the pcapng (count and"
                + " content)", "exact", ok, ok ? "exact" : "mismatch", String.join("; ", details));
    }

    static List<String> jvmArgs() {
        List<String> args = new ArrayList<>(ChildJvm.HEADLESS);
        args.add("-Xmx1g");
        // The garbage collector as the app runs it (pom.xml), so a flood's collections are the app's.
        args.addAll(ChildJvm.appJvmOptions());
        args.addAll(ChildJvm.extraChildOptions());
        return args;
    }

    private List<Figure> phase(String prefix, String label, List<Properties> results, double p99Limit,
                               double maxLimit) {
        List<Double> p50 = values(results, prefix + ".gapP50");
        List<Double> p99 = values(results, prefix + ".gapP99");
        List<Double> max = values(results, prefix + ".gapMax");
        List<Double> pingP99 = values(results, prefix + ".pingP99");
        List<Double> pingMax = values(results, prefix + ".pingMax");
        String gaps = "pulse gaps per run p50 " + p50 + " ms, p99 " + p99 + " ms, max " + max
                + " ms; runLater ping every 5 ms waited p99 " + pingP99 + " ms, max " + pingMax + " ms; frames "
                + values(results, prefix + ".frames") + "; FX thread CPU per frame p50 "
                + values(results, prefix + ".frameCpuP50") + " ms, p99 " + values(results, prefix + ".frameCpuP99")
                + " ms, max " + values(results, prefix + ".frameCpuMax") + " ms, in all "
                + values(results, prefix + ".fxCpuMillis") + " ms; gaps over two frames (when: length) per run "
                + results.stream().map(run -> "[" + run.getProperty(prefix + ".longGaps", "?") + "]").toList();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atMost(id(), label + ": FX pulse gap p99", p99Limit, Stats.median(p99), "ms",
                "median p50 " + Figure.number(Stats.median(p50)) + " ms; " + gaps));
        figures.add(Figure.atMost(id(), label + ": FX pulse gap max", maxLimit, Stats.median(max), "ms", gaps));
        boolean reconciled = true;
        List<String> details = new ArrayList<>();
        for (Properties run : results) {
            long sent = get(run, prefix + ".sent");
            long counted = get(run, prefix + ".counted");
            boolean udp = prefix.startsWith("udp");
            long kernelDrops = udp ? get(run, prefix + ".kernelDrops") : 0;
            long appDrops = udp ? get(run, prefix + ".appDrops") : sent - counted;
            long shown = get(run, prefix + ".rowsShown");
            long trimmed = get(run, prefix + ".rowsTrimmed");
            long pumped = get(run, prefix + ".rowsPumped");
            boolean ok = sent == counted + kernelDrops + appDrops && appDrops == 0 && kernelDrops >= 0
                    && shown + trimmed == pumped;
            if (!udp) {
                ok &= get(run, prefix + ".sentBytes") == get(run, prefix + ".countedBytes");
            }
            reconciled &= ok;
            details.add(String.format("sent %,d = shown-or-trimmed %,d + kernel drops %,d + app drops %,d"
                            + " (rows shown %,d + trimmed %,d = pumped %,d)%s", sent, counted, kernelDrops, appDrops,
                    shown, trimmed, pumped, ok ? "" : " — DOES NOT RECONCILE"));
        }
        figures.add(Figure.check(id(), label + ": counters reconcile, app drops = 0", "exact", reconciled,
                reconciled ? "exact" : "mismatch", String.join("; ", details)));
        return figures;
    }

    private static List<Double> values(List<Properties> results, String key) {
        return results.stream().map(run -> Double.parseDouble(run.getProperty(key, "NaN"))).toList();
    }

    private static long get(Properties run, String key) {
        return Long.parseLong(run.getProperty(key, "-1"));
    }
}
