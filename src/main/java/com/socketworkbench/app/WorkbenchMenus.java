package com.socketworkbench.app;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's menus. File ({@code #fileMenu}): New ({@code #newWorkspace}, Ctrl+N), Open… ({@code #openWorkspace},
 * Ctrl+O), Open Recent ({@code #recentWorkspaces}), Save ({@code #saveWorkspace}, Ctrl+S), Save As…
 * ({@code #saveWorkspaceAs}, Ctrl+Shift+S). Tab ({@code #newTab}): a new tab of each kind ({@code #newTab-tcpServer},
 * …), another of the shown tab's kind ({@code #newTab-same}, Ctrl+T), rename ({@code #renameTab}, F2) and close
 * ({@code #closeTab}, Ctrl+W).
 */
final class WorkbenchMenus {
    private final MenuBar bar = new MenuBar();
    private final WorkspaceSession session;
    private final TabStrip strip;
    private final Menu recent = new Menu("Open Recent");

    WorkbenchMenus(WorkspaceSession session, TabStrip strip) {
        this.session = session;
        this.strip = strip;
        bar.setId("menuBar");
        bar.getMenus().addAll(fileMenu(), tabMenu());
    }

    MenuBar node() {
        return bar;
    }

    private Menu fileMenu() {
        Menu file = new Menu("File");
        file.setId("fileMenu");
        recent.setId("recentWorkspaces");
        session.recent().paths().addListener((ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
        file.getItems().addAll(
                item("newWorkspace", "New Workspace", "Shortcut+N", session::newWorkspace),
                item("openWorkspace", "Open\u2026", "Shortcut+O", session::open),
                recent,
                new SeparatorMenuItem(),
                item("saveWorkspace", "Save", "Shortcut+S", session::save),
                item("saveWorkspaceAs", "Save As\u2026", "Shortcut+Shift+S", session::saveAs));
        return file;
    }

    private Menu tabMenu() {
        Menu tabs = new Menu("Tab");
        tabs.setId("newTab");
        for (TabKind kind : TabKinds.all()) {
            tabs.getItems().add(item("newTab-" + kind.id(), "New " + kind.title() + " Tab", null,
                    () -> strip.openNew(kind)));
        }
        // A kind that allows one tab cannot be chosen while that tab is open; looked at when the menu opens.
        tabs.setOnShowing(event -> updateTabKinds());
        tabs.getItems().addAll(
                new SeparatorMenuItem(),
                item("newTab-same", "New Tab Like This One", "Shortcut+T", this::openSameKind),
                item("renameTab", "Rename Tab", "F2", strip::renameSelected),
                item("closeTab", "Close Tab", "Shortcut+W", strip::closeSelected));
        return tabs;
    }

    /** Disables the New Tab item of a kind that allows one tab while that tab is open. */
    void updateTabKinds() {
        Menu tabs = bar.getMenus().get(1);
        for (int i = 0; i < TabKinds.all().size(); i++) {
            tabs.getItems().get(i).setDisable(!strip.canOpen(TabKinds.all().get(i)));
        }
    }

    /** Every item of every menu, submenus included (tests fire them as a click would). */
    List<MenuItem> items() {
        List<MenuItem> all = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, all);
        }
        return all;
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            into.add(item);
            if (item instanceof Menu submenu) {
                collect(submenu, into);
            }
        }
    }

    /** Another tab of the shown tab's kind; with a one-only kind (Tools) shown, a TCP client. */
    private void openSameKind() {
        TabKind kind = strip.selected().map(WindowTab::kind).filter(TabKind::several).orElse(TabKinds.TCP_CLIENT);
        strip.openNew(kind);
    }

    private void fillRecent() {
        recent.getItems().clear();
        int index = 0;
        for (Path path : session.recent().paths()) {
            MenuItem item = item("recentWorkspace-" + index++, path.toString(), null, () -> session.open(path));
            item.setMnemonicParsing(false);
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }
}
