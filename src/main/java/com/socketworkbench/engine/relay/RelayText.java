package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.text.Texts;

/** The relay's words (bundle {@code relay}). */
final class RelayText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.relay.relay");

    private RelayText() {
    }

    /** "client → server" or "server → client". */
    static String direction(RelayDirection direction) {
        return TEXT.get(direction == RelayDirection.CLIENT_TO_SERVER ? "direction.c2s" : "direction.s2c");
    }

    /** "the client" or "the server". */
    static String side(RelaySide side) {
        return TEXT.get(side == RelaySide.CLIENT ? "side.client" : "side.server");
    }
}
