package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.HoldListener;
import com.socketworkbench.engine.relay.HoldOutcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The chunks the relay holds for the user, fed from its {@link HoldListener}. The listener runs on engine threads and
 * only enqueues; {@link #drain()} applies the queue on the FX thread once per pulse, in the order the engine reported
 * (a chunk is never shown after its release). The list is bounded by the engine: it holds at most one chunk per pair
 * and direction at a time, later ones wait behind it inside the relay.
 */
final class HeldChunks implements HoldListener {
    private record Released(long holdId, HoldOutcome outcome) {
    }

    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final ObservableList<HeldChunk> rows = FXCollections.observableArrayList();
    private final ObjectProperty<HeldChunk> selected = new SimpleObjectProperty<>(this, "selected");

    @Override
    public void held(HeldChunk chunk) {
        inbox.add(chunk);
    }

    @Override
    public void released(long holdId, HoldOutcome outcome) {
        inbox.add(new Released(holdId, outcome));
    }

    /** Applies what the engine reported since the last pulse (FX thread); true when the list changed. */
    boolean drain() {
        boolean changed = false;
        Object next;
        while ((next = inbox.poll()) != null) {
            changed = true;
            if (next instanceof HeldChunk chunk) {
                rows.add(chunk);
            } else if (next instanceof Released released) {
                rows.removeIf(row -> row.holdId() == released.holdId());
            }
        }
        return changed;
    }

    /** Forgets every row (the relay was closed: it dropped what it held). */
    void clear() {
        drain();
        rows.clear();
    }

    /** Takes a chunk off the list at once (the user forwarded or dropped it; the engine confirms in the timeline). */
    void remove(long holdId) {
        rows.removeIf(row -> row.holdId() == holdId);
    }

    ObservableList<HeldChunk> rows() {
        return rows;
    }

    /** The chunk selected in the list (bound from the view), which the editor shows. */
    ObjectProperty<HeldChunk> selectedProperty() {
        return selected;
    }
}
