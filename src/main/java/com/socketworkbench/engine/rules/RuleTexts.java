package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.text.Texts;

/** The rules engine's bundle. */
final class RuleTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.rules.rules");

    private RuleTexts() {
    }
}
