package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.text.Texts;

import java.util.Locale;

/** The words of the UDP tab, in {@code udp.properties} (English) and its Chinese twin. */
final class UdpText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.udp.udp");

    private UdpText() {
    }

    /** "1,234": a count the way the tab writes them. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
