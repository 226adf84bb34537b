package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.relay.PairSnapshot;
import com.socketworkbench.ui.traffic.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the pairs table: a client and the upstream connection the relay made for it. The row stays the same
 * object while the pair lives (the selection sticks to it); {@link #update} takes the engine's latest snapshot, read
 * once per UI tick.
 */
public final class PairRow {
    private final long pairId;
    private final ReadOnlyObjectWrapper<PairSnapshot> snapshot;

    PairRow(PairSnapshot first) {
        pairId = first.pairId();
        snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", first);
    }

    /** Takes the newer snapshot; true when something shown changed. */
    boolean update(PairSnapshot now) {
        if (now.equals(snapshot.get())) {
            return false;
        }
        snapshot.set(now);
        return true;
    }

    public long pairId() {
        return pairId;
    }

    public PairSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyObjectProperty<PairSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    String client() {
        return snapshot().client() == null ? "" : Endpoints.describe(snapshot().client());
    }

    String server() {
        return snapshot().server() == null ? "" : Endpoints.describe(snapshot().server());
    }

    /** "1.2 KiB · 3": bytes and chunks client → server. */
    String clientToServer() {
        return RelayTexts.TEXT.get("pairs.counter", Formats.bytes(snapshot().bytesClientToServer()),
                Long.toString(snapshot().chunksClientToServer()));
    }

    /** "1.2 KiB · 3": bytes and chunks server → client. */
    String serverToClient() {
        return RelayTexts.TEXT.get("pairs.counter", Formats.bytes(snapshot().bytesServerToClient()),
                Long.toString(snapshot().chunksServerToClient()));
    }
}
