package com.socketworkbench.app;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Tab key walks each tab from its settings through its traffic to its send editor and back to the tab headers:
 * every stop is a control, none is skipped that matters (the start button, the filter, Clear, the editor, Send), and
 * a text area does not keep the focus for good.
 */
@Timeout(120)
class FocusOrderTest {
    /** Per tab kind, ids the walk must reach in this order (others may come between them). */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "tcpServer", List.of("bindAddress", "port", "startStop", "timelineFilter", "clearTimeline", "input"),
            "tcpClient", List.of("host", "port", "connect", "timelineFilter", "clearTimeline", "input"),
            "udp", List.of("bindAddress", "port", "startStop", "timelineFilter", "clearTimeline", "targetHost",
                    "input", "send"),
            "http", List.of("host", "port", "request", "send"));
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void theTabKeyWalksEachTabTopToBottomAndBackToTheHeaders() {
        for (Map.Entry<String, List<String>> tab : EXPECTED.entrySet()) {
            driver.selectTab(tab.getKey());
            fxRun(() -> driver.node("#tabs").requestFocus());
            List<Node> stops = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                driver.robot().press(KeyCode.TAB).release(KeyCode.TAB);
                WaitForAsyncUtils.waitForFxEvents();
                Node owner = fx(() -> driver.stage().getScene().getFocusOwner());
                if (owner instanceof TabPane) {
                    break;
                }
                stops.add(owner);
            }
            List<String> ids = stops.stream().map(Node::getId).toList();
            assertTrue(fx(() -> driver.stage().getScene().getFocusOwner() instanceof TabPane),
                    tab.getKey() + ": the walk comes back to the tab headers: " + ids);
            for (Node stop : stops) {
                assertTrue(stop instanceof Control, tab.getKey() + ": a stop that is no control: " + stop);
            }
            int at = -1;
            for (String expected : tab.getValue()) {
                int found = ids.subList(at + 1, ids.size()).indexOf(expected);
                assertTrue(found >= 0, tab.getKey() + ": #" + expected + " is reached after the ones before it: "
                        + ids);
                at += found + 1;
            }
            assertEquals(ids.size(), ids.stream().distinct().count(), tab.getKey() + ": no stop twice: " + ids);
        }
    }
}
