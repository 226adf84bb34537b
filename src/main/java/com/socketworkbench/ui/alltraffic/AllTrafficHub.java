package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.tab.MergedTrafficSource;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One window's merged view of every socket tab's events, as one {@code select()} watches many sockets: the hub takes
 * each watched tab's batches as its pump drains them on the FX thread ({@link Tap#take}), and its {@link #timeline()}
 * holds them in time order with the name of the tab they came from ({@link #sourceOf}): the name the tab had at the
 * last drain before the batch, so a renamed tab's new events carry the new name from the next drain on.
 *
 * <p>Nothing is copied per event while the All-traffic view is not shown: a batch is kept as it is (the tab's own list,
 * which nobody changes after the pulse), bounded like a tab's timeline, at most {@link TimelineModel#cap()} events and
 * its byte budget plus one batch, older batches let go. Rows are made when the view is shown: at once when it opens,
 * then after each table update of a watched tab and on the view's tick ({@link #drain()}), in the frame that is laid
 * out and drawn anyway; batches of several tabs are merged by event time. Before, every event went through a second
 * queue and became a row of a hidden table, a quarter of the FX thread's work under a flood (docs/performance.md).
 *
 * <p>The sockets being watched are counted from the events themselves, as they are emitted: a tab's engine sink tees
 * into its tap ({@link Tap#emit}, any thread, never waits), a listener or connection opening adds one, its stop or
 * close takes one away ({@link #watchedSocketsProperty()}). Created by the window, one per window, and handed to the
 * tabs in their context. FX thread only, except the taps' {@code emit}.
 */
public final class AllTrafficHub {
    /** The taps, weakly: a closed tab's tap (and the tab its name comes from) must not outlive the tab. */
    private final List<WeakReference<Tap>> taps = new ArrayList<>();
    private final AtomicInteger watched = new AtomicInteger();
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();
    private final TimelineModel timeline;
    /** The source of the row with sequence s is at s % length: the timeline never holds more rows than its cap. */
    private final String[] sources;
    private final ReadOnlyIntegerWrapper watchedSockets = new ReadOnlyIntegerWrapper(this, "watchedSockets");
    /** All Traffic views open in the window: with none, events are only counted, never kept or shown. */
    private int viewers;
    private boolean shown;
    private int pendingEvents;
    private long pendingBytes;
    private long batches;
    private long sourcesMade;
    private long sequence;
    private Instant lastEventTime;

    public AllTrafficHub() {
        this(TimelineModel.DEFAULT_CAP);
    }

    public AllTrafficHub(int timelineCap) {
        this.timeline = new TimelineModel(timelineCap);
        this.sources = new String[timelineCap];
    }

    /**
     * Watches a tab with traffic (a {@link MergedTrafficSource}: the socket tabs and the WebSocket tab) under the name
     * {@code name} gives when its batches are taken (the tab's title, which the user may change); other tabs are left
     * alone. The hub drains after each of the tab's table updates. FX thread.
     */
    public void watch(WorkbenchTab tab, Supplier<String> name) {
        if (tab instanceof ModelViewTab<?, ?> modelView && modelView.model() instanceof MergedTrafficSource source) {
            Tap tap = tap(name);
            source.feedMergedTraffic(tap, tap::take, this::drain);
        }
    }

    /** One source's tap: counts its sockets as events are emitted, takes its drained batches. FX thread. */
    public Tap tap(Supplier<String> name) {
        Tap tap = new Tap(Objects.requireNonNull(name));
        taps.removeIf(reference -> reference.get() == null);
        taps.add(new WeakReference<>(tap));
        return tap;
    }

    /**
     * A view of the merged timeline opens: from now on batches are kept for it. Without one (the tab closed) the taps
     * only count sockets, so a flood costs nothing here for a timeline nobody can see.
     */
    public void open() {
        viewers++;
    }

    /** The view closed: batches are no longer kept, and what waits is let go. */
    public void close() {
        viewers = Math.max(0, viewers - 1);
        if (viewers == 0) {
            shown = false;
            pending.clear();
            pendingEvents = 0;
            pendingBytes = 0;
        }
    }

    /** The view entered or left the window: rows are made while it is shown (at once when it comes). */
    public void setShown(boolean shown) {
        this.shown = shown && viewers > 0;
        if (this.shown) {
            drain();
        }
    }

    /** Updates the names and the counts; while the view is shown, turns the kept batches into rows shown as one change. */
    public void drain() {
        for (WeakReference<Tap> reference : taps) {
            Tap tap = reference.get();
            if (tap != null) {
                tap.refreshName();
            }
        }
        watchedSockets.set(watched.get());
        if (shown) {
            catchUp();
        }
    }

    /** The merged rows, with a tab's limits; up to date while the view is shown (see {@link #setShown}). */
    public TimelineModel timeline() {
        return timeline;
    }

    /** Events kept for rows not made yet (tests watch it stay bounded). */
    public int pendingEvents() {
        return pendingEvents;
    }

    /** Payload bytes of those events. */
    public long pendingBytes() {
        return pendingBytes;
    }

    /** The name of the tab {@code row} of {@link #timeline()} came from. */
    public String sourceOf(TimelineRow row) {
        String name = sources[(int) (row.sequence() % sources.length)];
        return name == null ? "" : name;
    }

    /** Listeners and connections open across all watched tabs, as of the last {@link #drain()}. */
    public ReadOnlyIntegerProperty watchedSocketsProperty() {
        return watchedSockets.getReadOnlyProperty();
    }

    private void keep(Tap tap, List<NetEvent> events) {
        if (viewers == 0 || events.isEmpty()) {
            return;
        }
        long bytes = 0;
        for (NetEvent event : events) {
            bytes += event instanceof DataEvent data ? data.data().length : 0;
        }
        pending.add(new Batch(tap.id, tap.currentName, events, bytes, batches++));
        pendingEvents += events.size();
        pendingBytes += bytes;
        // Older batches go once the newer ones alone fill the timeline (its rows or its bytes), as the timeline
        // itself would drop their rows; what remains is trimmed exactly when rows are made.
        while (pending.size() > 1 && (pendingEvents - pending.peek().events().size() >= timeline.cap()
                || pendingBytes - pending.peek().bytes() >= timeline.byteBudget())) {
            Batch oldest = pending.poll();
            pendingEvents -= oldest.events().size();
            pendingBytes -= oldest.bytes();
            sequence += oldest.events().size();
            timeline.countTrimmed(oldest.events().size());
        }
    }

    /** Turns the kept batches into rows, merged by time, and shows them as one change. */
    private void catchUp() {
        if (pending.isEmpty()) {
            timeline.show();
            return;
        }
        int skip = Math.max(0, pendingEvents - timeline.cap());
        List<TimelineRow> rows = new ArrayList<>(pendingEvents - skip);
        for (Merge merge = new Merge(pending); merge.hasNext(); ) {
            Merge.Next next = merge.next();
            if (skip > 0) {
                skip--;
                sequence++;
                timeline.countTrimmed(1);
                lastEventTime = next.event().time();
            } else {
                rows.add(row(next.source(), next.event()));
            }
        }
        pending.clear();
        pendingEvents = 0;
        pendingBytes = 0;
        timeline.holdRows(rows);
        timeline.show();
    }

    private TimelineRow row(String source, NetEvent event) {
        long number = ++sequence;
        sources[(int) (number % sources.length)] = source;
        return new TimelineRow(number, event, deltaNanos(event.time()));
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

    /**
     * A tab's drained batch as the pump made it, with the name the tab had and the order it came in; its source by
     * number, never the tap, whose name supplier holds the tab: a closed tab must not be kept alive by its batches.
     */
    private record Batch(long sourceId, String source, List<NetEvent> events, long bytes, long order) {
    }

    /**
     * Merges the kept batches by event time: each tab's events are in order already (its batches one after another),
     * so the earliest head among the tabs comes next; equal times keep the order the batches came in.
     */
    private static final class Merge {
        record Next(String source, NetEvent event) {
        }

        /** One tab's batches and where its next event is. */
        private static final class Cursor {
            private final ArrayDeque<Batch> batches = new ArrayDeque<>();
            private int index;

            Batch batch() {
                return batches.peek();
            }

            NetEvent head() {
                return batches.peek().events().get(index);
            }

            /** Moves on; false when this tab has no more events. */
            boolean advance() {
                index++;
                while (!batches.isEmpty() && index >= batches.peek().events().size()) {
                    batches.poll();
                    index = 0;
                }
                return !batches.isEmpty();
            }
        }

        private final PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> {
            int byTime = a.head().time().compareTo(b.head().time());
            return byTime != 0 ? byTime : Long.compare(a.batch().order(), b.batch().order());
        });

        Merge(ArrayDeque<Batch> pending) {
            Map<Long, Cursor> cursors = new HashMap<>();
            for (Batch batch : pending) {
                cursors.computeIfAbsent(batch.sourceId(), id -> new Cursor()).batches.add(batch);
            }
            heads.addAll(cursors.values());
        }

        boolean hasNext() {
            return !heads.isEmpty();
        }

        Next next() {
            Cursor cursor = heads.poll();
            Next next = new Next(cursor.batch().source(), cursor.head());
            if (cursor.advance()) {
                heads.add(cursor);
            }
            return next;
        }
    }

    /** One source: counts its sockets from the events as they are emitted, keeps its batches as they are drained. */
    public final class Tap implements EventSink {
        private final long id = ++sourcesMade;
        private final Supplier<String> name;
        /** The tab's name as of the last drain (the supplier is read on the FX thread only). */
        private String currentName;
        /** This source's open sockets: a close without an open (from before the tee) never takes others' away. */
        private final AtomicInteger open = new AtomicInteger();

        private Tap(Supplier<String> name) {
            this.name = name;
            this.currentName = name.get();
        }

        void refreshName() {
            currentName = name.get();
        }

        /** Counts sockets opening and closing; any thread, never waits. */
        @Override
        public void emit(NetEvent event) {
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

        /**
         * Keeps a batch the source's pump drained, in order; the list must not change afterwards (a pump's batch
         * never does). FX thread.
         */
        public void take(List<NetEvent> batch) {
            keep(this, batch);
        }
    }
}
