package com.socketworkbench.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark command (not part of the test suite): {@code mvn -q -Pbenchmark test-compile exec:exec}, or with
 * {@code -Dbench.quick=true} for a shorter version. Runs the selected parts one after the other, logs the table
 * and writes it into {@code docs/performance.md}. See that file for what each part measures and how.
 */
public final class Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

    private Benchmark() {
    }

    static List<BenchPart> parts() {
        return List.of(new TcpThroughput(), new UiFlood(), new Connections(), new BigData(),
                new StopUnderLoad(), new Startup(), new IdleCost(), new TimelineSearchBench(), new ByteExactness(),
                new FuzzHook(), new ScenarioRoundTrips(), new PeriodicSendBench(), new RelayBench());
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Report report = new Report(config);
        List<Figure> figures = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        long started = System.nanoTime();
        for (BenchPart part : parts()) {
            if (!config.includes(part.id())) {
                continue;
            }
            titles.add(part.id() + " " + part.title());
            long partStart = System.nanoTime();
            LOG.info("=== {} {} ===", part.id(), part.title());
            try {
                figures.addAll(part.run(config));
            } catch (Exception | Error e) {
                LOG.error("{} failed", part.id(), e);
                figures.add(Figure.failed(part.id(), part.title(), "the part failed: " + e));
            }
            LOG.info("{} took {} s", part.id(), (System.nanoTime() - partStart) / 1_000_000_000);
        }
        LOG.info("Benchmark took {} s", (System.nanoTime() - started) / 1_000_000_000);
        report.log(figures);
        report.write(figures, titles);
    }
}
