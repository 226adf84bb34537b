package com.socketworkbench.ui.input;

import com.socketworkbench.engine.text.Texts;

/** The words of the shared input fields (bundle {@code input}, English and Chinese). */
final class InputTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.input.input");

    private InputTexts() {
    }
}
