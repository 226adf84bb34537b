package com.socketworkbench.ui.scenario;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/**
 * The Scenario tab ({@code #scenario}): a scenario file's YAML in an editor, Run/Stop, the steps turning passed or
 * failed as it runs, and its traffic in the tab's timeline. See docs/scenarios.md.
 */
public final class ScenarioTab extends ModelViewTab<ScenarioModel, ScenarioView> {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.scenario.scenario");

    public ScenarioTab(TabContext context) {
        super(context, kindTitle(), "scenario", ScenarioModel::new, ScenarioView::new);
    }

    /** The tab's header text in the language in use. */
    public static String kindTitle() {
        return TEXT.get("tab.title");
    }

    /** A run holds connections: closing the tab asks first, since closing stops it. */
    @Override
    public boolean isLive() {
        return model().isRunning();
    }

    public ScenarioView scenarioView() {
        return content();
    }
}
