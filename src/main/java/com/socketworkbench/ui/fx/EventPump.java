package com.socketworkbench.ui.fx;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import javafx.animation.AnimationTimer;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one bridge from engine threads to the FX thread for a tab. Engine threads call {@link #emit} which only
 * enqueues (never blocks). Once per FX pulse the pump drains up to {@code maxPerPulse} events, counts every one in
 * {@link TrafficCounters}, hands them to its {@link BatchSink} (the tab's timeline, which keeps them within its
 * limits), tells the sink when to show them, then tells its pulse listeners (state changes, notifications). Events
 * beyond the per-pulse bound wait for the next pulse, so a flood cannot freeze the UI.
 *
 * <p>The sink shows what it holds at once when traffic is sparse, but at most once per
 * {@link #DEFAULT_PUBLISH_INTERVAL} while every pulse brings events: each change makes the table lay out and restyle
 * its visible rows and walk its size estimates over all rows, which at 60 changes a second took most of the FX
 * thread under a flood. Five table updates a second, like a capture tool's live packet list, are more than anyone
 * can read in a flood; the counters still change every pulse, traffic slower than one event per pulse shows at once,
 * and what is held is shown the first pulse that brings nothing.
 *
 * <p>Use it as the engine component's {@link EventSink}; {@link #start()} / {@link #dispose()} follow the tab.
 */
public final class EventPump implements EventSink {
    public static final int DEFAULT_MAX_PER_PULSE = 50_000;
    public static final Duration DEFAULT_PUBLISH_INTERVAL = Duration.ofMillis(200);

    /** Called on the FX thread once per pulse with the events drained in it (possibly none). */
    @FunctionalInterface
    public interface PulseListener {
        void pulse(List<NetEvent> batch);
    }

    private final Queue<NetEvent> queue = new ConcurrentLinkedQueue<>();
    private final BatchSink sink;
    private final TrafficCounters counters = new TrafficCounters();
    private final int maxPerPulse;
    private final long publishIntervalNanos;
    private final List<PulseListener> listeners = new ArrayList<>();
    private final List<Runnable> shownListeners = new ArrayList<>();
    private long lastPublishNanos;
    private boolean drainedLastPulse;
    private AnimationTimer timer;
    private volatile boolean disposed;

    public EventPump(BatchSink sink) {
        this(sink, DEFAULT_MAX_PER_PULSE);
    }

    public EventPump(BatchSink sink, int maxPerPulse) {
        this(sink, maxPerPulse, DEFAULT_PUBLISH_INTERVAL);
    }

    public EventPump(BatchSink sink, int maxPerPulse, Duration publishInterval) {
        if (maxPerPulse < 1) {
            throw new IllegalArgumentException("maxPerPulse must be at least 1, was " + maxPerPulse);
        }
        if (publishInterval.isNegative()) {
            throw new IllegalArgumentException("publishInterval must not be negative, was " + publishInterval);
        }
        this.sink = sink;
        this.maxPerPulse = maxPerPulse;
        this.publishIntervalNanos = publishInterval.toNanos();
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

    /**
     * Registers what runs right after each table update (FX thread): views that show the counters refresh them here,
     * so during a flood the counters, like the rows, change on screen five times a second (each change of a label
     * is a layout and a frame to render) while {@link #counters()} stay exact every pulse.
     */
    public Subscription onRowsShown(Runnable listener) {
        shownListeners.add(listener);
        return () -> shownListeners.remove(listener);
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
                    pulse(now);
                }
            };
        }
        timer.start();
    }

    /** Stops draining; queued events stay queued, what the sink holds is shown. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
        if (sink.show()) {
            rowsShown();
        }
    }

    /** Stops for good, drops queued events and forgets all listeners. */
    public void dispose() {
        disposed = true;
        stop();
        listeners.clear();
        shownListeners.clear();
        queue.clear();
    }

    /**
     * One pulse's work without holding rows back, callable directly by tests and tight loops: drains at most
     * {@code maxPerPulse} events, counts them, has the sink show them at once and notifies the listeners.
     *
     * @return the number of events drained
     */
    public int pumpOnce() {
        return pulse(System.nanoTime(), true);
    }

    /** What the pulse timer does at {@code nowNanos}: like {@link #pumpOnce()}, but rows may wait (see above). */
    int pulse(long nowNanos) {
        return pulse(nowNanos, false);
    }

    private int pulse(long nowNanos, boolean publishNow) {
        List<NetEvent> batch = drain();
        boolean drained = !batch.isEmpty();
        if (drained) {
            for (NetEvent event : batch) {
                counters.record(event);
            }
            sink.hold(batch);
        }
        boolean flooding = drainedLastPulse && drained && nowNanos - lastPublishNanos < publishIntervalNanos;
        drainedLastPulse = drained;
        if ((publishNow || !flooding) && sink.show()) {
            lastPublishNanos = nowNanos;
            rowsShown();
        }
        for (PulseListener listener : List.copyOf(listeners)) {
            listener.pulse(batch);
        }
        return batch.size();
    }

    private List<NetEvent> drain() {
        NetEvent event = queue.poll();
        if (event == null) {
            return List.of();
        }
        List<NetEvent> batch = new ArrayList<>();
        do {
            batch.add(event);
        } while (batch.size() < maxPerPulse && (event = queue.poll()) != null);
        return batch;
    }

    private void rowsShown() {
        for (Runnable listener : List.copyOf(shownListeners)) {
            listener.run();
        }
    }

    public TrafficCounters counters() {
        return counters;
    }

    /** True when nothing waits for the next pulse: no event queued, nothing held back by the sink. */
    public boolean isIdle() {
        return queue.isEmpty() && !sink.isHolding();
    }

}
