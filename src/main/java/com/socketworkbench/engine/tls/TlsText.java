package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.text.Texts;

/** The TLS bundle. */
final class TlsText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tls.tls");

    private TlsText() {
    }
}
