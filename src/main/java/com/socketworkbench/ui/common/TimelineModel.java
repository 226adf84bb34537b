package com.socketworkbench.ui.common;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The rows a timeline shows, capped so a flood cannot exhaust memory or slow the table down. Each batch arrives with
 * exactly one {@code remove(0, n)} (when over the cap) and one {@code addAll}, so bound views see two list changes
 * per pulse however many events arrived. How many rows were dropped is kept in {@link #trimmedProperty()}.
 *
 * <p>Pure list logic (no scene needed); FX thread only once the list is bound to a control.
 */
public final class TimelineModel {
    public static final int DEFAULT_CAP = 50_000;

    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper trimmed = new ReadOnlyLongWrapper(this, "trimmed");
    private final int cap;

    public TimelineModel() {
        this(DEFAULT_CAP);
    }

    public TimelineModel(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, was " + cap);
        }
        this.cap = cap;
    }

    /** Appends a batch in arrival order; when the batch alone exceeds the cap only its newest rows are kept. */
    public void append(List<TimelineRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<TimelineRow> kept = batch.size() > cap ? batch.subList(batch.size() - cap, batch.size()) : batch;
        long droppedFromBatch = batch.size() - kept.size();
        int overflow = rows.size() + kept.size() - cap;
        if (overflow > 0) {
            rows.remove(0, overflow);
        }
        rows.addAll(kept);
        long dropped = droppedFromBatch + Math.max(overflow, 0);
        if (dropped > 0) {
            trimmed.set(trimmed.get() + dropped);
        }
    }

    /** Empties the timeline (the user's "Clear"); the trimmed count starts over too. */
    public void clear() {
        rows.clear();
        trimmed.set(0);
    }

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
}
