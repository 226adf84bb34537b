package com.socketworkbench.engine.scenario;

import com.socketworkbench.engine.text.Texts;

/** The scenario engine's words (parse errors, step descriptions, failure reasons) in the user's language. */
final class ScenarioTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.scenario.scenario");

    private ScenarioTexts() {
    }
}
