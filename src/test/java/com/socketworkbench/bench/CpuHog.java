package com.socketworkbench.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * A CPU hog for P2's bad-day floods, run as a process of its own: one thread spins (no system calls, no memory
 * traffic) for at most the given seconds, then the process ends by itself; whoever started it kills it sooner.
 * It logs one line when it spins, so the starter knows the hog is at work. Arguments: results file (unused),
 * seconds.
 */
public final class CpuHog {
    static final String SPINNING = "hog spinning";
    private static final Logger LOG = LoggerFactory.getLogger(CpuHog.class);

    private CpuHog() {
    }

    public static void main(String[] args) {
        long seconds = Long.parseLong(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        LOG.info(SPINNING);
        long sink = 0;
        while (System.nanoTime() - deadline < 0) {
            for (int i = 0; i < 100_000; i++) {
                sink = sink * 31 + i;
            }
        }
        // Logged only so the loop cannot be optimised away.
        LOG.info("hog done ({})", sink & 1);
    }
}
