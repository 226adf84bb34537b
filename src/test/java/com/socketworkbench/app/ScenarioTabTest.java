package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.scenario.LoopbackPeer;
import com.socketworkbench.engine.scenario.StepStatus;
import com.socketworkbench.ui.scenario.ScenarioFileChooser;
import com.socketworkbench.ui.scenario.ScenarioModel;
import com.socketworkbench.ui.scenario.ScenarioTab;
import com.socketworkbench.ui.scenario.StepRow;
import com.socketworkbench.ui.tab.AppPreferences;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Scenario tab in the real window, opened from the New Tab menu: a file opened through the window's scripted
 * dialogs runs against a loopback JDK peer and every step turns passed; a failing expect shows what arrived instead;
 * an invalid text shows its line and column; Save writes the file and the workspace keeps the text.
 */
@Timeout(120)
class ScenarioTabTest {
    @TempDir
    Path dir;

    private final AppDriver driver = new AppDriver();
    private ScenarioTab tab;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        int before = fx(() -> driver.app().tabs().size());
        tab = driver.openNewTab("scenario", ScenarioTab.class);
        assertEquals(before + 1, fx(() -> driver.app().tabs().size()));
        ScriptedDialogs dialogs = driver.dialogs();
        fxRun(() -> tab.scenarioView().setFileChooser(new ScenarioFileChooser() {
            @Override
            public Optional<Path> chooseOpen(Node owner, Path folder) {
                return dialogs.chooseOpen(folder);
            }

            @Override
            public Optional<Path> chooseSave(Node owner, Path folder, String fileName) {
                return dialogs.chooseSave(folder, fileName);
            }
        }));
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void theExampleOpensAndRunsAgainstALoopbackPeerAndEveryStepPasses() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.lines(line -> line.equals("HELLO\r\n") ? "OK 42\r\n" : "ERR\r\n")) {
            Path file = dir.resolve("greet.yaml");
            Files.writeString(file, Files.readString(Path.of("resources", "scenarios", "greet-and-answer.yaml"))
                    .replace("5020", Integer.toString(peer.port())));
            driver.dialogs().chooseFile(file);
            driver.click("#scenarioOpen");
            driver.waitUntil(() -> driver.text("#scenarioEditor").contains("greet and answer"));
            assertEquals("greet.yaml", driver.text("#scenarioFile"));

            driver.click("#scenarioRun");
            ScenarioModel model = tab.model();
            driver.waitUntil(() -> !model.isRunning() && !steps().isEmpty());
            assertEquals(List.of(StepStatus.PASSED, StepStatus.PASSED, StepStatus.PASSED, StepStatus.PASSED),
                    fx(() -> steps().stream().map(ScenarioTabTest::statusOf).toList()));
            assertTrue(driver.text("#scenarioSummary").startsWith("Passed: 4 steps in"),
                    driver.text("#scenarioSummary"));
            assertEquals("Run", driver.text("#scenarioRun"));
            driver.waitForRow("#scenario #timeline", row -> row.event() instanceof BytesReceived received
                    && new String(received.data(), StandardCharsets.US_ASCII).equals("OK 42\r\n"));
        }
    }

    @Test
    void aFailingExpectShowsWhatArrivedInsteadAsTextAndHex() throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.silent("BUSY\r\n".getBytes(StandardCharsets.US_ASCII))) {
            driver.setText("#scenarioEditor", """
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - send: { to: dev, text: "HELLO\\r\\n" }
                      - expect: { from: dev, regex: "^OK", within: 300ms }
                      - close: dev
                    """.formatted(peer.port()));
            driver.click("#scenarioRun");
            driver.waitUntil(() -> !tab.model().isRunning() && steps().size() == 3
                    && statusOf(steps().get(1)) == StepStatus.FAILED);

            assertEquals(StepStatus.PASSED, fx(() -> statusOf(steps().get(0))));
            assertEquals(StepStatus.SKIPPED, fx(() -> statusOf(steps().get(2))));
            List<String> shown = fx(() -> driver.robot().lookup("#scenarioSteps .step-failed .label").queryAll()
                    .stream().filter(Node::isVisible).map(node -> ((Label) node).getText()).toList());
            String failure = shown.stream().filter(text -> text.startsWith("\"^OK\" did not arrive within"))
                    .findFirst().orElseThrow(() -> new AssertionError(shown.toString()));
            assertTrue(failure.contains("\"BUSY\\r\\n\" [42 55 53 59 0d 0a]"), failure);
            assertTrue(shown.stream().noneMatch(text -> text.startsWith("Received instead:")),
                    "what arrived is quoted once, in the failure: " + shown);
            String summary = driver.text("#scenarioSummary");
            assertTrue(summary.startsWith("Failed at step 2 after"), summary);
            fxRun(() -> driver.stage().getScene().getRoot().layout());
            assertEquals(List.of(), fx(() -> LayoutProblems.of(driver.stage().getScene())),
                    "the failure and its bytes fit the window, nothing cut");
        }
    }

    @Test
    void anInvalidScenarioShowsItsLineAndColumnAndPutsTheCaretThere() {
        String text = """
                connections:
                  dev: { tcp: "127.0.0.1:5020" }
                steps:
                  - expect: { from: dve, contains: "OK" }
                """;
        driver.setText("#scenarioEditor", text);
        driver.click("#scenarioRun");

        assertEquals("untitled.yaml:4:21: Unknown connection \"dve\"; declared: dev", driver.text("#scenarioError"));
        assertTrue(fx(() -> driver.node("#scenarioError").isVisible()));
        assertEquals(text.indexOf("dve"), fx(() -> driver.<TextArea>node("#scenarioEditor").getCaretPosition()));
        assertFalse(tab.model().isRunning());
        driver.setText("#scenarioEditor", text.replace("dve", "dev"));
        assertFalse(fx(() -> driver.node("#scenarioError").isVisible()), "an edit clears the stale error");
    }

    @Test
    void saveWritesTheFileAndTheWorkspaceKeepsTheTextAndFile() throws Exception {
        String text = """
                connections:
                  dev: { tcp: "127.0.0.1:5020" }
                steps:
                  - wait: 1ms
                """;
        driver.setText("#scenarioEditor", text);
        Path file = dir.resolve("saved.yaml");
        driver.dialogs().chooseFile(file);
        driver.click("#scenarioSave");
        driver.waitUntil(() -> Files.exists(file) && driver.text("#scenarioFile").equals("saved.yaml"));
        assertEquals(text, Files.readString(file));

        driver.close();
        AppPreferences kept = AppDriver.savedTabSettings(driver.preferences(), "scenario");
        assertEquals(text, kept.get("text", ""));
        assertEquals(file.toString(), kept.get("file", ""));
    }

    @SuppressWarnings("unchecked")
    private List<StepRow> steps() {
        return List.copyOf(((ListView<StepRow>) driver.node("#scenarioSteps")).getItems());
    }

    private static StepStatus statusOf(StepRow row) {
        return row.status();
    }
}
