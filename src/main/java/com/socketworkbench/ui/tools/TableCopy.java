package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Makes a result table copyable: Ctrl+C and "Copy" copy the selected rows, "Copy all" every row, tab-separated. */
final class TableCopy {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    static <T> void install(TableView<T> table, Function<T, String> rowText) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                copy(table.getSelectionModel().getSelectedItems(), rowText);
                event.consume();
            }
        });
        MenuItem copySelected = new MenuItem(TEXT.get("common.copy"));
        copySelected.setOnAction(event -> copy(table.getSelectionModel().getSelectedItems(), rowText));
        copySelected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        MenuItem copyAll = new MenuItem(TEXT.get("common.copyAll"));
        copyAll.setOnAction(event -> copy(table.getItems(), rowText));
        table.setContextMenu(new ContextMenu(copySelected, copyAll));
    }

    /** The rows as text, one per line (for the clipboard and for tests). */
    static <T> String text(List<? extends T> rows, Function<T, String> rowText) {
        return rows.stream().map(rowText).collect(Collectors.joining("\n"));
    }

    private static <T> void copy(List<? extends T> rows, Function<T, String> rowText) {
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text(rows, rowText));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
