package com.socketworkbench.app;

import com.socketworkbench.ui.fx.Tips;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.function.BiConsumer;

/**
 * Renames a tab in place: a double-click on its header (or {@link #edit}) puts a text field ({@code #tabTitleEditor})
 * where the title was. Enter keeps the new title, Escape the old one; a blank title is refused (the field stays,
 * marked, until it gets a name or Escape). Leaving the field keeps a usable title and drops a blank one.
 */
final class TabTitleEditor {
    private final TabPane pane;
    private final BiConsumer<WindowTab, String> rename;
    private WindowTab editing;
    private TextField field;

    /** @param rename sets a tab's new title (called only with a non-blank title that differs from the old one) */
    TabTitleEditor(TabPane pane, BiConsumer<WindowTab, String> rename) {
        this.pane = pane;
        this.rename = rename;
        pane.addEventFilter(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2
                    && event.getTarget() instanceof Node target && headerTab(target) instanceof Tab tab
                    && tab.getUserData() instanceof WindowTab windowTab) {
                event.consume();
                edit(windowTab);
            }
        });
    }

    /** The tab whose header holds {@code node} (the header skin keeps its tab in its properties), or null. */
    private Tab headerTab(Node node) {
        for (Node at = node; at != null && at != pane; at = at.getParent()) {
            if (at.getProperties().get(Tab.class) instanceof Tab tab) {
                return tab;
            }
            if (at instanceof TextField) {
                return null;
            }
        }
        return null;
    }

    boolean isEditing() {
        return editing != null;
    }

    /** Ends an edit in progress, keeping the old title. */
    void cancel() {
        if (editing != null) {
            finish(false);
        }
    }

    void edit(WindowTab tab) {
        if (editing != null) {
            finish(true);
        }
        editing = tab;
        field = new TextField(tab.title());
        field.setId("tabTitleEditor");
        field.getStyleClass().add("tab-title-editor");
        field.setPrefColumnCount(Math.max(8, tab.title().length()));
        field.setOnKeyPressed(this::key);
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now && editing == tab) {
                finish(true);
            }
        });
        Tab header = tab.header();
        header.setText("");
        header.setGraphic(field);
        pane.getSelectionModel().select(header);
        field.requestFocus();
        field.selectAll();
    }

    private void key(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            if (field.getText().isBlank()) {
                field.getStyleClass().add("invalid");
                Tips.install(field, AppTexts.TEXT.get("tab.title.blank"));
            } else {
                finish(true);
            }
        } else if (event.getCode() == KeyCode.ESCAPE) {
            event.consume();
            finish(false);
        }
    }

    /** Ends the edit, keeping the typed title when {@code keep} and it is not blank. */
    private void finish(boolean keep) {
        WindowTab tab = editing;
        String typed = field.getText().strip();
        editing = null;
        field = null;
        tab.header().setGraphic(null);
        tab.header().setText(tab.title());
        if (keep && !typed.isEmpty() && !typed.equals(tab.title())) {
            rename.accept(tab, typed);
        }
        pane.requestFocus();
    }
}
