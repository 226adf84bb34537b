package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.text.Texts;

/** The TLS panels' and the handshake row's words. */
final class TlsTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tls.tls");

    private TlsTexts() {
    }
}
