package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.text.Texts;

/** The TCP server tab's words, shared by its view and its toolkit-free model parts. */
final class ServerTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tcpserver.tcpserver");

    private ServerTexts() {
    }
}
