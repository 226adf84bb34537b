package com.socketworkbench.app;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * The list of keyboard shortcuts (F1, Help → Keyboard Shortcuts): a window beside the main one ({@code #cheatSheet},
 * not modal, so the user can try a shortcut while reading it), made from {@link Shortcut}, the list the keys are bound
 * from. Each row's keys label is {@code shortcutKeys-NAME} and its description {@code shortcutText-NAME}, NAME the
 * shortcut's constant in lower case ({@code shortcutKeys-start_stop}).
 */
final class CheatSheet {
    private final Window owner;
    private Dialog<Void> dialog;

    CheatSheet(Window owner) {
        this.owner = owner;
    }

    /** Shows the list, or brings it to the front when it is open. */
    void show() {
        if (dialog != null && dialog.isShowing()) {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(TEXT.get("cheatSheet.title"));
        dialog.getDialogPane().setId("cheatSheet");
        dialog.getDialogPane().setContent(table());
        dialog.getDialogPane().getButtonTypes().add(
                new ButtonType(TEXT.get("cheatSheet.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
    }

    boolean isShowing() {
        return dialog != null && dialog.isShowing();
    }

    void close() {
        if (dialog != null) {
            dialog.close();
        }
    }

    static GridPane table() {
        GridPane grid = new GridPane();
        grid.setId("cheatSheetList");
        grid.getStyleClass().add("cheat-sheet");
        grid.setHgap(24);
        grid.setVgap(6);
        Label keysHeader = new Label(TEXT.get("cheatSheet.keys"));
        Label actionHeader = new Label(TEXT.get("cheatSheet.action"));
        keysHeader.getStyleClass().add("cheat-sheet-header");
        actionHeader.getStyleClass().add("cheat-sheet-header");
        grid.addRow(0, keysHeader, actionHeader);
        int row = 1;
        for (Shortcut shortcut : Shortcut.values()) {
            String name = shortcut.name().toLowerCase(java.util.Locale.ROOT);
            Label keys = new Label(shortcut.keys());
            keys.setId("shortcutKeys-" + name);
            keys.getStyleClass().add("cheat-sheet-keys");
            Label text = new Label(shortcut.description());
            text.setId("shortcutText-" + name);
            grid.addRow(row++, keys, text);
        }
        return grid;
    }
}
