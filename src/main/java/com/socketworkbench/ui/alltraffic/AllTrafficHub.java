package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One window's merged view of every socket tab's events, as one {@code select()} watches many sockets: each tab's
 * engine sink tees its events into a {@link #tap tap} of this hub, and the hub's {@link #timeline()} holds them in
 * arrival order with the name of the tab they came from ({@link #sourceOf}): the name the tab had at the last drain
 * before the event, so a renamed tab's new events carry the new name from the next drain on.
 *
 * <p>Engine threads never wait here: a tap only counts the event and offers it to a queue bounded in events and in
 * payload bytes; what does not fit is dropped and counted ({@link #droppedProperty()}). The FX thread takes what is
 * queued every pulse of a watched tab's pump ({@link #collect()}: rows held in a {@link TimelineModel} with the same
 * limits as a tab's, so the queue never waits for a slow table update and a flood's work is spread over its pulses)
 * and shows the held rows after each table update of a watched tab and while the All-traffic view is shown
 * ({@link #drain()}), in the frame that is laid out and drawn anyway.
 *
 * <p>The sockets being watched are counted from the events themselves, as they are emitted: a listener or connection
 * opening adds one, its stop or close takes one away ({@link #watchedSocketsProperty()}). Created by the window, one
 * per window, and handed to the tabs in their context. FX thread only, except the taps' {@code emit}.
 */
public final class AllTrafficHub {
    public static final int DEFAULT_QUEUE_CAPACITY = 20_000;
    public static final long DEFAULT_QUEUE_BYTES = 16L * 1024 * 1024;

    private final Queue<Sourced> queue = new ConcurrentLinkedQueue<>();
    /** The taps, weakly: a closed tab's tap (and the tab its name comes from) must not outlive the tab. */
    private final List<WeakReference<Tap>> taps = new ArrayList<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger watched = new AtomicInteger();
    /** All Traffic views open in the window: with none, events are only counted, never queued or shown. */
    private final AtomicInteger viewers = new AtomicInteger();
    private final int queueCapacity;
    private final long queueBytes;
    private final TimelineModel timeline;
    /** The source of the row with sequence s is at s % length: the timeline never holds more rows than its cap. */
    private final String[] sources;
    private final ReadOnlyIntegerWrapper watchedSockets = new ReadOnlyIntegerWrapper(this, "watchedSockets");
    private final ReadOnlyLongWrapper droppedEvents = new ReadOnlyLongWrapper(this, "droppedEvents");
    private long sequence;
    private Instant lastEventTime;

    public AllTrafficHub() {
        this(TimelineModel.DEFAULT_CAP, DEFAULT_QUEUE_CAPACITY, DEFAULT_QUEUE_BYTES);
    }

    public AllTrafficHub(int timelineCap, int queueCapacity, long queueBytes) {
        if (queueCapacity < 1 || queueBytes < 1) {
            throw new IllegalArgumentException("the queue needs room for one event, was " + queueCapacity + " events, "
                    + queueBytes + " bytes");
        }
        this.timeline = new TimelineModel(timelineCap);
        this.sources = new String[timelineCap];
        this.queueCapacity = queueCapacity;
        this.queueBytes = queueBytes;
    }

    /**
     * Tees a socket tab's engine events into this hub under the name {@code name} gives when they are drained (the
     * tab's title, which the user may change); tabs without sockets are left alone. The hub drains after each of the
     * tab's table updates. FX thread.
     */
    public void watch(WorkbenchTab tab, Supplier<String> name) {
        if (tab instanceof ModelViewTab<?, ?> modelView && modelView.model() instanceof SocketTabModel socketTab) {
            socketTab.traffic().teeTo(tap(name));
            socketTab.traffic().pump().onPulse(batch -> collect());
            socketTab.traffic().pump().onRowsShown(this::drain);
        }
    }

    /** A sink for one source's events (any thread, never waits), named by {@code name} when drained. */
    public EventSink tap(Supplier<String> name) {
        Tap tap = new Tap(Objects.requireNonNull(name));
        taps.removeIf(reference -> reference.get() == null);
        taps.add(new WeakReference<>(tap));
        return tap;
    }

    /**
     * A view of the merged timeline opens: from now on events are queued for it. Without one (the tab closed) the taps
     * only count sockets, so a flood costs no queue and no rows on the FX thread for a timeline nobody sees.
     */
    public void open() {
        viewers.incrementAndGet();
    }

    /** The view closed: the taps stop queueing, and what waits is let go. */
    public void close() {
        if (viewers.decrementAndGet() <= 0) {
            viewers.set(0);
            Sourced next;
            while ((next = queue.poll()) != null) {
                queued.decrementAndGet();
                queuedBytes.addAndGet(-next.bytes());
            }
        }
    }

    /** Moves what the taps queued into the timeline, as one change, and updates the counts. FX thread. */
    public void drain() {
        collect();
        timeline.show();
        for (WeakReference<Tap> reference : taps) {
            Tap tap = reference.get();
            if (tap != null) {
                tap.refreshName();
            }
        }
        watchedSockets.set(watched.get());
        droppedEvents.set(dropped.get());
    }

    /** Turns what the taps queued into rows the timeline holds until the next {@link #drain()}. FX thread. */
    public void collect() {
        List<TimelineRow> rows = null;
        Sourced next;
        while ((next = queue.poll()) != null) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-next.bytes());
            if (rows == null) {
                rows = new ArrayList<>();
            }
            rows.add(row(next));
        }
        if (rows != null) {
            timeline.holdRows(rows);
        }
    }

    private TimelineRow row(Sourced sourced) {
        long number = ++sequence;
        sources[(int) (number % sources.length)] = sourced.source();
        return new TimelineRow(number, sourced.event(), deltaNanos(sourced.event().time()));
    }

    private long deltaNanos(Instant time) {
        Instant previous = lastEventTime;
        lastEventTime = time;
        if (previous == null) {
            return -1;
        }
        // Tabs stamp their events on their own threads, so merged events may be a hair out of order.
        long seconds = time.getEpochSecond() - previous.getEpochSecond();
        long nanos = time.getNano() - previous.getNano();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, seconds * 1_000_000_000L + nanos);
    }

    /** The name of the tab {@code row} of {@link #timeline()} came from. */
    public String sourceOf(TimelineRow row) {
        String name = sources[(int) (row.sequence() % sources.length)];
        return name == null ? "" : name;
    }

    /** The merged rows, with a tab's limits. */
    public TimelineModel timeline() {
        return timeline;
    }

    /** Listeners and connections open across all watched tabs, as of the last {@link #drain()}. */
    public ReadOnlyIntegerProperty watchedSocketsProperty() {
        return watchedSockets.getReadOnlyProperty();
    }

    /** Events the queue had no room for, as of the last {@link #drain()}. */
    public ReadOnlyLongProperty droppedProperty() {
        return droppedEvents.getReadOnlyProperty();
    }

    /** Events waiting for the next drain (any thread; tests watch it stay bounded). */
    public int queued() {
        return queued.get();
    }

    /** Payload bytes waiting for the next drain (any thread). */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public long queueByteBudget() {
        return queueBytes;
    }

    /** A queued event with the name its tab had (a name, never the tab: queued events must not keep a tab alive). */
    private record Sourced(String source, NetEvent event, int bytes) {
    }

    private final class Tap implements EventSink {
        private final Supplier<String> name;
        /** The tab's name as of the last drain, for engine threads (the supplier is read on the FX thread only). */
        private volatile String currentName;
        /** This source's open sockets: a close without an open (from before the tee) never takes others' away. */
        private final AtomicInteger open = new AtomicInteger();

        Tap(Supplier<String> name) {
            this.name = name;
            this.currentName = name.get();
        }

        void refreshName() {
            currentName = name.get();
        }

        @Override
        public void emit(NetEvent event) {
            count(event);
            if (viewers.get() == 0) {
                return;
            }
            int bytes = event instanceof DataEvent data ? data.data().length : 0;
            int before;
            do {
                before = queued.get();
                if (before >= queueCapacity) {
                    dropped.incrementAndGet();
                    return;
                }
            } while (!queued.compareAndSet(before, before + 1));
            if (queuedBytes.addAndGet(bytes) > queueBytes && bytes > 0) {
                queuedBytes.addAndGet(-bytes);
                queued.decrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            queue.offer(new Sourced(currentName, event, bytes));
        }

        private void count(NetEvent event) {
            int change = switch (event) {
                case ListenerStarted ignored -> 1;
                case ConnectionAccepted ignored -> 1;
                case ConnectionOpened ignored -> 1;
                case ListenerStopped ignored -> -1;
                case ConnectionClosed ignored -> -1;
                default -> 0;
            };
            if (change == 0) {
                return;
            }
            int before;
            int after;
            do {
                before = open.get();
                after = Math.max(0, before + change);
            } while (!open.compareAndSet(before, after));
            watched.addAndGet(after - before);
        }
    }
}
