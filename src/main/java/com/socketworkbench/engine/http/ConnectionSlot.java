package com.socketworkbench.engine.http;

import java.net.Socket;
import java.util.Objects;
import java.util.Optional;

/**
 * The sockets of one {@link HttpExchanger}, shared by it and its running exchange under one lock: the active socket
 * (which a cancel or the exchange's deadline closes), the kept-alive connection for the next request, and whether the
 * running exchange was stopped (and why) or the exchanger closed.
 */
final class ConnectionSlot {
    private final Object lock = new Object();
    private HttpConnection kept;
    /** A connection a 101 switched to WebSocket, until its new owner takes it; closed if nobody does. */
    private UpgradedConnection upgraded;
    private Socket active;
    private long exchangeId;
    /** Why the running exchange was stopped: {@link ExchangeFailure#CANCELLED} or its deadline; null while not. */
    private String stopMessage;
    private boolean closed;

    /** Exchange {@code id} begins: an earlier cancel or deadline no longer applies. */
    void begin(long id) {
        synchronized (lock) {
            exchangeId = id;
            stopMessage = null;
        }
        closeUpgraded();
    }

    /** Holds {@code connection} for {@link #takeUpgraded()}, unless the exchange was stopped or the slot closed. */
    void keepUpgraded(UpgradedConnection connection) {
        UpgradedConnection previous;
        synchronized (lock) {
            active = null;
            if (closed || stopMessage != null) {
                previous = connection;
            } else {
                previous = upgraded;
                upgraded = connection;
            }
        }
        if (previous != null) {
            previous.close();
        }
    }

    /** The connection the last exchange switched to WebSocket, once; the taker closes it. */
    Optional<UpgradedConnection> takeUpgraded() {
        synchronized (lock) {
            UpgradedConnection taken = upgraded;
            upgraded = null;
            return Optional.ofNullable(taken);
        }
    }

    private void closeUpgraded() {
        takeUpgraded().ifPresent(UpgradedConnection::close);
    }

    /** Registers the socket a cancel must close; false when the exchange was stopped already. */
    boolean setActive(Socket socket) {
        synchronized (lock) {
            active = socket;
            return stopMessage == null;
        }
    }

    void clearActive() {
        synchronized (lock) {
            active = null;
        }
    }

    /** True once the running exchange was cancelled or ran past its deadline. */
    boolean stopRequested() {
        synchronized (lock) {
            return stopMessage != null;
        }
    }

    /** Why the running exchange was stopped ({@link ExchangeFailure#CANCELLED} or its deadline), or null. */
    String stopMessage() {
        synchronized (lock) {
            return stopMessage;
        }
    }

    /** True when the running exchange was stopped by its deadline (not by the user). */
    boolean deadlinePassed() {
        synchronized (lock) {
            return stopMessage != null && !stopMessage.equals(ExchangeFailure.CANCELLED);
        }
    }

    /** Marks the exchange cancelled and closes its active socket, which wakes a blocked connect, write or read. */
    void cancel() {
        stop(ExchangeFailure.CANCELLED, -1);
    }

    /**
     * Exchange {@code id} ran past its deadline: stops it as a cancel does, with {@code message} as the reason. A late
     * call for an exchange that has ended changes nothing.
     */
    void expire(long id, String message) {
        stop(message, id);
    }

    private void stop(String message, long onlyForId) {
        Socket socket;
        synchronized (lock) {
            if (onlyForId >= 0 && onlyForId != exchangeId) {
                return;
            }
            if (stopMessage == null) {
                stopMessage = message;
            }
            socket = active;
        }
        if (socket != null) {
            HttpConnection.closeQuietly(socket);
        }
    }

    /** Keeps {@code connection} for the next request, unless stopped, closed or one is kept already. */
    void keep(HttpConnection connection) {
        synchronized (lock) {
            active = null;
            if (!closed && stopMessage == null && kept == null) {
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
                && Objects.equals(connection.caFile(), HttpConnection.verifyingCaFile(target, options))
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

    /** Bytes that arrived unasked on the kept connection (0 without one). */
    int keptUnreadBytes() {
        synchronized (lock) {
            return kept == null ? 0 : kept.unreadBytes();
        }
    }

    void closeKept() {
        closeUpgraded();
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
        closeUpgraded();
    }
}
