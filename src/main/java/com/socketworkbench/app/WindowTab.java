package com.socketworkbench.app;

import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.workspace.MemoryPreferences;
import com.socketworkbench.workspace.Settings;
import com.socketworkbench.workspace.TabState;
import javafx.scene.control.Tab;

/**
 * One tab open in the window: its kind, the tab itself, the settings node that belongs to it alone, and the header
 * the user sees (its title, which they may rename).
 */
final class WindowTab {
    private final TabKind kind;
    private final int number;
    private final WorkbenchTab content;
    private final MemoryPreferences settings;
    private final Tab header;
    private String title;

    WindowTab(TabKind kind, int number, String title, WorkbenchTab content, MemoryPreferences settings) {
        this.kind = kind;
        this.number = number;
        this.title = title;
        this.content = content;
        this.settings = settings;
        this.header = new Tab(title);
        header.setId(idOf(kind, number));
        header.setUserData(this);
    }

    /** {@code tcpClientTab} for the first tab of a kind, {@code tcpClientTab-2}, {@code -3}, … for later ones. */
    static String idOf(TabKind kind, int number) {
        return kind.id() + "Tab" + (number == 1 ? "" : "-" + number);
    }

    /** "TCP Client" for the first tab of a kind, "TCP Client 2", … for later ones. */
    static String titleOf(TabKind kind, int number) {
        return number == 1 ? kind.title() : AppTexts.TEXT.get("tab.title.numbered", kind.title(), number);
    }

    TabKind kind() {
        return kind;
    }

    /** Which tab of its kind this is (1 for the first): its id's suffix. */
    int number() {
        return number;
    }

    WorkbenchTab content() {
        return content;
    }

    /** The settings node that belongs to this tab alone. */
    MemoryPreferences settings() {
        return settings;
    }

    Tab header() {
        return header;
    }

    String title() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
        header.setText(title);
    }

    /** The tab as a workspace keeps it: the model writes its settings into the tab's node, which is then copied. */
    TabState state() {
        content.saveSettings();
        return new TabState(kind.id(), title, Settings.of(settings));
    }

    /** Stops the tab's sockets and disposes it; the header no longer leads to it. */
    void discard() {
        header.setUserData(null);
        header.setContent(null);
        header.setOnCloseRequest(null);
        header.setOnClosed(null);
        content.stop();
        content.dispose();
    }
}
