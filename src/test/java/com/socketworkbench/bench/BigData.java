package com.socketworkbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** P4: big transfers within a 512 MiB heap ({@link BigDataProbe} in a child JVM with -Xmx512m), several runs. */
final class BigData implements BenchPart {
    @Override
    public String id() {
        return "P4";
    }

    @Override
    public String title() {
        return "Big data with -Xmx512m";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int runs = config.runs(3, 1);
        List<Properties> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            results.add(ChildJvm.run("P4-" + (run + 1), List.of("-Xmx512m"), BigDataProbe.class, List.of(),
                    Duration.ofSeconds(240)));
        }
        List<Figure> figures = new ArrayList<>();
        boolean tcpComplete = results.stream().allMatch(r -> Long.parseLong(r.getProperty("tcp.bytes", "-1"))
                == BigDataProbe.TCP_BYTES);
        figures.add(Figure.check(id(), "100 MB TCP stream (TcpServer → pump → timeline) completes", "completes",
                tcpComplete, tcpComplete ? "100,000,000 B" : "incomplete", "per run seconds "
                        + values(results, "tcp.seconds") + "; timeline kept " + values(results, "tcp.retainedBytes")
                        + " B in " + values(results, "tcp.rows") + " rows; heap limit "
                        + results.getFirst().getProperty("maxHeapMiB") + " MiB; hex of the last row: "
                        + results.getFirst().getProperty("tcp.hexLines")));
        figures.add(Figure.atMost(id(), "TCP: last row counted and hex lines (0, middle, end) ready after the last byte",
                200, Stats.median(values(results, "tcp.previewMillis")), "ms", "per run "
                        + values(results, "tcp.previewMillis") + " ms"));
        boolean httpExact = results.stream().allMatch(r -> "true".equals(r.getProperty("http.exact")));
        figures.add(Figure.check(id(), "50 MB HTTP body (HttpExchanger, raw loopback server) completes, bytes spot-checked",
                "completes", httpExact, httpExact ? "50,000,000 B" : "incomplete", "per run seconds "
                        + values(results, "http.seconds") + "; body stored as "
                        + results.getFirst().getProperty("http.bodyStorage") + "; failures "
                        + results.stream().map(r -> r.getProperty("http.failure", "?")).toList()
                        + "; hex at 0 / middle / end: " + results.getFirst().getProperty("http.hexLines")));
        figures.add(Figure.atMost(id(), "HTTP: parsed response and hex lines (0, middle, end) ready after the last byte",
                200, Stats.median(values(results, "http.previewMillis")), "ms", "per run "
                        + values(results, "http.previewMillis") + " ms"));
        return figures;
    }

    private static List<Double> values(List<Properties> results, String key) {
        return results.stream().map(run -> Double.parseDouble(run.getProperty(key, "NaN"))).toList();
    }
}
