package com.socketworkbench.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one benchmark run does, from system properties the {@code benchmark} Maven profile passes on:
 * {@code bench.quick} (about 2 minutes instead of about 10), {@code bench.parts} (e.g. "P1,P3"; all by default),
 * {@code bench.docs} (the report file), {@code bench.command} (the command line quoted in the report; by default
 * rebuilt from the options),
 * {@code bench.mvn} (Maven, for the fuzz hook) and {@code bench.fuzzSeconds} (fuzzing time per fuzz test).
 */
record BenchConfig(boolean quick, Set<String> parts, Path docs, String command, String mvn, int fuzzSeconds) {
    static final String ALL_PARTS = "P1,P2,P3,P4,P5,P6,P7,EXACT,FUZZ,P8,P9,P10,P11";

    static BenchConfig fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false"));
        String parts = System.getProperty("bench.parts", "").isBlank() ? ALL_PARTS : System.getProperty("bench.parts");
        Path docs = Path.of(System.getProperty("bench.docs", "docs/performance.md")).toAbsolutePath();
        String command = System.getProperty("bench.command", "");
        if (command.isBlank()) {
            command = "mvn -q -Pbenchmark test-compile exec:exec" + (quick ? " -Dbench.quick=true" : "")
                    + (System.getProperty("bench.parts", "").isBlank() ? "" : " -Dbench.parts=" + parts)
                    + (System.getProperty("bench.fuzzSeconds", "").isBlank() ? ""
                    : " -Dbench.fuzzSeconds=" + System.getProperty("bench.fuzzSeconds"));
        }
        String mvn = System.getProperty("bench.mvn", "mvn");
        int fuzzDefault = quick ? 5 : 30;
        int fuzzSeconds = Integer.parseInt(System.getProperty("bench.fuzzSeconds", "").isBlank()
                ? Integer.toString(fuzzDefault) : System.getProperty("bench.fuzzSeconds"));
        return new BenchConfig(quick, Arrays.stream(parts.split(","))
                .map(part -> part.strip().toUpperCase(Locale.ROOT))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.toUnmodifiableSet()), docs, command, mvn, fuzzSeconds);
    }

    boolean includes(String part) {
        return parts.contains(part);
    }

    /** Repetitions of a part: several for the median, fewer in the quick version. */
    /** Runs of a part: its own count for full and quick mode, unless {@code -Dbench.runs=N} says (to look inside one). */
    int runs(int full, int quickRuns) {
        String override = System.getProperty("bench.runs", "").strip();
        if (!override.isEmpty()) {
            return Math.max(1, Integer.parseInt(override));
        }
        return quick ? quickRuns : full;
    }
}
