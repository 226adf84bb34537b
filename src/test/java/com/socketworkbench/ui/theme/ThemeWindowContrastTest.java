package com.socketworkbench.ui.theme;

import com.socketworkbench.app.AppDriver;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, every tab, both themes: each visible, enabled label and text run has 4.5:1 against the background
 * it is actually drawn on (the nearest painted ancestor), read from the computed styles, Modena's controls included.
 */
@Timeout(120)
class ThemeWindowContrastTest {
    private static final List<String> TABS = List.of("tcpServer", "tcpClient", "udp", "http", "tools");

    private final AppDriver driver = new AppDriver();
    private ThemeController themes;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        // This test walks the whole scene graph on the FX thread, by design, after restyling the whole window: it
        // judges colours, not responsiveness (the app's UI tests keep the watchdog for that), so its watch ends here.
        driver.watchdog().stop();
        themes = fx(() -> new ThemeController(driver.preferences()));
        fxRun(() -> themes.attach(driver.stage().getScene()));
    }

    @AfterEach
    void close() throws Exception {
        if (themes != null) {
            fxRun(themes::dispose);
        }
        driver.close();
    }

    @Test
    void everyTabReadsWellInBothThemes() {
        List<String> failures = new ArrayList<>();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            fxRun(() -> themes.select(theme));
            WaitForAsyncUtils.waitForFxEvents();
            Color windowBackground = ThemeContrastTest.palette(theme).resolve("-sw-bg");
            assertEquals(windowBackground, fx(() -> background(driver.stage().getScene().getRoot())),
                    theme + " is applied before its texts are measured");
            for (String tab : TABS) {
                driver.selectTab(tab);
                WaitForAsyncUtils.waitForFxEvents();
                int[] checked = {0};
                fxRun(() -> check(driver.stage().getScene().getRoot(), theme + " " + tab, failures, checked));
                assertTrue(checked[0] > 20, theme + " " + tab + " checked only " + checked[0] + " texts");
            }
        }
        assertTrue(failures.isEmpty(), "below 4.5:1:\n" + String.join("\n", failures));
    }

    private static void check(Node node, String where, List<String> failures, int[] checked) {
        if (!node.isVisible() || node.isDisabled() || node.getOpacity() < 1.0) {
            return;
        }
        if (node instanceof TextInputControl) {
            return; // typed text and prompts: the fields' own colours, not a label style
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()
                && labeled.getTextFill() instanceof Color text) {
            measure(node, text, labeled.getStyleClass() + " \"" + labeled.getText() + "\"", where, failures, checked);
        } else if (node instanceof Text run && !(run.getParent() instanceof Labeled) && run.getText() != null
                && !run.getText().isBlank() && run.getFill() instanceof Color text) {
            measure(node, text, run.getStyleClass() + " \"" + run.getText() + "\"", where, failures, checked);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                check(child, where, failures, checked);
            }
        }
    }

    private static void measure(Node node, Color text, String what, String where, List<String> failures,
            int[] checked) {
        Color background = background(node);
        if (background == null || text.getOpacity() < 1.0) {
            return;
        }
        checked[0]++;
        double ratio = ContrastCheck.ratio(text, background);
        if (ratio < ContrastCheck.MINIMUM) {
            failures.add("%s %s %s on %s: %.2f:1".formatted(where, what, ContrastCheck.hex(text),
                    ContrastCheck.hex(background), ratio));
        }
    }

    /** The top opaque colour fill of the nearest painted ancestor; null under a gradient (not measured). */
    private static Color background(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof Region region && region.getBackground() != null) {
                List<BackgroundFill> fills = region.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color color) {
                        if (color.getOpacity() == 1.0) {
                            return color;
                        }
                    } else {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
