package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.scenario.LoopbackPeer;
import com.socketworkbench.ui.scenario.ScenarioTab;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;

/**
 * Writes {@code scenario.png}: the Scenario tab after a real run against a loopback peer that answers a login and
 * a loop of reads, then goes quiet, so the picture shows passed steps, a repeat's iterations and a failure with what
 * arrived instead. Run with {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(120)
class ScenarioScreenshotsTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        Screenshots.sizeWindow(driver.stage());
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void scenario() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.lines(line -> {
            if (line.startsWith("LOGIN")) {
                return "OK session=7f3a\r\n";
            }
            if (line.startsWith("READ")) {
                return "TEMP 21.5\r\n";
            }
            return "BUSY\r\n";
        })) {
            fxRun(() -> driver.app().strip().openNew(TabKinds.SCENARIO));
            driver.selectTab("scenario");
            driver.setText("#scenarioEditor", """
                    name: sensor check
                    vars: { user: alice }
                    connections:
                      dev: { tcp: "127.0.0.1:%d", within: 500ms }
                    steps:
                      - send:   { to: dev, text: "LOGIN ${user}\\r\\n" }
                      - expect: { from: dev, regex: "OK session=(\\\\w+)", save: { session: 1 } }
                      - repeat:
                          times: 20
                          steps:
                            - send:   { to: dev, text: "READ ${session}\\r\\n" }
                            - expect: { from: dev, regex: "TEMP ([0-9.]+)" }
                      - send:   { to: dev, text: "STATUS\\r\\n" }
                      - expect: { from: dev, contains: "READY" }
                      - close:  dev
                    """.formatted(peer.port()));
            driver.click("#scenarioRun");
            ScenarioTab tab = fx(() -> driver.app().tabs().stream().filter(ScenarioTab.class::isInstance)
                    .map(ScenarioTab.class::cast).findFirst().orElseThrow());
            driver.waitUntil(() -> !tab.model().isRunning() && !tab.model().summaryProperty().get().isEmpty()
                    && tab.model().summaryProperty().get().startsWith("Failed"));
            // The rows of the last pulse, the timeline's last rows and a frame drawn with them.
            driver.waitUntil(() -> tab.model().traffic().pump().isIdle());
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(Files.size(Screenshots.write(driver.stage().getScene(), "scenario.png")) > 10_000);
        }
    }
}
