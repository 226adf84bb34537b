package com.socketworkbench.app;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;
import java.util.stream.IntStream;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * Every keyboard shortcut of the window, in the order the cheat sheet lists them: the one list the menus' accelerators,
 * the window's own key handling ({@link WindowShortcuts}) and the cheat sheet ({@link CheatSheet}) are made from, so
 * they cannot disagree.
 */
enum Shortcut {
    NEW_WORKSPACE("shortcut.newWorkspace", Where.MENU, "Shortcut+N"),
    OPEN("shortcut.open", Where.MENU, "Shortcut+O"),
    SAVE("shortcut.save", Where.MENU, "Shortcut+S"),
    SAVE_AS("shortcut.saveAs", Where.MENU, "Shortcut+Shift+S"),
    QUIT("shortcut.quit", Where.MENU, "Shortcut+Q"),
    NEW_TAB("shortcut.newTab", Where.MENU, "Shortcut+T"),
    CLOSE_TAB("shortcut.closeTab", Where.MENU, "Shortcut+W"),
    RENAME_TAB("shortcut.renameTab", Where.MENU, "F2"),
    // Ctrl (not Shortcut) on every platform: it is what tab switching is everywhere, macOS included.
    NEXT_TAB("shortcut.nextTab", Where.WINDOW, "Ctrl+Tab"),
    PREVIOUS_TAB("shortcut.previousTab", Where.WINDOW, "Ctrl+Shift+Tab"),
    TAB_N("shortcut.tabN", Where.WINDOW, IntStream.rangeClosed(1, 9).mapToObj(n -> "Alt+" + n).toArray(String[]::new)),
    START_STOP("shortcut.startStop", Where.WINDOW, "F5"),
    SEND("shortcut.send", Where.EDITOR, "Shortcut+Enter"),
    CLEAR_TIMELINE("shortcut.clear", Where.WINDOW, "Shortcut+L"),
    FILTER("shortcut.filter", Where.WINDOW, "Shortcut+F"),
    CHEAT_SHEET("shortcut.cheatSheet", Where.MENU, "F1");

    /** Who acts on the keys. */
    enum Where {
        /** A menu item's accelerator. */
        MENU,
        /** The window's key filter ({@link WindowShortcuts}), on the selected tab. */
        WINDOW,
        /** The focused editor itself (the send editor's Ctrl+Enter); listed so the cheat sheet names it. */
        EDITOR
    }

    private final String textKey;
    private final Where where;
    private final List<KeyCombination> combinations;

    Shortcut(String textKey, Where where, String... combinations) {
        this.textKey = textKey;
        this.where = where;
        this.combinations = List.of(combinations).stream().map(KeyCombination::keyCombination).toList();
    }

    Where where() {
        return where;
    }

    /** The first (for a menu item, the only) key combination. */
    KeyCombination combination() {
        return combinations.getFirst();
    }

    List<KeyCombination> combinations() {
        return combinations;
    }

    /** Which of the combinations {@code event} is (0 for the first), or -1. */
    int match(KeyEvent event) {
        for (int i = 0; i < combinations.size(); i++) {
            if (combinations.get(i).match(event)) {
                return i;
            }
        }
        return -1;
    }

    /** What the cheat sheet says the shortcut does. */
    String description() {
        return TEXT.get(textKey);
    }

    /** The keys as the platform writes them ("Ctrl+S", "⌘S"); a run of numbered keys as one ("Alt+1…9"). */
    String keys() {
        if (this == TAB_N) {
            return TEXT.get("shortcut.tabN.keys");
        }
        return combination().getDisplayText();
    }
}
