package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.engine.text.Texts;

/** The TCP client tab's words, shared by its view and its toolkit-free model. */
final class ClientTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tcpclient.tcpclient");

    private ClientTexts() {
    }
}
