package com.socketworkbench.ui.tab;

import com.socketworkbench.engine.http.UpgradedConnection;

import java.util.Optional;

/**
 * Where the HTTP tab hands a connection that its server switched to WebSocket (a 101 to an upgrade request): the
 * window opens a WebSocket tab that continues the session on it. Tabs never reach each other; this goes through the
 * window.
 */
@FunctionalInterface
public interface WebSocketHandoff {
    /** Closes the connection: for a tab made outside a window, where no other tab can take it. */
    WebSocketHandoff NONE = connection -> {
        connection.close();
        return Optional.empty();
    };

    /**
     * Continues {@code connection} in a new WebSocket tab, which owns it from then on.
     *
     * @return the new tab's title; empty when no tab could take it (the connection is closed then)
     */
    Optional<String> continueInNewTab(UpgradedConnection connection);
}
