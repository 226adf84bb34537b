package com.socketworkbench.engine.framing;

import com.socketworkbench.engine.text.Texts;

/** The framing package's bundle: mode names, descriptions of a framing and the messages of bad framing input. */
final class FramingTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.framing.framing");

    private FramingTexts() {
    }
}
