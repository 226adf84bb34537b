package com.socketworkbench.engine.event;

/** Why a connection ended, with the words the UI shows. */
public enum CloseReason {
    PEER_CLOSED("peer closed the connection (end of stream)"),
    LOCAL_CLOSE("closed locally"),
    RESET("connection reset by peer"),
    TIMEOUT("timed out"),
    LISTENER_STOPPED("server stopped"),
    ERROR("closed after an error");

    private final String description;

    CloseReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
