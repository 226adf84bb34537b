package com.socketworkbench.ui.fx;

import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.traffic.TrafficCounters;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import javafx.animation.AnimationTimer;
import javafx.util.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one bridge from engine threads to the FX thread for a tab. Engine threads call {@link #emit} which only
 * enqueues (never blocks, never schedules a runnable). Once per FX pulse the pump drains up to
 * {@code maxPerPulse} events, counts every one in {@link TrafficCounters}, turns them into timeline rows, then tells
 * its pulse listeners (state changes, notifications, tables that refresh on the tick). Events beyond the per-pulse
 * bound wait for the next pulse, so a flood cannot freeze the UI.
 *
 * <p>The rows reach the {@link TimelineModel} as one batch (one list change) at once when traffic is sparse, but at
 * most once per {@link #DEFAULT_PUBLISH_INTERVAL} while every pulse brings events: each change makes the table lay
 * out and restyle its visible rows and walk its size estimates over all rows, which at 60 changes a second took most
 * of the FX thread under a flood (and while the JIT compiler still warms up the table code, a single update takes
 * several frames). Five table updates a second, like a capture tool's live packet list, are more than anyone can
 * read in a flood; the counters still change every pulse, traffic slower than one event per pulse shows at once,
 * and the held rows are published the first pulse that brings nothing. Held rows stay within the timeline's limits.
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
    private final TimelineModel timeline;
    private final TrafficCounters counters = new TrafficCounters();
    private final int maxPerPulse;
    private final long publishIntervalNanos;
    private final List<PulseListener> listeners = new ArrayList<>();
    private final List<Runnable> shownListeners = new ArrayList<>();
    private final ArrayDeque<TimelineRow> pendingRows = new ArrayDeque<>();
    private long pendingBytes;
    private long pendingTrimmed;
    private long lastPublishNanos;
    private boolean drainedLastPulse;
    private AnimationTimer timer;
    private long sequence;
    private Instant lastEventTime;
    private volatile boolean disposed;

    public EventPump(TimelineModel timeline) {
        this(timeline, DEFAULT_MAX_PER_PULSE);
    }

    public EventPump(TimelineModel timeline, int maxPerPulse) {
        this(timeline, maxPerPulse, DEFAULT_PUBLISH_INTERVAL);
    }

    public EventPump(TimelineModel timeline, int maxPerPulse, Duration publishInterval) {
        if (maxPerPulse < 1) {
            throw new IllegalArgumentException("maxPerPulse must be at least 1, was " + maxPerPulse);
        }
        if (publishInterval.isNegative()) {
            throw new IllegalArgumentException("publishInterval must not be negative, was " + publishInterval);
        }
        this.timeline = timeline;
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

    /** Stops draining; queued events stay queued, rows already drained are shown. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
        publishRows(System.nanoTime());
    }

    /** Stops for good, drops queued events and forgets all listeners. */
    public void dispose() {
        disposed = true;
        pendingRows.clear();
        pendingBytes = 0;
        pendingTrimmed = 0;
        stop();
        listeners.clear();
        shownListeners.clear();
        queue.clear();
    }

    /**
     * One pulse's work without holding rows back, callable directly by tests and tight loops: drains at most
     * {@code maxPerPulse} events, counts them, appends every row not yet shown to the timeline in one batch and
     * notifies the listeners.
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
        List<NetEvent> batch = new ArrayList<>();
        NetEvent event;
        while (batch.size() < maxPerPulse && (event = queue.poll()) != null) {
            batch.add(event);
        }
        for (NetEvent each : batch) {
            counters.record(each);
            hold(new TimelineRow(++sequence, each, deltaNanos(each.time())));
        }
        boolean flooding = drainedLastPulse && !batch.isEmpty()
                && nowNanos - lastPublishNanos < publishIntervalNanos;
        drainedLastPulse = !batch.isEmpty();
        if (publishNow || !flooding) {
            publishRows(nowNanos);
        }
        for (PulseListener listener : List.copyOf(listeners)) {
            listener.pulse(batch);
        }
        return batch.size();
    }

    /**
     * Holds a row until the next publish, within the timeline's own limits: rows the timeline would trim on arrival
     * anyway are dropped now, so held rows never pin more than the timeline's byte budget however fast the bytes
     * come. They are counted as trimmed with the next table update, like the "older events not shown" note it shows.
     */
    private void hold(TimelineRow row) {
        pendingRows.addLast(row);
        pendingBytes += TimelineModel.payloadSize(row);
        while (pendingRows.size() > timeline.cap()
                || (pendingBytes > timeline.byteBudget() && pendingRows.size() > 1)) {
            pendingBytes -= TimelineModel.payloadSize(pendingRows.removeFirst());
            pendingTrimmed++;
        }
    }

    private void publishRows(long nowNanos) {
        if (pendingRows.isEmpty()) {
            return;
        }
        List<TimelineRow> rows = new ArrayList<>(pendingRows);
        pendingRows.clear();
        pendingBytes = 0;
        lastPublishNanos = nowNanos;
        if (pendingTrimmed > 0) {
            timeline.countTrimmed(pendingTrimmed);
            pendingTrimmed = 0;
        }
        timeline.append(rows);
        for (Runnable listener : List.copyOf(shownListeners)) {
            listener.run();
        }
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

    /** True when nothing waits for the next pulse: no event queued, every drained row in the timeline. */
    public boolean isIdle() {
        return queue.isEmpty() && pendingRows.isEmpty();
    }
}
