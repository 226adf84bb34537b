package com.socketworkbench.app;

import com.socketworkbench.ui.theme.Theme;
import com.socketworkbench.ui.theme.ThemeController;
import com.socketworkbench.ui.theme.ThemeStyles;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.websocket.WebSocketModel;
import com.socketworkbench.ui.websocket.WebSocketTab;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.engine.websocket.Opcode;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window shell: the View menu (language, reset settings), File → Quit, the window's shortcuts and their cheat
 * sheet, and messages that neither move nor cover controls.
 */
@Timeout(120)
class ShellTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private AppDriver driver;
    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        try {
            if (driver != null) {
                fxRun(() -> driver.app().cheatSheet().close());
                driver.close();
            }
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }

    @Test
    void theLanguageChoiceIsSavedInTheUsersPreferencesAndAppliesAtTheNextStart() throws Exception {
        driver = new AppDriver(preferences).launch();
        assertTrue(fx(() -> radio("language-system").isSelected()), "a first start follows the system");

        fire("language-zh-CN");
        assertEquals("zh-CN", preferences.get(AppLanguage.KEY, ""));
        assertTrue(driver.text("#workspaceMessage").contains("next start"), driver.text("#workspaceMessage"));
        assertTrue(driver.text("#workspaceMessage").contains("简体中文"), driver.text("#workspaceMessage"));
        assertTrue(fx(() -> menuItem("languageNote").isDisable()), "the menu says when a choice applies");

        fire("language-system");
        assertEquals(AppLanguage.SYSTEM, preferences.get(AppLanguage.KEY, ""));
    }

    @Test
    void resetSettingsAsksFirstThenEmptiesTheUsersNodeSaysWhatAndLeavesWorkspaceFilesAlone() throws Exception {
        Path workspace = dir.resolve("kept.json");
        driver = new AppDriver(preferences).launch("--workspace=" + workspace);
        // Chosen after the start, or this window would speak Chinese.
        fire("language-zh-CN");
        assertTrue(fx(() -> radio("language-zh-CN").isSelected()));
        fxRun(() -> driver.app().session().save());
        assertTrue(Files.exists(workspace));
        assertEquals(1, fx(() -> driver.app().session().recent().paths().size()));
        List<Path> homeBefore = files(driver.home());

        driver.dialogs().answerReset(false);
        fire("resetSettings");
        assertEquals("zh-CN", preferences.get(AppLanguage.KEY, ""), "Cancel resets nothing");

        driver.dialogs().answerReset(true);
        fire("resetSettings");
        assertFalse(hasAnyKey(preferences.node()), "every key of the user's node is gone");
        assertEquals(0, fx(() -> driver.app().session().recent().paths().size()), "Open Recent is empty");
        assertTrue(fx(() -> radio("language-system").isSelected()), "the language menu follows the system again");
        String message = driver.text("#workspaceMessage");
        assertTrue(message.contains("language") && message.contains("recent workspaces"), message);
        assertTrue(message.contains("Workspace files were not touched"), message);
        assertTrue(Files.exists(workspace), "the workspace file stays");
        assertEquals(homeBefore, files(driver.home()), "the data folder is not touched");
        assertEquals(List.of("reset settings in " + preferences.node().absolutePath(),
                "reset settings in " + preferences.node().absolutePath()), driver.dialogs().asked());
    }

    @Test
    void quitAsksAboutUnsavedChangesAsClosingTheWindowDoes() throws Exception {
        driver = new AppDriver(preferences).launch("--workspace=" + dir.resolve("quit.json"));
        assertEquals(Shortcut.QUIT.combination(), fx(() -> menuItem("quit").getAccelerator()));
        fxRun(() -> driver.app().strip().openNew(TabKinds.UDP));
        fxRun(() -> driver.app().session().checkChanges());

        driver.dialogs().answerSave(WindowDialogs.UnsavedChoice.CANCEL);
        shortcut(KeyCode.Q);
        assertEquals(List.of("save quit"), driver.dialogs().asked());
        assertTrue(fx(() -> driver.stage().isShowing()), "Cancel keeps the window open");
    }

    @Test
    void windowShortcutsActOnTheSelectedTab() throws Exception {
        driver = new AppDriver(preferences).launch();
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");

        press(KeyCode.F5);
        driver.waitUntil(() -> "Stop".equals(((ButtonBase) driver.node("#tcpServer #startStop")).getText()));
        press(KeyCode.F5);
        driver.waitUntil(() -> "Start".equals(((ButtonBase) driver.node("#tcpServer #startStop")).getText()));

        AtomicInteger cleared = new AtomicInteger();
        fxRun(() -> driver.node("#tcpServer #clearTimeline").addEventHandler(ActionEvent.ACTION,
                event -> cleared.incrementAndGet()));
        shortcut(KeyCode.L);
        assertEquals(1, cleared.get(), "Ctrl+L presses Clear");

        shortcut(KeyCode.F);
        assertEquals("timelineFilter", fx(() -> driver.stage().getScene().getFocusOwner().getId()),
                "Ctrl+F puts the cursor in the filter");

        driver.robot().press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("udpTab", selectedId(), "Alt+3 shows the third tab");
        driver.robot().press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("httpTab", selectedId(), "Ctrl+Tab shows the next tab");
        driver.robot().press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB)
                .release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("udpTab", selectedId(), "Ctrl+Shift+Tab shows the previous one");
        driver.robot().press(KeyCode.ALT, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("udpTab", selectedId(), "Alt+9 without a ninth tab changes nothing");
    }

    @Test
    void windowShortcutsReachTheWebSocketTab() throws Exception {
        driver = new AppDriver(preferences).launch();
        WebSocketTab tab = driver.openNewTab("websocket", WebSocketTab.class);
        try (NettyWsServer server = NettyWsServer.plain()) {
            driver.setText("#websocket #wsUrl", server.url(false));
            press(KeyCode.F5);
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);

            driver.setText("#websocket #wsPayload", "via-ctrl-enter");
            driver.click("#websocket #wsPayload");
            driver.robot().press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            driver.waitUntil(() -> tab.model().rows().stream().anyMatch(row -> row.direction() == Direction.IN
                    && row.opcode() == Opcode.TEXT && row.text().equals("via-ctrl-enter")));
            assertEquals("via-ctrl-enter", driver.text("#websocket #wsPayload"), "Ctrl+Enter sends, adds no line");

            shortcut(KeyCode.L);
            assertTrue(fx(() -> tab.model().rows().isEmpty()), "Ctrl+L clears the WebSocket timeline");

            press(KeyCode.F5);
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.IDLE);
            assertTrue(fx(() -> tab.model().rows().stream().anyMatch(row -> row.direction() == Direction.OUT
                    && row.opcode() == Opcode.CLOSE)), "F5 while connected starts the close handshake");
        }
    }

    @Test
    void f1ShowsTheCheatSheetMadeFromTheListTheKeysAreBoundFrom() throws Exception {
        driver = new AppDriver(preferences).launch();
        press(KeyCode.F1);
        driver.waitUntil(() -> driver.robot().lookup("#cheatSheet").tryQuery().isPresent());
        for (Shortcut shortcut : Shortcut.values()) {
            String name = shortcut.name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(shortcut.keys(), driver.text("#cheatSheet #shortcutKeys-" + name));
            assertEquals(shortcut.description(), driver.text("#cheatSheet #shortcutText-" + name));
        }
        assertEquals("F5", driver.text("#cheatSheet #shortcutKeys-start_stop"));
        assertEquals("Alt+1…9", driver.text("#cheatSheet #shortcutKeys-tab_n"));
        for (MenuItem item : fx(() -> driver.app().menus().items())) {
            if (item.getAccelerator() != null) {
                assertTrue(Stream.of(Shortcut.values()).anyMatch(s -> s.where() == Shortcut.Where.MENU
                        && s.combination().equals(item.getAccelerator())), item.getId() + " is in the list");
            }
        }
        assertEquals(Shortcut.CHEAT_SHEET.combination(), fx(() -> menuItem("keyboardShortcuts").getAccelerator()));
    }

    @Test
    void messagesNeitherMoveNorCoverTheControls() throws Exception {
        driver = new AppDriver(preferences).launch();
        driver.selectTab("tcpServer");
        List<String> watched = List.of("#tabs", "#tcpServer #timelineFilter", "#tcpServer #clearTimeline",
                "#tcpServer #autoScroll", "#tcpServer #port");
        List<Bounds> before = watched.stream().map(this::sceneBounds).toList();

        fxRun(() -> driver.app().banner().showError("Could not open the workspace " + "/a/long/path/".repeat(30)
                + "x.json: line 1, column 1: not valid JSON. The current workspace stays open."));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> driver.node("#workspaceMessageBar").isVisible()));
        assertEquals(before, watched.stream().map(this::sceneBounds).toList(), "the window message moves nothing");
        Bounds banner = sceneBounds("#workspaceMessageBar");
        for (String selector : watched.subList(1, watched.size())) {
            assertFalse(banner.intersects(sceneBounds(selector)), "the window message covers " + selector);
        }

        NotificationPane notifications = driver.node("#tcpServer #notifications");
        fxRun(() -> notifications.show("Could not start: " + "a long reason ".repeat(40)));
        driver.waitUntil(() -> {
            Node bar = notifications.lookup(".notification-bar");
            return notifications.isShowing() && bar != null
                    && bar.getLayoutBounds().getHeight() >= TabNotifier.BAR_HEIGHT - 0.5;
        });
        assertEquals(before, watched.stream().map(this::sceneBounds).toList(), "the tab notification moves nothing");
        Bounds bar = fx(() -> {
            Node node = notifications.lookup(".notification-bar");
            return node.localToScene(node.getLayoutBounds());
        });
        for (String selector : watched.subList(1, watched.size())) {
            Bounds control = sceneBounds(selector);
            assertTrue(bar.getMaxY() <= control.getMinY() + 0.5 || bar.getMinY() >= control.getMaxY() - 0.5,
                    "the tab notification " + bar + " covers " + selector + " " + control);
        }

        AtomicInteger cleared = new AtomicInteger();
        fxRun(() -> driver.node("#tcpServer #clearTimeline").addEventHandler(ActionEvent.ACTION,
                event -> cleared.incrementAndGet()));
        driver.click("#tcpServer #clearTimeline");
        assertEquals(1, cleared.get(), "Clear takes a click while both messages show");
        driver.click("#tcpServer #timelineFilter");
        assertEquals("timelineFilter", fx(() -> driver.stage().getScene().getFocusOwner().getId()));
    }

    // ---- helpers

    private Bounds sceneBounds(String selector) {
        return fx(() -> {
            Node node = driver.node(selector);
            return node.localToScene(node.getLayoutBounds());
        });
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static boolean hasAnyKey(Preferences node) throws BackingStoreException {
        if (node.keys().length > 0) {
            return true;
        }
        for (String child : node.childrenNames()) {
            if (hasAnyKey(node.node(child))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theThemeMenuRestylesTheWindowAtOnceAndTheChoiceIsSavedForTheNextStart() throws Exception {
        driver = new AppDriver(preferences).launch();
        assertTrue(fx(() -> radio("theme-system").isSelected()), "a first start follows the system");

        fire("theme-dark");
        assertTrue(fx(() -> driver.stage().getScene().getStylesheets().contains(ThemeStyles.DARK)),
                "the window is dark at once");
        assertEquals(Theme.DARK.key(), preferences.get(ThemeController.KEY, ""));

        driver.close();
        driver = new AppDriver(preferences).launch();
        assertTrue(fx(() -> radio("theme-dark").isSelected()));
        assertTrue(fx(() -> driver.stage().getScene().getStylesheets().contains(ThemeStyles.DARK)),
                "the next start is dark too");

        fire("theme-light");
        assertFalse(fx(() -> driver.stage().getScene().getStylesheets().contains(ThemeStyles.DARK)));
    }

    private void fire(String id) {
        fxRun(() -> menuItem(id).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private javafx.scene.control.RadioMenuItem radio(String id) {
        return (javafx.scene.control.RadioMenuItem) menuItem(id);
    }

    private MenuItem menuItem(String id) {
        return driver.app().menus().items().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item #" + id));
    }

    private void press(KeyCode key) {
        fxRun(() -> driver.stage().requestFocus());
        driver.robot().press(key).release(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shortcut(KeyCode key) {
        fxRun(() -> driver.stage().requestFocus());
        driver.robot().press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String selectedId() {
        return fx(() -> driver.<TabPane>node("#tabs").getSelectionModel().getSelectedItem().getId());
    }

}
