package com.socketworkbench.app;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.workspace.SavedMessage;
import com.socketworkbench.workspace.Workspace;
import com.socketworkbench.workspace.WorkspaceFile;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace session from the UI: save and reopen in a new app, the unsaved-changes mark in the title, files that
 * cannot be opened (never overwritten), {@code --workspace=PATH}, the recent list and the questions before a named
 * workspace with changes is replaced or the window closes.
 */
@Timeout(120)
class WorkspaceSessionTest {
    private static final List<String> DEFAULT_TABS = List.of("tcpServerTab", "tcpClientTab", "udpTab", "httpTab",
            "allTrafficTab", "toolsTab");
    private static final SavedMessage HELLO = new SavedMessage("hello", "hello\\r\\n", PayloadFormat.TEXT, "UTF-8",
            LineEnding.NONE, "greets the device");

    @TempDir
    Path dir;
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aSavedWorkspaceReopensInANewAppWithTheSameTabsTitlesSettingsAndMessages() throws Exception {
        Path file = dir.resolve("lab.json");
        AppPreferences preferences = InMemoryPreferences.fresh();
        driver = new AppDriver(preferences).launch();
        assertEquals("Untitled \u2014 Socket Workbench", title());
        fxRun(() -> driver.app().strip().openNew(TabKinds.TCP_CLIENT));
        WaitForAsyncUtils.waitForFxEvents();
        driver.setText("#tcpClient #host", "::1");
        driver.setText("#tcpClient #port", "7002");
        fxRun(() -> driver.app().strip().rename(driver.app().strip().tabs().getLast(), "Device B"));
        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #port", "7001");
        fxRun(() -> driver.app().session().messages().messages().add(HELLO));

        driver.dialogs().chooseFile(file);
        shortcut(KeyCode.S);
        assertEquals(List.of("save as workspace.json"), driver.dialogs().asked(), "an untitled workspace asks where");
        assertEquals("lab \u2014 Socket Workbench", title());
        Workspace saved = WorkspaceFile.load(file);
        assertEquals(List.of("TCP Server", "TCP Client", "UDP", "HTTP", "All Traffic", "Tools", "Device B"),
                saved.tabs().stream().map(tab -> tab.title()).toList());
        driver.close();
        driver = null;

        driver = new AppDriver(InMemoryPreferences.fresh()).launch("--workspace=" + file);
        assertEquals("lab \u2014 Socket Workbench", title());
        assertEquals(List.of("tcpServerTab", "tcpClientTab", "udpTab", "httpTab", "allTrafficTab", "toolsTab",
                "tcpClientTab-2"), tabIds());
        assertEquals("Device B", fx(() -> tabs().getLast().getText()));
        assertEquals("tcpClientTab", fx(() -> selected().getId()), "the selected tab is saved too");
        assertEquals("7001", driver.text("#tcpClient #port"));
        fxRun(() -> driver.<TabPane>node("#tabs").getSelectionModel().selectLast());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("::1", driver.text("#tcpClient #host"));
        assertEquals("7002", driver.text("#tcpClient #port"));
        assertEquals(List.of(HELLO), fx(() -> driver.app().session().messages().snapshot()));
        driver.close();
        driver = null;

        driver = new AppDriver(preferences).launch();
        assertEquals("lab \u2014 Socket Workbench", title(), "starting the app reopens the last workspace");
        assertEquals(List.of(file.toAbsolutePath()), fx(() -> driver.app().session().recent().paths()));
        assertEquals(List.of("recentWorkspace-0"), fx(() -> recentItems().stream().map(MenuItem::getId).toList()));
    }

    @Test
    void theTitleIsMarkedWhenTheUserChangesSomethingAndTheMarkClearsOnSave() throws Exception {
        Path file = dir.resolve("bench.json");
        driver = new AppDriver().launch("--workspace=" + file);
        assertEquals("bench \u2014 Socket Workbench", title());
        assertTrue(driver.text("#workspaceMessage").contains("does not exist yet"), driver.text("#workspaceMessage"));

        driver.selectTab("tcpClient");
        driver.robot().clickOn("#tcpClient #port");
        fxRun(() -> driver.<javafx.scene.control.TextField>node("#tcpClient #port").clear());
        driver.robot().write("4242");
        driver.waitUntil(() -> title().equals("bench* \u2014 Socket Workbench"));

        shortcut(KeyCode.S);
        assertEquals(List.of(), driver.dialogs().asked(), "a named workspace saves without asking");
        assertEquals("bench \u2014 Socket Workbench", title());
        assertTrue(Files.readString(file).contains("\"port\": 4242"), Files.readString(file));

        fxRun(() -> driver.app().strip().openNew(TabKinds.UDP));
        driver.waitUntil(() -> title().equals("bench* \u2014 Socket Workbench"));
        fxRun(() -> driver.app().strip().close(driver.app().strip().tabs().getLast()));
        driver.waitUntil(() -> title().equals("bench \u2014 Socket Workbench"));
    }

