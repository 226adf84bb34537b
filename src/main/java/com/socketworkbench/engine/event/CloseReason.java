package com.socketworkbench.engine.event;

import com.socketworkbench.engine.text.Texts;

import java.util.Locale;

/** Why a connection ended, with the words the UI shows (bundle {@code event}, key {@code close.<name>}). */
public enum CloseReason {
    PEER_CLOSED,
    LOCAL_CLOSE,
    RESET,
    TIMEOUT,
    LISTENER_STOPPED,
    ERROR;

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.event.event");

    /** The reason in the user's language, e.g. "peer closed the connection (end of stream)". */
    public String description() {
        return TEXT.get("close." + name().toLowerCase(Locale.ROOT));
    }
}
