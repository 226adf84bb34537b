package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.socketworkbench.engine.scenario.LoopbackPeer;
import com.socketworkbench.ui.scenario.ScenarioTab;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

/**
 * The Scenario tab stays usable in the small window (1024x640) after a run with a repeat and a failure that shows
 * its reason and bytes: nothing cut with an ellipsis, squeezed or pushed out (see {@link LayoutProblems}), as
 * {@link WindowFitTest} checks the tabs of a new workspace.
 */
@Timeout(120)
class ScenarioTabFitTest {
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aRunWithAFailureFitsTheSmallWindow() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", 1024);
        preferences.child("window").putDouble("height", 640);
        driver = new AppDriver(preferences).launch();
        try (LoopbackPeer peer = LoopbackPeer.lines(line -> line.startsWith("READ") ? "TEMP 21.5\r\n" : "BUSY\r\n")) {
            fxRun(() -> driver.app().strip().openNew(TabKinds.SCENARIO));
            driver.selectTab("scenario");
            driver.setText("#scenarioEditor", """
                    name: sensor check
                    connections:
                      dev: { tcp: "127.0.0.1:%d", within: 300ms }
                    steps:
                      - repeat:
                          times: 5
                          steps:
                            - send:   { to: dev, text: "READ temperature and humidity of the second sensor\\r\\n" }
                            - expect: { from: dev, regex: "TEMP ([0-9.]+)\\r\\n" }
                      - send:   { to: dev, text: "STATUS\\r\\n" }
                      - expect: { from: dev, contains: "READY" }
                    """.formatted(peer.port()));
            driver.click("#scenarioRun");
            ScenarioTab tab = fx(() -> driver.app().tabs().stream().filter(ScenarioTab.class::isInstance)
                    .map(ScenarioTab.class::cast).findFirst().orElseThrow());
            driver.waitUntil(() -> !tab.model().isRunning()
                    && tab.model().summaryProperty().get().startsWith("Failed at step 5"));
            WaitForAsyncUtils.waitForFxEvents();
            fxRun(() -> driver.stage().getScene().getRoot().layout());
            List<String> problems = fx(() -> LayoutProblems.of(driver.stage().getScene()));
            assertEquals(List.of(), problems);
        }
    }
}