    @Test
    void filesThatCannotBeOpenedAreNamedExplainedAndNeverOverwritten() throws Exception {
        assertUnopenable("broken.json", "{\"version\": 1, \"tabs\": [\n  {\"kind\": \"udp\",}\n]}\n"
                .getBytes(StandardCharsets.UTF_8), "line 2, column");
        assertUnopenable("future.json", "{\"version\": 2, \"tabs\": []}\n".getBytes(StandardCharsets.UTF_8),
                "this workspace is version 2, written by a newer Socket Workbench");
        assertUnopenable("library.json", "{\"version\": 1, \"messages\": []}\n".getBytes(StandardCharsets.UTF_8),
                "not a Socket Workbench workspace");
        assertUnopenable("latin1.json", "{\"version\": 1, \"tabs\": [], \"x\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1), "not UTF-8 text");
    }

    private void assertUnopenable(String name, byte[] content, String problem) throws Exception {
        Path file = Files.write(dir.resolve(name), content);
        driver = new AppDriver().launch("--workspace=" + file);
        String message = driver.text("#workspaceMessage");
        assertTrue(message.contains(file.toString()) && message.contains(problem), message);
        assertEquals("Untitled \u2014 Socket Workbench", title(), "a blank untitled workspace instead");
        assertEquals(DEFAULT_TABS, tabIds());

        Path elsewhere = dir.resolve("saved-" + name);
        driver.dialogs().chooseFile(elsewhere);
        shortcut(KeyCode.S);
        assertEquals(List.of("save as workspace.json"), driver.dialogs().asked(), "Save asks for a path");
        assertTrue(Files.exists(elsewhere));
        assertArrayEquals(content, Files.readAllBytes(file), "the file that could not be opened is untouched");
        assertFalse(Files.exists(WorkspaceFile.backupOf(file)));
        driver.close();
        driver = null;
    }

    @Test
    void aMissingFileNamedOnTheCommandLineIsWrittenBySave() throws Exception {
        Path file = dir.resolve("new-lab.json");
        driver = new AppDriver().launch("--workspace=" + file);
        assertFalse(Files.exists(file));
        assertEquals(DEFAULT_TABS, tabIds());
        fxRun(() -> driver.app().menus().items().stream().filter(item -> "saveWorkspace".equals(item.getId()))
                .findFirst().orElseThrow().fire());
        assertEquals(List.of(), driver.dialogs().asked());
        assertEquals(6, WorkspaceFile.load(file).tabs().size());
    }

    @Test
    void aTabOfAnUnknownKindIsLeftOutAndTheMessageSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("mixed.json"), """
                {"version": 1, "tabs": [
                  {"kind": "tcpClient", "title": "Mine", "settings": {"port": 5001}},
                  {"kind": "serial", "title": "COM1"},
                  {"kind": "tools", "title": "Tools"},
                  {"kind": "tools", "title": "Tools again"}
                ]}
                """);
        driver = new AppDriver().launch("--workspace=" + file);
        assertEquals(List.of("tcpClientTab", "toolsTab"), tabIds());
        String message = driver.text("#workspaceMessage");
        assertTrue(message.contains("\u201cCOM1\u201d") && message.contains("\"serial\"")
                && message.contains("second Tools tab"), message);
        assertEquals("5001", driver.text("#tcpClient #port"));
    }

    @Test
    void aNamedWorkspaceWithChangesAsksBeforeNewAndBeforeTheWindowCloses() throws Exception {
        Path file = dir.resolve("asks.json");
        driver = new AppDriver().launch("--workspace=" + file);
        fxRun(() -> driver.app().strip().openNew(TabKinds.HTTP));
        fxRun(() -> driver.app().session().checkChanges());

        driver.dialogs().answerSave(WindowDialogs.UnsavedChoice.CANCEL);
        shortcut(KeyCode.N);
        assertEquals(List.of("save asks"), driver.dialogs().asked());
        assertEquals(7, tabIds().size(), "Cancel keeps the workspace");

        WindowEvent request = new WindowEvent(driver.stage(), WindowEvent.WINDOW_CLOSE_REQUEST);
        driver.dialogs().answerSave(WindowDialogs.UnsavedChoice.CANCEL);
        fxRun(() -> driver.stage().getOnCloseRequest().handle(request));
        assertTrue(request.isConsumed(), "Cancel keeps the window open");

        driver.dialogs().answerSave(WindowDialogs.UnsavedChoice.SAVE);
        WindowEvent again = new WindowEvent(driver.stage(), WindowEvent.WINDOW_CLOSE_REQUEST);
        fxRun(() -> driver.stage().getOnCloseRequest().handle(again));
        assertFalse(again.isConsumed(), "Save, then close");
        assertEquals(7, WorkspaceFile.load(file).tabs().size());

        fxRun(() -> driver.app().strip().openNew(TabKinds.UDP));
        driver.dialogs().answerSave(WindowDialogs.UnsavedChoice.DISCARD);
        shortcut(KeyCode.N);
        assertEquals(DEFAULT_TABS, tabIds(), "Don't Save: a new blank workspace");
        assertEquals("Untitled \u2014 Socket Workbench", title());
        assertEquals(7, WorkspaceFile.load(file).tabs().size(), "the file keeps what was saved");
    }

    @Test
    void insecureTlsIsNeverSavedInAWorkspace() throws Exception {
        Path file = dir.resolve("tls.json");
        driver = new AppDriver().launch("--workspace=" + file);
        driver.selectTab("http");
        driver.click("#http #insecure");
        shortcut(KeyCode.S);
        String text = Files.readString(file);
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("insecure"), text);
    }

    @Test
    void openRecentOpensAFileFromTheList() throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        driver = new AppDriver().launch("--workspace=" + first);
        shortcut(KeyCode.S);
        driver.dialogs().chooseFile(second);
        fxRun(() -> driver.app().session().saveAs());
        assertEquals(List.of(second.toAbsolutePath(), first.toAbsolutePath()),
                fx(() -> driver.app().session().recent().paths()));
        assertEquals("second \u2014 Socket Workbench", title());
        fxRun(() -> recentItems().get(1).fire());
        assertEquals("first \u2014 Socket Workbench", title());
        assertEquals(first.toAbsolutePath(), fx(() -> driver.app().session().recent().paths().getFirst()));
    }

    @Test
    void theFirstRunTakesEachTabsSettingsFromThePreferencesOfTheBuildsBeforeWorkspaces() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("tcpServer").putInt("port", 6123);
        preferences.child("udp").put("targetHost", "::1");
        preferences.putInt("selectedTab", 2);
        driver = new AppDriver(preferences).launch();
        assertEquals("udpTab", fx(() -> selected().getId()));
        assertEquals("::1", driver.text("#udp #targetHost"));
        driver.selectTab("tcpServer");
        assertEquals("6123", driver.text("#tcpServer #port"));
        driver.close();
        driver = null;
        assertEquals("6123", AppDriver.savedTabSettings(preferences, "tcpServer").get("port", ""),
                "kept in the untitled workspace from now on");
    }

    @Test
    void anUnreadableUntitledWorkspaceIsSetAsideNotOverwritten() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        Path untitled = new AppHome(AppDriver.homeOf(preferences)).untitledWorkspace();
        Files.createDirectories(untitled.getParent());
        Files.writeString(untitled, "{\"version\": 1, \"tabs\": [");
        driver = new AppDriver(preferences).launch();
        String message = driver.text("#workspaceMessage");
        assertTrue(message.contains(untitled.toString()) && message.contains("It was kept as"), message);
        assertEquals(DEFAULT_TABS, tabIds());
        driver.selectTab("udp");
        driver.setText("#udp #port", "6006");
        fxRun(() -> driver.app().session().checkChanges());
        driver.close();
        driver = null;
        try (var aside = Files.list(untitled.getParent())) {
            Path kept = aside.filter(path -> path.getFileName().toString().startsWith("untitled-workspace-unreadable-"))
                    .findFirst().orElseThrow();
            assertEquals("{\"version\": 1, \"tabs\": [", Files.readString(kept));
        }
        assertEquals("6006", AppDriver.savedTabSettings(preferences, "udp").get("port", ""));
    }

    private List<MenuItem> recentItems() {
        return driver.app().menus().items().stream().filter(item -> item.getId() != null
                && item.getId().startsWith("recentWorkspace-")).toList();
    }

    private void shortcut(KeyCode key) {
        fxRun(() -> driver.stage().requestFocus());
        driver.robot().press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String title() {
        return fx(() -> driver.stage().getTitle());
    }

    private List<Tab> tabs() {
        return driver.<TabPane>node("#tabs").getTabs();
    }

    private Tab selected() {
        return driver.<TabPane>node("#tabs").getSelectionModel().getSelectedItem();
    }

    private List<String> tabIds() {
        return fx(() -> tabs().stream().map(Tab::getId).toList());
    }
}
