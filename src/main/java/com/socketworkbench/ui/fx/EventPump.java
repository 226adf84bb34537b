package com.socketworkbench.ui.fx;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 * and what is held is shown the first pulse that brings nothing. Where a table update makes its frame late (the next
 * pulse comes more than {@link #SLOW_UPDATE} after it: a slow machine, a busy one, code the JIT compiler has not
 * compiled yet), the next one waits {@link #SLOW_UPDATE_BACKOFF} times that long, at most
 * {@link #MAX_PUBLISH_INTERVAL}: the frames that come out late stay few (about one in forty of the flood's time, fewer
 * than one a second) however dear the updates are, and the window keeps answering.
 *
 * <p>An idle pump costs nothing: when a pulse leaves nothing queued and nothing held, the pump stops its
 * {@link AnimationTimer} (a running one makes JavaFX pulse 60 times a second). The engine thread whose event finds
 * the pump asleep posts one wake-up to the FX thread, which starts the timer again; one per idle-to-busy change, never
 * one per event. While {@link #setTicking ticking}, a sleeping pump still runs its pulse listeners a few times a
 * second (without asking for pulses), for what the engine does not report as events.
 *
 * <p>Use it as the engine component's {@link EventSink}; {@link #start()} / {@link #dispose()} follow the tab.
 */
public final class EventPump implements EventSink {
    public static final int DEFAULT_MAX_PER_PULSE = 50_000;
    public static final Duration DEFAULT_PUBLISH_INTERVAL = Duration.ofMillis(200);
    /** A table update whose frame lasts longer than this (two frames at 60 Hz) delays the next one. */
    public static final Duration SLOW_UPDATE = Duration.ofMillis(34);
    /**
     * How many times a slow update's frame the next one waits. Twenty (at most a second) left a CPU-starved flood with
     * a late frame every second, enough to make the slowest one percent of its frames; forty keeps them under 2.5 %.
     */
    public static final int SLOW_UPDATE_BACKOFF = 40;
    /** However slow table updates are, a flood shows its newest rows at least this often. */
    public static final Duration MAX_PUBLISH_INTERVAL = Duration.ofSeconds(2);
    /** How often a sleeping pump ticks its listeners while {@link #setTicking ticking}. */
    public static final Duration TICK_INTERVAL = Duration.ofMillis(250);

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
    /** True while the pump is started but its timer is stopped for lack of work: the next event wakes it. */
    private final AtomicBoolean asleep = new AtomicBoolean();
    /** True from posting a wake-up or tick until it ran: at most one of each waits for the FX thread. */
    private final AtomicBoolean wakeUpPosted = new AtomicBoolean();
    private final AtomicBoolean tickPosted = new AtomicBoolean();
    private final AtomicLong wakeUps = new AtomicLong();
    private final Runnable wakeUp = this::wakeUp;
    private final Runnable tick = this::tick;
    private long lastPublishNanos;
    /** The interval in force: {@link #publishIntervalNanos}, or longer after a slow table update. */
    private long currentIntervalNanos;
    /** True from a table update until the next pulse, which tells how long the update's frame took. */
    private boolean timingUpdate;
    private boolean drainedLastPulse;
    private AnimationTimer timer;
    /** FX thread: between {@link #start()} and {@link #stop()}. */
    private boolean started;
    /** FX thread: whether the timer runs now. */
    private boolean timerRunning;
    /** The thread that posts ticks while ticking is on; a thread that finds itself replaced ends. */
    private volatile Thread ticker;
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
        this.currentIntervalNanos = publishIntervalNanos;
    }

    /**
     * Any thread; never blocks. Events arriving after {@link #dispose()} are dropped. The first event that finds the
     * pump asleep posts its wake-up.
     */
    @Override
    public void emit(NetEvent event) {
        if (disposed) {
            return;
        }
        queue.offer(event);
        if (asleep.get() && asleep.compareAndSet(true, false) && wakeUpPosted.compareAndSet(false, true)) {
            wakeUps.incrementAndGet();
            Platform.runLater(wakeUp);
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
                    timerPulse(now);
                }
            };
        }
        started = true;
        asleep.set(false);
        startTimer();
    }

    /** Stops draining; queued events stay queued, what the sink holds is shown. */
    public void stop() {
        started = false;
        asleep.set(false);
        stopTimer();
        if (sink.show()) {
            rowsShown();
        }
    }

    /** Stops for good, drops queued events and forgets all listeners. */
    public void dispose() {
        disposed = true;
        setTicking(false);
        stop();
        listeners.clear();
        shownListeners.clear();
        queue.clear();
    }

    /**
     * While on, a sleeping pump runs its pulse listeners every {@link #TICK_INTERVAL} (with an empty batch) through
     * the FX thread's queue rather than a pulse, so a tick that changes nothing on screen renders nothing. For what
     * the engine does not report as events while a socket is open: bytes of an incomplete frame, kernel drops, rates
     * that fall to zero. FX thread.
     */
    public void setTicking(boolean on) {
        Thread current = ticker;
        if (on && current == null && !disposed) {
            Thread thread = Thread.ofVirtual().name("ui-pump-ticker").unstarted(this::tickLoop);
            ticker = thread;
            thread.start();
        } else if (!on && current != null) {
            ticker = null;
            LockSupport.unpark(current);
        }
    }

    /** Whether {@link #setTicking ticking} is on. */
    public boolean isTicking() {
        return ticker != null;
    }

    private void tickLoop() {
        long interval = TICK_INTERVAL.toNanos();
        Thread self = Thread.currentThread();
        while (ticker == self && !disposed) {
            LockSupport.parkNanos(interval);
            if (ticker == self && !disposed && asleep.get() && tickPosted.compareAndSet(false, true)) {
                Platform.runLater(tick);
            }
        }
    }

    private void tick() {
        tickPosted.set(false);
        if (started && !timerRunning && !disposed) {
            timingUpdate = false;
            pulse(System.nanoTime());
            sleepIfIdle();
        }
    }

    private void wakeUp() {
        wakeUpPosted.set(false);
        if (started && !disposed) {
            startTimer();
        }
    }

    private void startTimer() {
        if (!timerRunning) {
            timerRunning = true;
            timer.start();
        }
    }

    private void stopTimer() {
        if (timerRunning) {
            timerRunning = false;
            timer.stop();
        }
    }

    /**
     * After a pulse (FX thread): with nothing queued and nothing held, stops the timer and marks the pump asleep, then
     * looks at the queue once more, so an event that came in between is drained now rather than lost to a wake-up
     * nobody posted. Otherwise keeps (or gets) the timer running.
     */
    private void sleepIfIdle() {
        if (isIdle()) {
            // The next pulse may be long after: it would time the sleep, not the update.
            timingUpdate = false;
        }
        if (!started || disposed) {
            return;
        }
        if (!isIdle()) {
            asleep.set(false);
            startTimer();
            return;
        }
        stopTimer();
        asleep.set(true);
        if (!queue.isEmpty() && asleep.compareAndSet(true, false)) {
            startTimer();
        }
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

    /** What the pulse timer does each pulse: a {@link #pulse}, then sleeps if that left nothing to do. */
    void timerPulse(long nowNanos) {
        pulse(nowNanos);
        sleepIfIdle();
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
        if (timingUpdate) {
            timingUpdate = false;
            long updateFrame = nowNanos - lastPublishNanos;
            currentIntervalNanos = updateFrame > SLOW_UPDATE.toNanos()
                    ? Math.clamp(SLOW_UPDATE_BACKOFF * updateFrame, publishIntervalNanos, Math.max(publishIntervalNanos,
                            MAX_PUBLISH_INTERVAL.toNanos()))
                    : publishIntervalNanos;
        }
        boolean flooding = drainedLastPulse && drained && nowNanos - lastPublishNanos < currentIntervalNanos;
        drainedLastPulse = drained;
        if ((publishNow || !flooding) && sink.show()) {
            lastPublishNanos = nowNanos;
            timingUpdate = !publishNow;
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

    /** How many wake-ups engine threads have posted so far: one per idle-to-busy change, not one per event. */
    long wakeUps() {
        return wakeUps.get();
    }

    /** How long a flood's rows wait for the table now: the publish interval, or longer after a slow update. */
    Duration currentPublishInterval() {
        return Duration.ofNanos(currentIntervalNanos);
    }

    /** Whether the pump asks JavaFX for pulses now (its timer runs); false once it went to sleep (FX thread). */
    public boolean isPulsing() {
        return timerRunning;
    }
}
