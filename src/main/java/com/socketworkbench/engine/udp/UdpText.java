package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.text.Texts;

/** The words of the UDP engine's failures, in {@code udp.properties} (English) and its Chinese twin. */
final class UdpText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.udp.udp");

    private UdpText() {
    }
}
