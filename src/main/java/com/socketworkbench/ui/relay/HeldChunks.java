package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.HoldListener;
import com.socketworkbench.engine.relay.HoldOutcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * The chunks the relay holds for the user, fed from its {@link HoldListener}. The listener runs on engine threads and
 * only enqueues; {@link #drain()} applies the queue on the FX thread once per pulse, in the order the engine reported
 * (a chunk is never shown after its release). With intercept on every chunk is held, so a pair and direction may have
 * many rows; the engine bounds them ({@code Pipe.MAX_QUEUED_ITEMS} items and 4 MiB counting a per-item overhead, per
 * pair and direction; past that a TCP reader waits and a datagram is dropped with a Notice).
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
        return drain((holdId, outcome) -> { });
    }

    /**
     * Applies what the engine reported since the last pulse (FX thread), telling {@code releases} of each chunk the
     * engine released (by the timeout, a closing pair, or as the user asked), after its row went; true when the list
     * changed.
     */
    boolean drain(BiConsumer<Long, HoldOutcome> releases) {
        boolean changed = false;
        Object next;
        while ((next = inbox.poll()) != null) {
            changed = true;
            if (next instanceof HeldChunk chunk) {
                rows.add(chunk);
            } else if (next instanceof Released released) {
                rows.removeIf(row -> row.holdId() == released.holdId());
                releases.accept(released.holdId(), released.outcome());
            }
        }
        return changed;
    }

    /**
     * The held list's time column: how long the chunk has waited, and with a hold timeout (more than zero) how long
     * it has left before the relay decides for the user ("12 s · 18 s left"). The left time rounds up, so it reads
     * "0 s left" only when the timeout is due.
     */
    static String waited(HeldChunk chunk, Instant now, Duration timeout) {
        Duration age = Duration.between(chunk.heldAt(), now);
        String waited = Long.toString(Math.max(0, age.toSeconds()));
        if (timeout == null || !timeout.isPositive()) {
            return RelayTexts.TEXT.get("held.age", waited);
        }
        long leftMillis = Math.max(0, timeout.minus(age).toMillis());
        return RelayTexts.TEXT.get("held.age.left", waited, Long.toString((leftMillis + 999) / 1000));
    }

    /** Forgets every row (the relay was closed: it dropped what it held). */
    void clear() {
        drain();
        rows.clear();
    }

    /** Takes every row off the list at once (Forward all, Drop all: the engine released them all). */
    void clearRows() {
        rows.clear();
    }

    /** Takes the rows of one direction off the list at once (intercept went off that way: they were forwarded). */
    void removeDirection(com.socketworkbench.engine.relay.RelayDirection direction) {
        rows.removeIf(row -> row.direction() == direction);
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
