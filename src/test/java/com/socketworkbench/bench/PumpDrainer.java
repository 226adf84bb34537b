package com.socketworkbench.bench;

import com.socketworkbench.ui.fx.EventPump;

import java.util.concurrent.locks.LockSupport;

/**
 * Drains an {@link EventPump} the way the FX thread does, but in a tight loop on its own platform thread: each
 * {@link EventPump#pumpOnce()} counts the events, appends them to the timeline in one batch and runs the pulse
 * listeners. When nothing is queued it parks for 1 ms (a spinning drainer would steal a core from the engine).
 * The pump's counters are FX-thread-only; this thread publishes them after every round.
 */
final class PumpDrainer implements AutoCloseable {
    private final EventPump pump;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long bytesIn;
    private volatile long messagesIn;
    private volatile long events;

    PumpDrainer(EventPump pump) {
        this.pump = pump;
        this.thread = Thread.ofPlatform().name("bench-pump-drainer").daemon().start(this::loop);
    }

    private void loop() {
        long drained = 0;
        while (running) {
            int n = pump.pumpOnce();
            drained += n;
            bytesIn = pump.counters().bytesIn();
            messagesIn = pump.counters().messagesIn();
            events = drained;
            if (n == 0) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    long bytesIn() {
        return bytesIn;
    }

    long messagesIn() {
        return messagesIn;
    }

    /** Events drained so far (data and control). */
    long events() {
        return events;
    }

    /** Waits until {@code condition} holds, checking every millisecond, at most {@code limitNanos}. */
    static boolean awaitCondition(java.util.function.BooleanSupplier condition, long limitNanos) {
        long deadline = System.nanoTime() + limitNanos;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(java.time.Duration.ofSeconds(5));
    }
}
