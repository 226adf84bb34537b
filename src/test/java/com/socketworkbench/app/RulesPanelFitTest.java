package com.socketworkbench.app;

import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules panel of each socket tab fits the small window (1024x640) with a rule in its table and the editor open,
 * showing a message under its pattern (see {@link LayoutProblems}, as {@link WindowFitTest} checks the other panels).
 * With {@code -Dlayout.snapshots=DIR} each is also written as a PNG.
 */
@Timeout(120)
class RulesPanelFitTest {
    private final List<String> problems = new ArrayList<>();
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void theRulesPanelWithItsEditorOpenFitsTheSmallWindow() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", 1024);
        preferences.child("window").putDouble("height", 640);
        driver = new AppDriver(preferences).launch();
        for (String tab : List.of("tcpServer", "tcpClient", "udp")) {
            driver.selectTab(tab);
            if (tab.equals("udp")) {
                // Bound, as WindowFitTest has it: the target bar's words for an unbound socket are longer.
                driver.setText("#udp #port", "0");
                driver.click("#udp #startStop");
                driver.waitUntil(() -> driver.text("#udp #listeningAddress").startsWith("Bound to"));
            }
            fxRun(() -> driver.<ToggleButton>node("#" + tab + " #rulesToggle").setSelected(true));
            driver.waitUntil(() -> driver.robot().lookup("#" + tab + " #rulePresets").tryQuery()
                    .map(Node::isVisible).orElse(false));
            fxRun(() -> driver.<MenuButton>node("#" + tab + " #rulePresets").getItems().getFirst().fire());
            driver.click("#" + tab + " #addRule");
            fxRun(() -> driver.<ComboBox<MatchKind>>node("#" + tab + " #ruleKind").setValue(MatchKind.HEX));
            driver.setText("#" + tab + " #rulePattern", "01 ?");
            driver.waitUntil(() -> !driver.text("#" + tab + " #rulePatternMessage").isEmpty());
            check(tab + "-rules");
        }
        assertTrue(problems.isEmpty(), problems.size() + " layout problems at 1024x640:\n"
                + String.join("\n", problems));
    }

    @Test
    void theRulesPanelSpeaksChineseWithNothingCutShort() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.put(AppLanguage.KEY, "zh-CN");
        try {
            driver = new AppDriver(preferences).launch();
            List<String> english = new ArrayList<>();
            List<String> clipped = new ArrayList<>();
            for (String tab : List.of("tcpServer", "tcpClient", "udp")) {
                driver.selectTab(tab);
                fxRun(() -> driver.<ToggleButton>node("#" + tab + " #rulesToggle").setSelected(true));
                driver.waitUntil(() -> driver.robot().lookup("#" + tab + " #rulePresets").tryQuery()
                        .map(Node::isVisible).orElse(false));
                fxRun(() -> driver.<MenuButton>node("#" + tab + " #rulePresets").getItems()
                        .forEach(javafx.scene.control.MenuItem::fire));
                driver.click("#" + tab + " #addRule");
                fxRun(() -> driver.<ComboBox<MatchKind>>node("#" + tab + " #ruleKind").setValue(MatchKind.HEX));
                driver.setText("#" + tab + " #rulePattern", "01 ?");
                driver.waitUntil(() -> !driver.text("#" + tab + " #rulePatternMessage").isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
                fxRun(() -> {
                    Node rules = driver.node("#" + tab + " #rules");
                    english.addAll(new VisibleTexts().node(rules).englishWords());
                    english.addAll(new VisibleTexts().node(driver.node("#" + tab + " #rulesToggle")).englishWords());
                    // Table cells hold the user's own text, which a narrow column cuts short like any table's
                    // (their tooltips show it whole); every label, button and header must show whole.
                    clipped.addAll(VisibleTexts.clipped(rules).stream()
                            .filter(cut -> !cut.startsWith("#rule") || !cut.contains("Column:")
                                    && !cut.startsWith("#ruleMatch:") && !cut.startsWith("#ruleHits:"))
                            .toList());
                });
            }
            assertTrue(english.isEmpty(), "English words left in the Chinese rules panel: " + english);
            assertTrue(clipped.isEmpty(), "Chinese labels cut short: " + clipped);
        } finally {
            com.socketworkbench.engine.text.Texts.use(java.util.Locale.ENGLISH);
        }
    }

    private void check(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> driver.stage().getScene().getRoot().layout());
        for (String problem : fx(() -> LayoutProblems.of(driver.stage().getScene()))) {
            problems.add(name + ": " + problem);
        }
        String dir = System.getProperty("layout.snapshots");
        if (dir != null) {
            Screenshots.writeTo(driver.stage().getScene(), Path.of(dir, name + "-1024x640.png"));
        }
    }
}
