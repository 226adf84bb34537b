package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.RingObservableList;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The rows a timeline shows, capped so a flood cannot exhaust memory or slow the table down: at most {@link #cap()}
 * rows and at most {@link #byteBudget()} payload bytes (50,000 reads of 64 KiB would otherwise pin 3 GiB). Each
 * batch arrives with exactly one removal of the oldest rows (when over a limit) and one {@code addAll}, fired as one
 * list change, so bound views see one change per batch however many events arrived. How many rows were dropped is kept in
 * {@link #trimmedProperty()}. The rows sit in a {@link RingObservableList}, so dropping the oldest n rows of a full
 * timeline costs O(n) rather than shifting the whole list once per dropped row.
 *
 * <p>Pure list logic (no scene needed); FX thread only once the list is bound to a control.
 */
public final class TimelineModel {
    public static final int DEFAULT_CAP = 50_000;
    public static final long DEFAULT_BYTE_BUDGET = 32L * 1024 * 1024;

    private final RingObservableList<TimelineRow> rows;
    private final ReadOnlyLongWrapper trimmed = new ReadOnlyLongWrapper(this, "trimmed");
    private final int cap;
    private final long byteBudget;
    private long retainedBytes;

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
     * Appends a batch in arrival order. When the batch alone exceeds a limit only its newest rows are kept (always at
     * least one, however large); older rows are dropped from the front as needed.
     */
    public void append(List<TimelineRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int first = Math.max(0, batch.size() - cap);
        long keptBytes = 0;
        for (int i = batch.size() - 1; i >= first; i--) {
            long size = payloadSize(batch.get(i));
            if (keptBytes + size > byteBudget && i < batch.size() - 1) {
                first = i + 1;
                break;
            }
            keptBytes += size;
        }
        List<TimelineRow> kept = first == 0 ? batch : batch.subList(first, batch.size());

        int rowOverflow = rows.size() + kept.size() - cap;
        long bytesAfter = retainedBytes + keptBytes;
        int remove = 0;
        while (remove < rows.size() && (remove < rowOverflow || bytesAfter > byteBudget)) {
            bytesAfter -= payloadSize(rows.get(remove));
            remove++;
        }
        rows.dropOldestAndAppend(remove, kept);
        retainedBytes = bytesAfter;
        long dropped = first + (long) remove;
        if (dropped > 0) {
            trimmed.set(trimmed.get() + dropped);
        }
    }

    /** Counts rows that never reached the timeline because newer ones already filled it (see {@link EventPump}). */
    public void countTrimmed(long rows) {
        trimmed.set(trimmed.get() + rows);
    }

    public static long payloadSize(TimelineRow row) {
        byte[] payload = EventText.payload(row.event());
        return payload == null ? 0 : payload.length;
    }

    /** Empties the timeline (the user's "Clear"); the trimmed count starts over too. */
    public void clear() {
        rows.clear();
        retainedBytes = 0;
        trimmed.set(0);
    }

    /** The rows, oldest first; read-only to everything but this model (views only read and listen). */
    public ObservableList<TimelineRow> rows() {
        return rows;
    }

    /** Rows dropped from the front so far ("N older events not shown"). */
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

    /** Payload bytes held by the rows now. */
    public long retainedBytes() {
        return retainedBytes;
    }
}
