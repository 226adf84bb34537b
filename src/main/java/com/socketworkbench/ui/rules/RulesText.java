package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.text.Texts;

/** The rules panel's bundle. */
final class RulesText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.rules.rules");

    private RulesText() {
    }
}
