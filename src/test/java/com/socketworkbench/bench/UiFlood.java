package com.socketworkbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * P2: the real app under a flood, in child JVMs ({@link UiFloodProbe}), several runs; pulse gaps are medians over
 * the runs of each run's p50/p99/max, counters must reconcile in every run.
 */
final class UiFlood implements BenchPart {
    static final int RATE = 100_000;

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
        for (int run = 0; run < runs; run++) {
            results.add(ChildJvm.run("P2-" + (run + 1), jvmArgs(), UiFloodProbe.class,
                    List.of(Integer.toString(RATE), Integer.toString(seconds)), Duration.ofSeconds(4L * seconds + 120)));
        }
        List<Figure> figures = new ArrayList<>();
        String flood = String.format("%,d/s × 64 B for %d s", RATE, seconds);
        figures.addAll(phase("udp", "UDP " + flood, results));
        figures.addAll(phase("tcp", "TCP lines " + flood, results));
        figures.add(Figure.info(id(), "FX watchdog over both floods: longest blocked / busy",
                Figure.number(Stats.median(values(results, "watchdog.blockedMillis"))) + " / "
                        + Figure.number(Stats.median(values(results, "watchdog.busyMillis"))) + " ms",
                "the UI tests' watchdog (blocked: sleeping or waiting; busy: running; waits for a CPU and GC pauses not"
                        + " counted) per run "
                        + values(results, "watchdog.blockedMillis") + " / " + values(results, "watchdog.busyMillis")
                        + " ms; a UI test fails above 100 / 500 ms"));
        return figures;
    }

    static List<String> jvmArgs() {
        List<String> args = new ArrayList<>(ChildJvm.HEADLESS);
        args.add("-Xmx1g");
        return args;
    }

    private List<Figure> phase(String prefix, String label, List<Properties> results) {
        List<Double> p50 = values(results, prefix + ".gapP50");
        List<Double> p99 = values(results, prefix + ".gapP99");
        List<Double> max = values(results, prefix + ".gapMax");
        List<Double> pingP99 = values(results, prefix + ".pingP99");
        List<Double> pingMax = values(results, prefix + ".pingMax");
        String gaps = "pulse gaps per run p50 " + p50 + " ms, p99 " + p99 + " ms, max " + max
                + " ms; runLater ping every 5 ms waited p99 " + pingP99 + " ms, max " + pingMax + " ms; frames "
                + values(results, prefix + ".frames");
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atMost(id(), label + ": FX pulse gap p99", 50, Stats.median(p99), "ms",
                "median p50 " + Figure.number(Stats.median(p50)) + " ms; " + gaps));
        figures.add(Figure.atMost(id(), label + ": FX pulse gap max", 200, Stats.median(max), "ms", gaps));
        boolean reconciled = true;
        List<String> details = new ArrayList<>();
        for (Properties run : results) {
            long sent = get(run, prefix + ".sent");
            long counted = get(run, prefix + ".counted");
            long kernelDrops = prefix.equals("udp") ? get(run, "udp.kernelDrops") : 0;
            long appDrops = prefix.equals("udp") ? get(run, "udp.appDrops") : sent - counted;
            long shown = get(run, prefix + ".rowsShown");
            long trimmed = get(run, prefix + ".rowsTrimmed");
            long pumped = get(run, prefix + ".rowsPumped");
            boolean ok = sent == counted + kernelDrops + appDrops && appDrops == 0 && kernelDrops >= 0
                    && shown + trimmed == pumped;
            if (prefix.equals("tcp")) {
                ok &= get(run, "tcp.sentBytes") == get(run, "tcp.countedBytes");
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
