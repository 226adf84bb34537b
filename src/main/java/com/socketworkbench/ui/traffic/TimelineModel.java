package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.fx.BatchSink;
import com.socketworkbench.ui.fx.RingObservableList;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The rows a timeline shows, and the one owner of its limits: at most {@link #cap()} rows and at most
 * {@link #byteBudget()} payload bytes (50,000 reads of 64 KiB would otherwise pin 3 GiB), so a flood can exhaust
 * neither memory nor the table.
 *
 * <p>Events arrive through {@link #hold} (the tab's {@link com.socketworkbench.ui.fx.EventPump} drains them once per
 * pulse) and become rows at once: numbered, timed against the previous event, their payload size taken once. They
 * wait, within the same limits, until {@link #show()} puts them in the list: one removal of the oldest rows (when over
 * a limit) and one {@code addAll}, fired as one list change, so bound views see one change per table update however
 * many events arrived. Rows dropped before they were ever shown, and rows dropped from the front, are counted in
 * {@link #trimmedProperty()} with that change. The rows sit in a {@link RingObservableList}, so dropping the oldest n
 * rows of a full timeline costs O(n) rather than shifting the whole list once per dropped row.
 *
 * <p>Pure list logic (no scene needed); FX thread only once the list is bound to a control.
 */
public final class TimelineModel implements BatchSink {
    public static final int DEFAULT_CAP = 50_000;
    public static final long DEFAULT_BYTE_BUDGET = 32L * 1024 * 1024;
    /** Provisional rows kept at most (one per connection): a server with many silent clients shows the newest. */
    public static final int MAX_PROVISIONAL = 16;

    private final RingObservableList<TimelineRow> rows;
    private final ReadOnlyLongWrapper trimmed = new ReadOnlyLongWrapper(this, "trimmed");
    private final int cap;
    private final long byteBudget;
    private long retainedBytes;

    private final ArrayDeque<TimelineRow> held = new ArrayDeque<>();
    /**
     * Provisional rows, one per connection at most: the bytes a delimiter framing still holds after the line fell
     * silent. They sit after the newest row (where the completed frame will appear), never in {@link #rows()}, which
     * only grows at the end; the complete frame replaces its connection's row.
     */
    private final ObservableList<TimelineRow> provisional = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> provisionalView = FXCollections.unmodifiableObservableList(provisional);
    private long heldBytes;
    private long heldTrimmed;
    private long sequence;
    private Instant lastEventTime;

    public TimelineModel() {
        this(DEFAULT_CAP);
    }

    public TimelineModel(int cap) {
        this(cap, DEFAULT_BYTE_BUDGET);
    }

    public TimelineModel(int cap, long byteBudget) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, was " + cap);
        }
        if (byteBudget < 1) {
            throw new IllegalArgumentException("byteBudget must be at least 1, was " + byteBudget);
        }
        this.cap = cap;
        this.byteBudget = byteBudget;
        this.rows = new RingObservableList<>(cap);
    }

    /**
     * Turns a pulse's events into rows that wait for {@link #show()}. Of a batch larger than the cap only the newest
     * {@code cap} events become rows at all: the others could never be shown.
     */
    @Override
    public void hold(List<NetEvent> batch) {
        int first = Math.max(0, batch.size() - cap);
        if (first > 0) {
            sequence += first;
            heldTrimmed += first;
            lastEventTime = batch.get(first - 1).time();
        }
        for (int i = first; i < batch.size(); i++) {
            NetEvent event = batch.get(i);
            if (event instanceof DataEvent data && data.incomplete()) {
                showProvisional(new TimelineRow(0, event, -1));
                continue;
            }
            settleProvisional(event);
            holdRow(new TimelineRow(++sequence, event, deltaNanos(event.time())));
        }
    }

    /** The newest pending bytes of a connection replace the ones shown for it before. */
    private void showProvisional(TimelineRow row) {
        int at = provisionalIndex(row.event().connectionId());
        if (at >= 0) {
            provisional.set(at, row);
            return;
        }
        if (provisional.size() >= MAX_PROVISIONAL) {
            provisional.removeFirst();
        }
        provisional.add(row);
    }

    /**
     * A connection's next bytes complete (and replace) its provisional row; when it closes instead, the bytes that
     * never got their delimiter become a row of their own, still marked incomplete, so nothing seen is lost.
     */
    private void settleProvisional(NetEvent event) {
        if (provisional.isEmpty()) {
            return;
        }
        boolean completes = event instanceof DataEvent data && data.incoming();
        boolean closes = event instanceof ConnectionClosed;
        if (!completes && !closes) {
            return;
        }
        int at = provisionalIndex(event.connectionId());
        if (at < 0) {
            return;
        }
        TimelineRow pending = provisional.remove(at);
        if (closes) {
            holdRow(new TimelineRow(++sequence, pending.event(), deltaNanos(pending.event().time())));
        }
    }

    private int provisionalIndex(long connectionId) {
        for (int i = 0; i < provisional.size(); i++) {
            if (provisional.get(i).event().connectionId() == connectionId) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Keeps a row until the next {@link #show()}, within the timeline's limits: rows the list would trim on arrival
     * anyway are dropped now (always keeping the newest, however large), so held rows never pin more than the byte
     * budget however fast the bytes come.
     */
    private void holdRow(TimelineRow row) {
        held.addLast(row);
        heldBytes += row.payloadBytes();
        while (held.size() > cap || (heldBytes > byteBudget && held.size() > 1)) {
            heldBytes -= held.removeFirst().payloadBytes();
            heldTrimmed++;
        }
    }

    /** Appends the held rows in one list change, dropping the oldest rows as the limits require. */
    @Override
    public boolean show() {
        if (held.isEmpty()) {
            return false;
        }
        int rowOverflow = rows.size() + held.size() - cap;
        long bytesAfter = retainedBytes + heldBytes;
        int remove = 0;
        if (rowOverflow >= rows.size()) {
            // The held rows replace every shown one (a flood's update): no need to walk them all.
            remove = rows.size();
            bytesAfter = heldBytes;
        }
        while (remove < rows.size() && (remove < rowOverflow || bytesAfter > byteBudget)) {
            bytesAfter -= rows.get(remove).payloadBytes();
            remove++;
        }
        rows.dropOldestAndAppend(remove, held);
        retainedBytes = bytesAfter;
        long dropped = heldTrimmed + remove;
        held.clear();
        heldBytes = 0;
        heldTrimmed = 0;
        if (dropped > 0) {
            trimmed.set(trimmed.get() + dropped);
        }
        return true;
    }

    @Override
    public boolean isHolding() {
        return !held.isEmpty();
    }

    /**
     * Appends ready-made rows in arrival order, as one list change: like {@link #hold} then {@link #show()}, for
     * callers that number their rows themselves.
     */
    public void append(List<TimelineRow> batch) {
        holdRows(batch);
        show();
    }

    /**
     * Counts {@code events} that left before they became rows (a merged timeline letting go of batches nobody saw):
     * trimmed as of the next {@link #show()}, as if they had been rows.
     */
    public void countTrimmed(long events) {
        heldTrimmed += events;
    }

    /** Keeps ready-made rows (numbered by the caller) until the next {@link #show()}, within the limits. */
    public void holdRows(List<TimelineRow> batch) {
        for (TimelineRow row : batch) {
            holdRow(row);
        }
    }

    private long deltaNanos(Instant time) {
        Instant previous = lastEventTime;
        lastEventTime = time;
        if (previous == null) {
            return -1;
        }
        // Plain arithmetic rather than Duration.between: this runs for every event of a flood. Events from different
        // connections are stamped on different threads and may be a hair out of order.
        long seconds = time.getEpochSecond() - previous.getEpochSecond();
        long nanos = time.getNano() - previous.getNano();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, seconds * 1_000_000_000L + nanos);
    }

    /**
     * Empties the timeline (the user's "Clear"), rows not shown yet included; the trimmed count starts over too.
     * Sequence numbers go on: they count the tab's whole history.
     */
    public void clear() {
        held.clear();
        heldBytes = 0;
        heldTrimmed = 0;
        provisional.clear();
        rows.clear();
        retainedBytes = 0;
        trimmed.set(0);
    }

    /** The rows, oldest first; read-only to everything but this model (views only read and listen). */
    public ObservableList<TimelineRow> rows() {
        return rows;
    }

    /**
     * The provisional rows (pending bytes after a silence, at most one per connection and {@value #MAX_PROVISIONAL}
     * in all), shown after the newest row; read-only to views.
     */
    public ObservableList<TimelineRow> provisionalRows() {
        return provisionalView;
    }

    /** Rows dropped from the front or never shown, so far ("N older events not shown"). */
    public ReadOnlyLongProperty trimmedProperty() {
        return trimmed.getReadOnlyProperty();
    }

    public long trimmed() {
        return trimmed.get();
    }

    public int cap() {
        return cap;
    }

    public long byteBudget() {
        return byteBudget;
    }

    /** Payload bytes held by the rows in the list now. */
    public long retainedBytes() {
        return retainedBytes;
    }
}
