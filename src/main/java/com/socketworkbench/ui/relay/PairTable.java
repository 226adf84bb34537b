package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.PairSnapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Relay tab's pairs table: a row per pair the relay lists, updated in place from the engine's snapshots (so the
 * selection stays on its pair), at most {@link #MAX_ROWS}, and after a stop the last counters, every row shown closed,
 * until the next start. FX thread.
 */
final class PairTable {
    /** The most pairs the table lists; the relay may hold more (1,000 concurrent pairs is a goal). */
    static final int MAX_ROWS = 5_000;

    private final ObservableList<PairRow> rows = FXCollections.observableArrayList();
    private final Map<Long, PairRow> rowsById = new HashMap<>();
    private final ObjectProperty<PairRow> selected = new SimpleObjectProperty<>(this, "selectedPair");
    /** Counts the updates that changed a row in place (the list itself does not tell). */
    private final ReadOnlyLongWrapper updated = new ReadOnlyLongWrapper(this, "pairsUpdated");

    ObservableList<PairRow> rows() {
        return rows;
    }

    ObjectProperty<PairRow> selectedProperty() {
        return selected;
    }

    ReadOnlyLongProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    long openCount() {
        return rows.stream().filter(row -> row.snapshot().open()).count();
    }

    /** A new start: no rows. */
    void clear() {
        rows.clear();
        rowsById.clear();
    }

    /** Updates the rows in place (the selection stays on its pair), adds new pairs and removes gone ones. */
    void refresh(List<PairSnapshot> snapshots) {
        boolean changed = false;
        Set<Long> seen = new HashSet<>();
        for (PairSnapshot snapshot : snapshots) {
            seen.add(snapshot.pairId());
            PairRow row = rowsById.get(snapshot.pairId());
            if (row != null) {
                changed |= row.update(snapshot);
            } else if (rows.size() < MAX_ROWS) {
                row = new PairRow(snapshot);
                rowsById.put(snapshot.pairId(), row);
                rows.add(row);
            }
        }
        if (rowsById.size() > seen.size() || !seen.containsAll(rowsById.keySet())) {
            rowsById.keySet().retainAll(seen);
            rows.removeIf(row -> !seen.contains(row.pairId()));
        }
        if (changed) {
            updated.set(updated.get() + 1);
        }
    }

    /**
     * The last look at the pairs of a relay that stopped: rows keep their last counters; a row the relay no longer
     * lists (it keeps the last 256 closed pairs) is shown closed with the counters it had.
     */
    void stopped(List<PairSnapshot> snapshots) {
        Map<Long, PairSnapshot> last = new HashMap<>();
        snapshots.forEach(snapshot -> last.put(snapshot.pairId(), snapshot));
        boolean changed = false;
        for (PairRow row : rows) {
            PairSnapshot now = last.get(row.pairId());
            if (now == null || now.open()) {
                PairSnapshot had = now == null ? row.snapshot() : now;
                now = new PairSnapshot(had.pairId(), had.client(), had.server(),
                        RelayTexts.TEXT.get("pairs.state.closed"), had.bytesClientToServer(),
                        had.bytesServerToClient(), had.chunksClientToServer(), had.chunksServerToClient(), false);
            }
            changed |= row.update(now);
        }
        if (changed) {
            updated.set(updated.get() + 1);
        }
    }
}
