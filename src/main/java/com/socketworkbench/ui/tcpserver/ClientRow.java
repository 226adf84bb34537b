package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.tcp.ConnectionInfo;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;

import java.time.Instant;

/**
 * One connected client in the server's list. Identity is the engine's connection id; the byte counters are updated
 * in place on the UI tick so the table keeps its selection while numbers change.
 */
public final class ClientRow {
    private final long id;
    private final String remote;
    private final Instant since;
    private final LongProperty bytesIn = new SimpleLongProperty(this, "bytesIn");
    private final LongProperty bytesOut = new SimpleLongProperty(this, "bytesOut");
    private final LongProperty pendingBytes = new SimpleLongProperty(this, "pendingBytes");

    public ClientRow(ConnectionInfo info) {
        this.id = info.id();
        this.remote = Endpoints.describe(info.remote());
        this.since = info.since();
        update(info);
    }

    void update(ConnectionInfo info) {
        bytesIn.set(info.bytesIn());
        bytesOut.set(info.bytesOut());
        pendingBytes.set(info.pendingBytes());
    }

    public long id() {
        return id;
    }

    public String remote() {
        return remote;
    }

    public Instant since() {
        return since;
    }

    public ReadOnlyLongProperty bytesInProperty() {
        return bytesIn;
    }

    public ReadOnlyLongProperty bytesOutProperty() {
        return bytesOut;
    }

    /** Bytes received that do not form a complete frame yet (the framer holds them until the rest arrives). */
    public ReadOnlyLongProperty pendingBytesProperty() {
        return pendingBytes;
    }

    @Override
    public String toString() {
        return remote;
    }
}
