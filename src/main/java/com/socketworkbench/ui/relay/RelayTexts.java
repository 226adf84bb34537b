package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.text.Texts;

/** The Relay tab's bundle. */
final class RelayTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.relay.relay");

    private RelayTexts() {
    }
}
