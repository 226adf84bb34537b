package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

/** What the Send button sends ({@code #wsOpcode}). */
public enum SendKind {
    TEXT_MESSAGE("send.kind.text"),
    BINARY_MESSAGE("send.kind.binary"),
    PING("send.kind.ping"),
    PONG("send.kind.pong"),
    CLOSE("send.kind.close");

    private final String key;

    SendKind(String key) {
        this.key = key;
    }

    /** The kind saved under {@code name} by this or an older version; null for anything else (a hand-edited file). */
    static SendKind named(String name) {
        for (SendKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return TEXT.get(key);
    }
}
