package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.text.Texts;

/** The traffic package's bundle: timeline wording, search, the payload inspector and the data inspector. */
final class TrafficTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.traffic.timeline");

    private TrafficTexts() {
    }
}
