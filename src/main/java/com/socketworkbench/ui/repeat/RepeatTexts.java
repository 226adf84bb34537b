package com.socketworkbench.ui.repeat;

import com.socketworkbench.engine.text.Texts;

/** The periodic send panel's bundle. */
final class RepeatTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.repeat.repeat");

    private RepeatTexts() {
    }
}
