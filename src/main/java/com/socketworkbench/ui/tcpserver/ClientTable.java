package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.tls.TlsSessionDetails;
import com.socketworkbench.engine.tcp.ConnectionInfo;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 *
 * <p>A row's bytes in and out are counted from the data events the tab's pump drains, exactly as the status bar
 * counts them ({@link com.socketworkbench.ui.fx.TrafficCounters}): the bytes of the rows, so with framing the
 * delimiters or length prefixes count in neither and an incomplete frame counts in both once its row appears.
 * The engine's own socket-level counts would differ from the status bar by exactly those bytes.
 */
final class ClientTable {
    /** How often the rows are re-read from the engine when no connect or close forces it sooner. */
    private static final long REFRESH_NANOS = 250_000_000L;

    private final ObservableList<ClientRow> rows = FXCollections.observableArrayList();
    private final Map<Long, ClientRow> rowsById = new HashMap<>();
    /** Bytes in and out per open connection, from its data events; an entry goes with its connection's close. */
    private final Map<Long, long[]> counted = new HashMap<>();
    /** The TLS session per open connection, from its TlsEstablished (often before its row exists). */
    private final Map<Long, TlsSessionDetails> sessions = new HashMap<>();
    private final ObjectProperty<ClientRow> selected = new SimpleObjectProperty<>(this, "selectedClient");
    private final ReadOnlyIntegerWrapper left = new ReadOnlyIntegerWrapper(this, "clientsLeft");
    private long lastRefresh;

    /** True when the rows were last read at least {@value #REFRESH_NANOS} ns before {@code nowNanos}. */
    boolean refreshDue(long nowNanos) {
        return nowNanos - lastRefresh >= REFRESH_NANOS;
    }

    /**
     * Counts the bytes of the data events in {@code batch} per connection (the pump's whole batch, as the status
     * bar counts it), and the connections that closed. The rows show the counts at their next refresh.
     */
    void count(List<NetEvent> batch) {
        int closed = 0;
        for (NetEvent event : batch) {
            if (event instanceof DataEvent data && !data.incomplete()) { // a provisional view: its frame counts later
                long[] bytes = counted.computeIfAbsent(event.connectionId(), id -> new long[2]);
                bytes[data.incoming() ? 0 : 1] += data.data().length;
            } else if (event instanceof TlsEstablished established) {
                sessions.put(established.connectionId(), established.details());
                ClientRow row = rowsById.get(established.connectionId());
                if (row != null) {
                    row.setTls(established.details());
                }
            } else if (event instanceof ConnectionClosed) {
                counted.remove(event.connectionId());
                sessions.remove(event.connectionId());
                closed++;
            }
        }
        if (closed > 0) {
            left.set(left.get() + closed);
        }
    }

    /** Forgets the counts and the clients that left (a new start). */
    void reset() {
        counted.clear();
        sessions.clear();
        left.set(0);
    }

    /** Mirrors {@code connections}, read at {@code nowNanos}; rates are measured over about a second. */
    void refresh(List<ConnectionInfo> connections, long nowNanos) {
        lastRefresh = nowNanos;
        mirror(connections, nowNanos);
    }

    /** Mirrors {@code connections}: new rows for new connections, counters updated, closed ones removed. */
    void refresh(List<ConnectionInfo> connections) {
        mirror(connections, System.nanoTime());
    }

    private void mirror(List<ConnectionInfo> connections, long nowNanos) {
        Set<Long> alive = new HashSet<>();
        List<ClientRow> arrived = new ArrayList<>();
        for (ConnectionInfo info : connections) {
            alive.add(info.id());
            long[] bytes = counted.getOrDefault(info.id(), NONE);
            ClientRow row = rowsById.get(info.id());
            if (row == null) {
                row = new ClientRow(info, nowNanos);
                row.setTls(sessions.get(info.id()));
                rowsById.put(info.id(), row);
                arrived.add(row);
            }
            row.update(info, bytes[0], bytes[1], nowNanos);
        }
        if (rowsById.size() > alive.size()) {
            rowsById.keySet().retainAll(alive);
            rows.removeIf(row -> !alive.contains(row.id()));
        }
        // One list change for a burst of connections, however many arrived.
        rows.addAll(arrived);
    }

    private static final long[] NONE = new long[2];

    ObservableList<ClientRow> rows() {
        return rows;
    }

    ObjectProperty<ClientRow> selectedProperty() {
        return selected;
    }

    /** How many clients have closed their connections since the server started. */
    ReadOnlyIntegerProperty leftProperty() {
        return left.getReadOnlyProperty();
    }
}
