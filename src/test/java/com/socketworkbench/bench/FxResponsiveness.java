package com.socketworkbench.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how the FX thread keeps up, two ways at once: an {@link AnimationTimer} records the gap between
 * consecutive pulses (60 Hz when idle, so about 16.7 ms; a long gap is a frame the user waited for), and a daemon
 * thread posts a {@link Platform#runLater} ping every 5 ms and records how long each waited to run. Bounded arrays:
 * at most {@link #CAPACITY} samples each per window. {@link #begin()} and {@link #end()} mark a window.
 */
final class FxResponsiveness implements AutoCloseable {
    static final int CAPACITY = 100_000;

    private final long[] gaps = new long[CAPACITY];
    private final long[] pings = new long[CAPACITY];
    private final AnimationTimer timer;
    private final Thread pinger;
    private volatile boolean running = true;
    // Written on the FX thread only.
    private int gapCount;
    private int pingCount;
    private long lastPulse;
    private boolean recording;

    /** Starts the timer (call on the FX thread) and the pinger. */
    FxResponsiveness() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (recording && lastPulse != 0 && gapCount < CAPACITY) {
                    gaps[gapCount++] = now - lastPulse;
                }
                lastPulse = now;
            }
        };
        timer.start();
        pinger = Thread.ofPlatform().daemon().name("bench-fx-pinger").start(() -> {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    if (recording && pingCount < CAPACITY) {
                        pings[pingCount++] = System.nanoTime() - posted;
                    }
                });
                LockSupport.parkNanos(5_000_000);
            }
        });
    }

    /** Starts a window (FX thread). */
    void begin() {
        gapCount = 0;
        pingCount = 0;
        lastPulse = 0;
        recording = true;
    }

    /** Ends the window and puts its figures (milliseconds) under {@code prefix} (FX thread). */
    void end(String prefix, Properties out) {
        recording = false;
        out.setProperty(prefix + ".frames", Integer.toString(gapCount));
        out.setProperty(prefix + ".gapP50", millis(Stats.percentile(gaps, gapCount, 50)));
        out.setProperty(prefix + ".gapP99", millis(Stats.percentile(gaps, gapCount, 99)));
        out.setProperty(prefix + ".gapMax", millis(Stats.max(gaps, gapCount)));
        out.setProperty(prefix + ".pings", Integer.toString(pingCount));
        out.setProperty(prefix + ".pingP99", millis(Stats.percentile(pings, pingCount, 99)));
        out.setProperty(prefix + ".pingMax", millis(Stats.max(pings, pingCount)));
        out.setProperty(prefix + ".longGaps", longGaps());
    }

    /**
     * The gaps over two frames (33.4 ms) with when they ended, in seconds since the window began: whether they
     * cluster at the start of a flood (code still warming up) or spread over it says where to look.
     */
    private String longGaps() {
        StringBuilder text = new StringBuilder();
        long at = 0;
        for (int i = 0; i < gapCount; i++) {
            at += gaps[i];
            if (gaps[i] > 33_400_000L) {
                text.append(text.isEmpty() ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.1fs:%dms",
                        at / 1e9, gaps[i] / 1_000_000));
            }
        }
        return text.isEmpty() ? "none" : text.toString();
    }

    private static String millis(long nanos) {
        return Double.toString(nanos / 1e6);
    }

    /** Stops the pinger (any thread) and the timer (posted to the FX thread). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        pinger.join(java.time.Duration.ofSeconds(2));
        Platform.runLater(timer::stop);
    }
}
