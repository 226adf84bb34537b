package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.text.Texts;

/** The words of the TCP engine's rows and refusals, in {@code tcp.properties} (English) and its Chinese twin. */
final class TcpText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tcp.tcp");

    private TcpText() {
    }
}
