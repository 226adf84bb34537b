package com.socketworkbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * P6: process start to the first frame shown, timed here from starting the child JVM ({@link StartupProbe}) to its
 * first-pulse line. Median of several launches, each a fresh JVM.
 */
final class Startup implements BenchPart {
    @Override
    public String id() {
        return "P6";
    }

    @Override
    public String title() {
        return "Start-up";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int runs = config.runs(5, 3);
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            CompletableFuture<Long> shown = new CompletableFuture<>();
            long start = System.nanoTime();
            ChildJvm child = ChildJvm.start("P6-" + (run + 1), ChildJvm.HEADLESS, StartupProbe.class, List.of(),
                    line -> {
                        if (line.contains(StartupProbe.FIRST_FRAME)) {
                            shown.complete(System.nanoTime());
                        }
                    });
            try {
                millis.add((shown.get(60, TimeUnit.SECONDS) - start) / 1e6);
                child.await(Duration.ofSeconds(30));
            } finally {
                child.kill();
            }
        }
        return List.of(Figure.atMost(id(), "Process start to first frame shown (headless, software rendering)", 1500,
                Stats.median(millis), "ms", "per launch " + millis + " ms"));
    }
}
