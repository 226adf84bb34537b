package com.socketworkbench.engine.capture;

import java.util.EnumMap;
import java.util.Map;

/** Counts events left out by reason while an export or a recording runs (one thread at a time). */
final class SkipCounts {
    private final EnumMap<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);

    void add(SkipReason reason) {
        counts.merge(reason, 1L, Long::sum);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    Map<SkipReason, Long> snapshot() {
        return new EnumMap<>(counts);
    }
}
