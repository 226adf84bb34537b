package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * The periodic send and send file panels fit the small window (1024x640) in every socket tab, with a message at
 * every field and the status line showing: nothing cut, squeezed or pushed out (see {@link LayoutProblems}). With
 * {@code -Dlayout.snapshots=DIR} each is also written as a PNG into DIR.
 */
@Timeout(90)
class SendToolsFitTest {
    private final List<String> problems = new ArrayList<>();
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void bothPanelsFitTheSmallWindowInEverySocketTab() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", 1024);
        preferences.child("window").putDouble("height", 640);
        driver = new AppDriver(preferences).launch();

        for (String tab : List.of("tcpServer", "tcpClient", "udp")) {
            driver.selectTab(tab);
            if (tab.equals("udp")) {
                // Bound, as WindowFitTest has it: the unbound target bar's longer note is not these panels' business.
                driver.setText("#udp #port", "0");
                driver.click("#udp #startStop");
                driver.waitUntil(() -> driver.text("#udp #listeningAddress").startsWith("Bound to"));
            }
            open(tab, "repeatSendToggle", "repeatStart");
            driver.setText("#" + tab + " #repeatInterval", "x");
            driver.setText("#" + tab + " #repeatTimes", "0");
            fxRun(() -> driver.<Button>node("#" + tab + " #repeatStart").fire());
            check(tab + "-repeat");

            open(tab, "sendFileToggle", "sendFileStart");
            driver.setText("#" + tab + " #sendFilePath", "/no/such/file/anywhere.bin");
            driver.setText("#" + tab + " #sendFileRateLimit", "-1");
            if (tab.equals("udp")) {
                driver.setText("#" + tab + " #sendFileDatagramSize", "0");
            }
            fxRun(() -> driver.<Button>node("#" + tab + " #sendFileStart").fire());
            check(tab + "-file");
        }
        assertTrue(problems.isEmpty(), problems.size() + " layout problems:\n" + String.join("\n", problems));
    }

    @Test
    void bothPanelsSpeakChineseWithNothingCutShort() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.put(AppLanguage.KEY, "zh-CN");
        try {
            driver = new AppDriver(preferences).launch();
            List<String> english = new ArrayList<>();
            List<String> clipped = new ArrayList<>();
            for (String tab : List.of("tcpServer", "tcpClient", "udp")) {
                driver.selectTab(tab);
                for (String[] panel : new String[][]{{"repeatSendToggle", "repeatStart", "repeatSend"},
                        {"sendFileToggle", "sendFileStart", "sendFile"}}) {
                    open(tab, panel[0], panel[1]);
                    // A refused start shows the status line and the field messages too.
                    driver.setText("#" + tab + " #" + (panel[2].equals("repeatSend") ? "repeatInterval"
                            : "sendFileRateLimit"), "x");
                    fxRun(() -> driver.<Button>node("#" + tab + " #" + panel[1]).fire());
                    WaitForAsyncUtils.waitForFxEvents();
                    fxRun(() -> {
                        Node root = driver.node("#" + tab + " #" + panel[2]);
                        english.addAll(new VisibleTexts().node(root).englishWords());
                        english.addAll(new VisibleTexts().node(driver.node("#" + tab + " #" + panel[0]))
                                .englishWords());
                        clipped.addAll(VisibleTexts.clipped(root));
                    });
                }
            }
            assertTrue(english.isEmpty(), "English words left in the Chinese panels: " + english);
            assertTrue(clipped.isEmpty(), "Chinese labels cut short: " + clipped);
        } finally {
            com.socketworkbench.engine.text.Texts.use(java.util.Locale.ENGLISH);
        }
    }

    /** Opens a panel and waits for its content, which joins the scene with its scroll pane's skin. */
    private void open(String tab, String toggle, String start) {
        fxRun(() -> driver.<ToggleButton>node("#" + tab + " #" + toggle).setSelected(true));
        driver.waitUntil(() -> driver.robot().lookup("#" + tab + " #" + start).tryQuery().map(Node::isVisible)
                .orElse(false));
    }

    private void check(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> driver.stage().getScene().getRoot().layout());
        for (String problem : fx(() -> LayoutProblems.of(driver.stage().getScene()))) {
            problems.add(name + ": " + problem);
        }
        String dir = System.getProperty("layout.snapshots");
        if (dir != null) {
            Screenshots.writeTo(driver.stage().getScene(), Path.of(dir, name + ".png"));
        }
    }
}
