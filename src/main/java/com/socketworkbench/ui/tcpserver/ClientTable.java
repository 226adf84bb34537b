package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.tcp.ConnectionInfo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TCP server's client table: one {@link ClientRow} per open connection, mirrored from the engine's connection
 * list, and the client selected in it. A row keeps its identity while its counters change in place, so the table
 * keeps its selection; a burst of arrivals is one list change. FX thread only.
 */
final class ClientTable {
    /** How often the rows are re-read from the engine when no connect or close forces it sooner. */
    private static final long REFRESH_NANOS = 250_000_000L;

    private final ObservableList<ClientRow> rows = FXCollections.observableArrayList();
    private final Map<Long, ClientRow> rowsById = new HashMap<>();
    private final ObjectProperty<ClientRow> selected = new SimpleObjectProperty<>(this, "selectedClient");
    private long lastRefresh;

    /** True when the rows were last read at least {@value #REFRESH_NANOS} ns before {@code nowNanos}. */
    boolean refreshDue(long nowNanos) {
        return nowNanos - lastRefresh >= REFRESH_NANOS;
    }

    /** Mirrors {@code connections}, read at {@code nowNanos}. */
    void refresh(List<ConnectionInfo> connections, long nowNanos) {
        lastRefresh = nowNanos;
        refresh(connections);
    }

    /** Mirrors {@code connections}: new rows for new connections, counters updated, closed ones removed. */
    void refresh(List<ConnectionInfo> connections) {
        Set<Long> alive = new HashSet<>();
        List<ClientRow> arrived = new ArrayList<>();
        for (ConnectionInfo info : connections) {
            alive.add(info.id());
            ClientRow row = rowsById.get(info.id());
            if (row == null) {
                row = new ClientRow(info);
                rowsById.put(info.id(), row);
                arrived.add(row);
            } else {
                row.update(info);
            }
        }
        if (rowsById.size() > alive.size()) {
            rowsById.keySet().retainAll(alive);
            rows.removeIf(row -> !alive.contains(row.id()));
        }
        // One list change for a burst of connections, however many arrived.
        rows.addAll(arrived);
    }

    ObservableList<ClientRow> rows() {
        return rows;
    }

    ObjectProperty<ClientRow> selectedProperty() {
        return selected;
    }
}
