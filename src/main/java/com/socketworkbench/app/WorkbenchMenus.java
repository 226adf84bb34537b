package com.socketworkbench.app;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * The window's menus. File ({@code #fileMenu}): New ({@code #newWorkspace}, Ctrl+N), Open… ({@code #openWorkspace},
 * Ctrl+O), Open Recent ({@code #recentWorkspaces}), Save ({@code #saveWorkspace}, Ctrl+S), Save As…
 * ({@code #saveWorkspaceAs}, Ctrl+Shift+S), Quit ({@code #quit}, Ctrl+Q). Tab ({@code #newTab}): a new tab of each
 * kind ({@code #newTab-tcpServer}, …), another of the shown tab's kind ({@code #newTab-same}, Ctrl+T), rename
 * ({@code #renameTab}, F2) and close ({@code #closeTab}, Ctrl+W). View ({@code #viewMenu}): Language
 * ({@link LanguageMenu}), Reset Settings… ({@code #resetSettings}). Help ({@code #helpMenu}): Keyboard Shortcuts
 * ({@code #keyboardShortcuts}, F1). The accelerators come from {@link Shortcut}.
 */
final class WorkbenchMenus {
    /** What the window does for the menus beyond the workspace and its tabs. */
    record WindowActions(Runnable quit, Runnable resetSettings, Runnable showShortcuts, Menu language, Menu theme) {
    }

    private final MenuBar bar = new MenuBar();
    private final WorkspaceSession session;
    private final TabStrip strip;
    private final WindowActions actions;
    private final Menu recent = new Menu(TEXT.get("menu.file.recent"));
    private final Menu tabs = new Menu(TEXT.get("menu.tab"));

    WorkbenchMenus(WorkspaceSession session, TabStrip strip, WindowActions actions) {
        this.session = session;
        this.strip = strip;
        this.actions = actions;
        bar.setId("menuBar");
        bar.getMenus().addAll(fileMenu(), tabMenu(), viewMenu(), helpMenu());
    }

    MenuBar node() {
        return bar;
    }

    private Menu fileMenu() {
        Menu file = new Menu(TEXT.get("menu.file"));
        file.setId("fileMenu");
        recent.setId("recentWorkspaces");
        session.recent().paths().addListener((ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
        file.getItems().addAll(
                item("newWorkspace", TEXT.get("menu.file.new"), Shortcut.NEW_WORKSPACE, session::newWorkspace),
                item("openWorkspace", TEXT.get("menu.file.open"), Shortcut.OPEN, session::open),
                recent,
                new SeparatorMenuItem(),
                item("saveWorkspace", TEXT.get("menu.file.save"), Shortcut.SAVE, session::save),
                item("saveWorkspaceAs", TEXT.get("menu.file.saveAs"), Shortcut.SAVE_AS, session::saveAs),
                new SeparatorMenuItem(),
                item("quit", TEXT.get("menu.file.quit"), Shortcut.QUIT, actions.quit()));
        return file;
    }

    private Menu tabMenu() {
        tabs.setId("newTab");
        for (TabKind kind : TabKinds.all()) {
            tabs.getItems().add(item("newTab-" + kind.id(), TEXT.get("menu.tab.new", kind.title()), null,
                    () -> strip.openNew(kind)));
        }
        // A kind that allows one tab cannot be chosen while that tab is open; looked at when the menu opens.
        tabs.setOnShowing(event -> updateTabKinds());
        tabs.getItems().addAll(
                new SeparatorMenuItem(),
                item("newTab-same", TEXT.get("menu.tab.same"), Shortcut.NEW_TAB, this::openSameKind),
                item("renameTab", TEXT.get("menu.tab.rename"), Shortcut.RENAME_TAB, strip::renameSelected),
                item("closeTab", TEXT.get("menu.tab.close"), Shortcut.CLOSE_TAB, strip::closeSelected));
        return tabs;
    }

    private Menu viewMenu() {
        Menu view = new Menu(TEXT.get("menu.view"));
        view.setId("viewMenu");
        view.getItems().addAll(actions.language(), actions.theme());
        view.getItems().addAll(
                new SeparatorMenuItem(),
                item("resetSettings", TEXT.get("menu.view.reset"), null, actions.resetSettings()));
        return view;
    }

    private Menu helpMenu() {
        Menu help = new Menu(TEXT.get("menu.help"));
        help.setId("helpMenu");
        help.getItems().add(item("keyboardShortcuts", TEXT.get("menu.help.shortcuts"), Shortcut.CHEAT_SHEET,
                actions.showShortcuts()));
        return help;
    }

    /** Disables the New Tab item of a kind that allows one tab while that tab is open. */
    void updateTabKinds() {
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

    private static MenuItem item(String id, String text, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (shortcut != null) {
            item.setAccelerator(shortcut.combination());
        }
        item.setOnAction(event -> action.run());
        return item;
    }
}
