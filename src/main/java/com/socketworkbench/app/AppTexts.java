package com.socketworkbench.app;

import com.socketworkbench.engine.text.Texts;

/** The words of the window shell (bundle {@code app}, English and Chinese). */
final class AppTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.app.app");

    private AppTexts() {
    }
}
