package com.socketworkbench.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quick measurement, not a test: P1's engine path with and without the recording only (no plain loop, no iperf3),
 * alternating which goes first, so a change to the recorder can be judged in a minute. Run it with the benchmark's
 * JVM options: {@code java -Xmx2g -XX:NewSize=512m -XX:+UseTransparentHugePages -cp <test classpath>
 * com.socketworkbench.bench.RecordedRounds [rounds] [seconds] [files kept]}; files kept 0 (the default) keeps every
 * file, as the tab does unless told otherwise and as P1 measures.
 */
public final class RecordedRounds {
    private static final Logger LOG = LoggerFactory.getLogger(RecordedRounds.class);

    private RecordedRounds() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Duration each = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        int keepFiles = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        LOG.info("{}", TcpThroughput.warmUp());
        Path folder = Files.createTempDirectory("bench-recorded-rounds-");
        List<String> checks = new ArrayList<>();
        TcpThroughput.engineRecorded(Duration.ofSeconds(1), folder, keepFiles, checks);
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double[] engine;
            double[] recorded;
            if (round % 2 == 1) {
                engine = timed(() -> TcpThroughput.engine(each));
                recorded = timed(() -> TcpThroughput.engineRecorded(each, folder, keepFiles, checks));
            } else {
                recorded = timed(() -> TcpThroughput.engineRecorded(each, folder, keepFiles, checks));
                engine = timed(() -> TcpThroughput.engine(each));
            }
            ratios.add(recorded[0] / engine[0]);
            cpuRatios.add(engine[1] / recorded[1]);
            LOG.info("round {}: engine {} ({} CPU s/GB), recorded {} ({} CPU s/GB), ratio {}, CPU ratio {}; {}",
                    round, TcpThroughput.rate(engine[0]), String.format(Locale.ROOT, "%.2f", engine[1]),
                    TcpThroughput.rate(recorded[0]), String.format(Locale.ROOT, "%.2f", recorded[1]),
                    String.format(Locale.ROOT, "%.2f", recorded[0] / engine[0]),
                    String.format(Locale.ROOT, "%.2f", engine[1] / recorded[1]), checks.getLast());
        }
        Files.deleteIfExists(folder);
        LOG.info("median ratio {} of {}; CPU per GB, engine / recorded: median {} of {}",
                String.format(Locale.ROOT, "%.2f", Stats.median(ratios)), Stats.ratios(ratios),
                String.format(Locale.ROOT, "%.2f", Stats.median(cpuRatios)), Stats.ratios(cpuRatios));
    }

    private interface Rate {
        double run() throws Exception;
    }

    /**
     * The rate and the CPU seconds the whole process spent per GB while it ran (sender, reader, writer, collector):
     * on a machine shared with other work the rates move with the load, the CPU per byte much less.
     */
    private static double[] timed(Rate rate) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        double bytesPerSecond = rate.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        return new double[] {bytesPerSecond, cpuSeconds / (bytesPerSecond * seconds / 1e9)};
    }
}
