package com.socketworkbench.app;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.workspace.Settings;
import com.socketworkbench.workspace.TabState;
import com.socketworkbench.workspace.Workspace;
import com.socketworkbench.workspace.WorkspaceFile;
import com.socketworkbench.workspace.WorkspaceJson;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window in Simplified Chinese (the language saved as the user's choice): no English word is left in visible text
 * beyond protocol tokens, key names and the product's name ({@link VisibleTexts}), and no label of the shell is cut
 * short. {@link #theShellSpeaksChinese()} covers the window's own parts (menus, tab headers, the Start/Stop button, the
 * workspace message, the cheat sheet); {@link #everyTabSpeaksChinese()} walks every tab kind's whole view.
 */
@Timeout(120)
class ChineseUiTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        try {
            if (driver != null) {
                fxRun(() -> driver.app().cheatSheet().close());
                driver.close();
            }
        } finally {
            // Texts' language is the whole JVM's: the tests after this one read English.
            Texts.use(Locale.ENGLISH);
        }
    }

    private void launchInChinese() throws Exception {
        preferences.put(AppLanguage.KEY, "zh-CN");
        driver = new AppDriver(preferences).launch();
        assertEquals(Locale.SIMPLIFIED_CHINESE, Texts.locale());
    }

    @Test
    void theShellSpeaksChinese() throws Exception {
        launchInChinese();
        assertEquals("TCP 服务器", fx(() -> driver.<TabPane>node("#tabs").getTabs().getFirst().getText()));
        fxRun(() -> driver.app().strip().openNew(TabKinds.TCP_CLIENT));
        fxRun(() -> driver.app().menus().items().stream().filter(item -> "language-en".equals(item.getId()))
                .findFirst().orElseThrow().fire());
        driver.selectTab("tcpServer");
        fxRun(() -> driver.stage().requestFocus());
        driver.robot().press(KeyCode.F1).release(KeyCode.F1);
        driver.waitUntil(() -> driver.robot().lookup("#cheatSheet").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        VisibleTexts texts = fx(() -> {
            VisibleTexts shell = new VisibleTexts().menus(driver.app().menus().node().getMenus());
            for (Tab tab : driver.<TabPane>node("#tabs").getTabs()) {
                shell.add("Tab " + tab.getId(), tab.getText());
            }
            shell.node(driver.node("#menuRow"));
            // The button's words are the shell's (TabLayout); its tooltip is the tab's, converted with the tab.
            shell.add("Button#startStop", driver.<javafx.scene.control.Labeled>node("#tcpServer #startStop").getText());
            shell.node(driver.node("#cheatSheet"));
            return shell;
        });
        assertTrue(texts.seen().size() > 40, "the walk saw the shell's texts: " + texts.seen());
        assertTrue(texts.seen().stream().anyMatch(seen -> seen.text().contains("下次启动")),
                "the message after a language choice is there: " + texts.seen());
        assertEquals(List.of(), texts.englishWords());

        List<String> clipped = fx(() -> {
            List<String> cut = new ArrayList<>(VisibleTexts.clipped(driver.node("#tabs")
                    .lookup(".tab-header-area")));
            cut.addAll(VisibleTexts.clipped(driver.node("#menuBar")));
            cut.addAll(VisibleTexts.clipped(driver.node("#tcpServer #startStop")));
            cut.addAll(VisibleTexts.clipped(driver.node("#cheatSheet")));
            return cut;
        });
        assertEquals(List.of(), clipped, "Chinese labels of the shell are shown whole");
    }

    @Test
    void defaultTabTitlesSavedInEnglishShowInChineseAndTheUsersOwnStayAsTheyAre() throws Exception {
        Workspace english = new Workspace(List.of(
                new TabState("tcpServer", "TCP Server", Settings.EMPTY),
                new TabState("tcpClient", "TCP Client 2", Settings.EMPTY),
                new TabState("udp", "My UDP probe", Settings.EMPTY)), 0, List.of());
        WorkspaceFile.writeAtomically(new AppHome(AppDriver.homeOf(preferences)).untitledWorkspace(),
                WorkspaceJson.write(english));
        launchInChinese();
        assertEquals(List.of("TCP 服务器", "TCP 客户端 2", "My UDP probe"),
                fx(() -> driver.<TabPane>node("#tabs").getTabs().stream().map(Tab::getText).toList()));
        fxRun(() -> driver.app().session().checkChanges());
        assertFalse(fx(() -> driver.app().session().isDirty()), "showing a name in Chinese is no change to save");
    }

    @Test
    void theCheckFindsEnglishProseButNotCodeQuotesOrProtocolTokens() {
        assertEquals(List.of("Start", "listening"), VisibleTexts.englishWords("开始 Start，listening 监听"));
        assertEquals(List.of(), VisibleTexts.englishWords(
                "close()：发送 FIN；“Connection reset”；`ip address`；{ 0xde, 0xad }；C:\\temp\\new；(de ad be ef)；"
                        + "SO_REUSEADDR、GET、UTF-8、127.0.0.1"));
    }

    @Test
    void everyTabSpeaksChinese() throws Exception {
        launchInChinese();
        // Traffic too: a listener, a client that connects, sends a line and leaves, so the timeline's wording (opened,
        // received, closed by the peer), the clients table and the status bar are walked in use, not only idle.
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").matches(".*:\\d+$"));
        String address = driver.text("#tcpServer #listeningAddress");
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        try (java.net.Socket peer = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            peer.getOutputStream().write("hello\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof com.socketworkbench.engine.event.BytesReceived);
        }
        driver.waitForRow("#tcpServer #timeline",
                row -> row.event() instanceof com.socketworkbench.engine.event.ConnectionClosed);
        List<String> english = new ArrayList<>();
        List<String> clipped = new ArrayList<>();
        for (TabKind kind : TabKinds.all()) {
            if (!TabKinds.newWorkspace().contains(kind)) {
                fxRun(() -> driver.app().strip().openNew(kind));
            }
            driver.selectTab(kind.id());
            // The panels a tab opens on demand too: socket options and details, the messages library.
            for (String toggle : List.of("#socketPanelToggle", "#messagesToggle")) {
                if (driver.robot().lookup("#" + kind.id() + " " + toggle).tryQuery().isPresent()) {
                    driver.click("#" + kind.id() + " " + toggle);
                }
            }
            WaitForAsyncUtils.waitForFxEvents();
            fxRun(() -> {
                Node view = driver.node("#" + kind.id());
                english.addAll(new VisibleTexts().node(view).englishWords());
                clipped.addAll(VisibleTexts.clipped(view));
            });
        }
        fxRun(() -> {
            english.addAll(new VisibleTexts().menus(driver.app().menus().node().getMenus())
                    .node(driver.node("#statusBar")).englishWords());
            clipped.addAll(VisibleTexts.clipped(driver.node("#statusBar")));
        });
        assertEquals(List.of(), english, "English words left in the Chinese window");
        assertEquals(List.of(), clipped, "Chinese labels cut short");
    }
}
