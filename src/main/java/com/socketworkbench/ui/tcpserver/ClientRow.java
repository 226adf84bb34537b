package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.tcp.ConnectionInfo;
import com.socketworkbench.engine.tls.TlsSessionDetails;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;

import java.time.Instant;

/**
 * One connected client in the server's list. Identity is the engine's connection id; the byte counters and rates
 * are updated in place on the UI tick so the table keeps its selection while numbers change.
 */
public final class ClientRow {
    /** Rates are measured over windows of at least this long, so one burst does not read as a huge rate. */
    static final long RATE_WINDOW_NANOS = 1_000_000_000L;

    private final long id;
    private final String remote;
    private final Instant since;
    private final LongProperty bytesIn = new SimpleLongProperty(this, "bytesIn");
    private final LongProperty bytesOut = new SimpleLongProperty(this, "bytesOut");
    private final LongProperty rateIn = new SimpleLongProperty(this, "rateIn");
    private final LongProperty rateOut = new SimpleLongProperty(this, "rateOut");
    private final LongProperty pendingBytes = new SimpleLongProperty(this, "pendingBytes");
    private final ObjectProperty<TlsSessionDetails> tls = new SimpleObjectProperty<>(this, "tls");
    private long sampleNanos;
    private long sampleIn;
    private long sampleOut;

    ClientRow(ConnectionInfo info, long nowNanos) {
        this.id = info.id();
        this.remote = Endpoints.describe(info.remote());
        this.since = info.since();
        this.sampleNanos = nowNanos;
        pendingBytes.set(info.pendingBytes());
    }

    /**
     * Takes the counts of the connection's rows ({@code in}, {@code out}) and its pending bytes; once a rate
     * window has passed since the last sample, the rates become the bytes per second over that window.
     */
    void update(ConnectionInfo info, long in, long out, long nowNanos) {
        bytesIn.set(in);
        bytesOut.set(out);
        pendingBytes.set(info.pendingBytes());
        long elapsed = nowNanos - sampleNanos;
        if (elapsed >= RATE_WINDOW_NANOS) {
            rateIn.set(perSecond(in - sampleIn, elapsed));
            rateOut.set(perSecond(out - sampleOut, elapsed));
            sampleNanos = nowNanos;
            sampleIn = in;
            sampleOut = out;
        }
    }

    private static long perSecond(long bytes, long nanos) {
        return Math.round(bytes * 1e9 / nanos);
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

    /** Bytes of this client's received rows, counted like the status bar. */
    public ReadOnlyLongProperty bytesInProperty() {
        return bytesIn;
    }

    /** Bytes of the rows sent to this client, counted like the status bar. */
    public ReadOnlyLongProperty bytesOutProperty() {
        return bytesOut;
    }

    /** Bytes per second received over the last rate window. */
    public ReadOnlyLongProperty rateInProperty() {
        return rateIn;
    }

    /** Bytes per second sent over the last rate window. */
    public ReadOnlyLongProperty rateOutProperty() {
        return rateOut;
    }

    /** Bytes received that do not form a complete frame yet (the framer holds them until the rest arrives). */
    public ReadOnlyLongProperty pendingBytesProperty() {
        return pendingBytes;
    }

    /** The client's TLS session once its handshake is done; null for plain TCP (and until then). */
    public ReadOnlyObjectProperty<TlsSessionDetails> tlsProperty() {
        return tls;
    }

    void setTls(TlsSessionDetails details) {
        tls.set(details);
    }

    @Override
    public String toString() {
        return remote;
    }
}
