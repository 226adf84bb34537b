package com.socketworkbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** P3: thousands of concurrent connections held by a TcpServer ({@link ConnectionsProbe}), several runs. */
final class Connections implements BenchPart {
    static final int COUNT = 10_000;
    static final int PROBES = 200;

    @Override
    public String id() {
        return "P3";
    }

    @Override
    public String title() {
        return "10,000 connections";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int runs = config.runs(3, 1);
        List<Properties> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            results.add(ChildJvm.run("P3-" + (run + 1), List.of("-Xmx1g"), ConnectionsProbe.class,
                    List.of(Integer.toString(COUNT), Integer.toString(PROBES)), Duration.ofSeconds(300)));
        }
        List<Double> perConnection = values(results, "bytesPerConnection");
        List<Double> acceptP99 = values(results, "acceptP99Millis");
        List<Double> stop = values(results, "stopMillis");
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atMost(id(), String.format("Heap per connection (%,d held, beyond socket buffers)", COUNT),
                16, Stats.median(perConnection) / 1024, "KiB", "per run " + perConnection + " bytes; heap after GC "
                        + values(results, "heapBefore") + " → " + values(results, "heapWith")
                        + " bytes; all accepted in " + values(results, "acceptAllMillis") + " ms"));
        figures.add(Figure.atMost(id(), "Accept latency p99 of a new client while they are held", 50,
                Stats.median(acceptP99), "ms", "per run p50 " + values(results, "acceptP50Millis") + " ms, p99 "
                        + acceptP99 + " ms, max " + values(results, "acceptMaxMillis") + " ms (" + PROBES
                        + " probes each)"));
        figures.add(Figure.atMost(id(), "Stop the server and close all connections", 2000, Stats.median(stop),
                "ms", "per run " + stop + " ms for " + values(results, "closedConnections") + " connections"));
        boolean clean = results.stream().allMatch(run -> run.getProperty("engineThreadsLeft", "?").isEmpty()
                && "0".equals(run.getProperty("serverLiveThreads")) && "0".equals(run.getProperty("connectionsAfterStop")));
        figures.add(Figure.check(id(), "No engine thread left after stop", "none", clean, clean ? "none" : "some",
                "per run: threads named tcp-* " + results.stream().map(run -> "[" + run.getProperty("engineThreadsLeft")
                        + "]").toList() + ", server's live threads " + values(results, "serverLiveThreads")));
        return figures;
    }

    private static List<Double> values(List<Properties> results, String key) {
        return results.stream().map(run -> Double.parseDouble(run.getProperty(key, "NaN"))).toList();
    }
}
