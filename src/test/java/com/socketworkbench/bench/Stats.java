package com.socketworkbench.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Medians and percentiles of measured samples (nearest-rank: a reported p99 is a value that was observed). */
final class Stats {
    private Stats() {
    }

    /** Per-round ratios as the reports print them, two decimals each: "[0.72, 0.81]". */
    static String ratios(List<Double> ratios) {
        return ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList().toString();
    }

    static double median(Collection<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The nearest-rank {@code percent} percentile of {@code count} values of {@code values}. */
    static long percentile(long[] values, int count, double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)];
    }

    static long max(long[] values, int count) {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }
}
