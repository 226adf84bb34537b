package com.socketworkbench.engine.http;

import java.net.Socket;
import java.util.Optional;

/**
 * The sockets of one {@link HttpExchanger}, shared by it and its running exchange under one lock: the active socket
 * (which a cancel closes), the kept-alive connection for the next request, and whether a cancel or close happened.
 */
final class ConnectionSlot {
    private final Object lock = new Object();
    private HttpConnection kept;
    private Socket active;
    private boolean cancelRequested;
    private boolean closed;

    /** A new exchange begins: an earlier cancel no longer applies. */
    void begin() {
        synchronized (lock) {
            cancelRequested = false;
        }
    }

    /** Registers the socket a cancel must close; false when a cancel already happened. */
    boolean setActive(Socket socket) {
        synchronized (lock) {
            active = socket;
            return !cancelRequested;
        }
    }

    void clearActive() {
        synchronized (lock) {
            active = null;
        }
    }

    boolean cancelRequested() {
        synchronized (lock) {
            return cancelRequested;
        }
    }

    /** Marks the exchange cancelled and closes its active socket, which wakes a blocked connect, write or read. */
    void cancel() {
        Socket socket;
        synchronized (lock) {
            cancelRequested = true;
            socket = active;
        }
        if (socket != null) {
            HttpConnection.closeQuietly(socket);
        }
    }

    /** Keeps {@code connection} for the next request, unless cancelled, closed or one is kept already. */
    void keep(HttpConnection connection) {
        synchronized (lock) {
            active = null;
            if (!closed && !cancelRequested && kept == null) {
                kept = connection;
                return;
            }
        }
        connection.closeQuietly();
    }

    /** The kept connection when it suits this request (closed otherwise), or null. */
    HttpConnection takeKept(HttpTarget target, RequestOptions options) {
        HttpConnection connection;
        synchronized (lock) {
            connection = kept;
            kept = null;
        }
        if (connection == null) {
            return null;
        }
        if (options.keepAlive() && connection.target().equals(target) && connection.insecure() == options.insecureTls()
                && !connection.socket().isClosed()) {
            return connection;
        }
        connection.closeQuietly();
        return null;
    }

    Optional<HttpTarget> keptTarget() {
        synchronized (lock) {
            return kept == null ? Optional.empty() : Optional.of(kept.target());
        }
    }

    void closeKept() {
        HttpConnection connection;
        synchronized (lock) {
            connection = kept;
            kept = null;
        }
        if (connection != null) {
            connection.closeQuietly();
        }
    }

    /** No connection is kept from now on. */
    void close() {
        synchronized (lock) {
            closed = true;
        }
    }
}
