package com.socketworkbench.ui.common;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import javafx.animation.AnimationTimer;
import javafx.util.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one bridge from engine threads to the FX thread for a tab. Engine threads call {@link #emit} which only
 * enqueues (never blocks, never schedules a runnable). Once per FX pulse the pump drains up to
 * {@code maxPerPulse} events, counts every one in {@link TrafficCounters}, appends them to the
 * {@link TimelineModel} as a single batch, then tells its pulse listeners (state changes, notifications, tables that
 * refresh on the tick). Events beyond the per-pulse bound wait for the next pulse, so a flood cannot freeze the UI.
 *
 * <p>Use it as the engine component's {@link EventSink}; {@link #start()} / {@link #dispose()} follow the tab.
 */
public final class EventPump implements EventSink {
    public static final int DEFAULT_MAX_PER_PULSE = 50_000;

    /** Called on the FX thread once per pulse with the events drained in it (possibly none). */
    @FunctionalInterface
    public interface PulseListener {
        void pulse(List<NetEvent> batch);
    }

    private final Queue<NetEvent> queue = new ConcurrentLinkedQueue<>();
    private final TimelineModel timeline;
    private final TrafficCounters counters = new TrafficCounters();
    private final int maxPerPulse;
    private final List<PulseListener> listeners = new ArrayList<>();
    private AnimationTimer timer;
    private long sequence;
    private Instant lastEventTime;
    private volatile boolean disposed;

    public EventPump(TimelineModel timeline) {
        this(timeline, DEFAULT_MAX_PER_PULSE);
    }

    public EventPump(TimelineModel timeline, int maxPerPulse) {
        if (maxPerPulse < 1) {
            throw new IllegalArgumentException("maxPerPulse must be at least 1, was " + maxPerPulse);
        }
        this.timeline = timeline;
        this.maxPerPulse = maxPerPulse;
    }

    /** Any thread; never blocks. Events arriving after {@link #dispose()} are dropped. */
    @Override
    public void emit(NetEvent event) {
        if (!disposed) {
            queue.offer(event);
        }
    }

    /** Registers a pulse listener (FX thread); unsubscribe to remove it. */
    public Subscription onPulse(PulseListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Starts draining once per pulse (FX thread). Starting twice is harmless. */
    public void start() {
        if (disposed) {
            throw new IllegalStateException("pump already disposed");
        }
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pumpOnce();
                }
            };
        }
        timer.start();
    }

    /** Stops draining; queued events stay queued. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Stops for good, drops queued events and forgets all listeners. */
    public void dispose() {
        disposed = true;
        stop();
        listeners.clear();
        queue.clear();
    }

    /**
     * One pulse's work, callable directly by tests: drains at most {@code maxPerPulse} events, counts them, appends
     * them to the timeline in one batch and notifies the listeners.
     *
     * @return the number of events drained
     */
    public int pumpOnce() {
        List<NetEvent> batch = new ArrayList<>();
        NetEvent event;
        while (batch.size() < maxPerPulse && (event = queue.poll()) != null) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            List<TimelineRow> rows = new ArrayList<>(batch.size());
            for (NetEvent each : batch) {
                counters.record(each);
                rows.add(new TimelineRow(++sequence, each, deltaNanos(each.time())));
            }
            timeline.append(rows);
        }
        for (PulseListener listener : List.copyOf(listeners)) {
            listener.pulse(batch);
        }
        return batch.size();
    }

    private long deltaNanos(Instant time) {
        Instant previous = lastEventTime;
        lastEventTime = time;
        if (previous == null) {
            return -1;
        }
        // Events from different connections are stamped on different threads and may be a hair out of order.
        return Math.max(0, Duration.between(previous, time).toNanos());
    }

    public TrafficCounters counters() {
        return counters;
    }

    public TimelineModel timeline() {
        return timeline;
    }

    /** True when nothing waits for the next pulse. */
    public boolean isIdle() {
        return queue.isEmpty();
    }
}
