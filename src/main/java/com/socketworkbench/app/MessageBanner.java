package com.socketworkbench.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A bar under the menus for what the window has to say about workspace files ({@code #workspaceMessage}): a file
 * that could not be opened or saved, tabs left out. It stays until the user closes it ({@code #workspaceMessageClose})
 * or a newer message replaces it: a problem with a file is not something to miss while looking elsewhere.
 */
final class MessageBanner {
    private final HBox bar = new HBox();
    private final Label text = new Label();

    MessageBanner() {
        bar.setId("workspaceMessageBar");
        bar.getStyleClass().add("workspace-message-bar");
        text.setId("workspaceMessage");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("\u2715");
        close.setId("workspaceMessageClose");
        close.getStyleClass().add("workspace-message-close");
        close.setOnAction(event -> hide());
        bar.getChildren().addAll(text, close);
        hide();
    }

    HBox node() {
        return bar;
    }

    void showError(String message) {
        show(message, "workspace-message-error");
    }

    void showInfo(String message) {
        show(message, "workspace-message-info");
    }

    void hide() {
        bar.setVisible(false);
        bar.setManaged(false);
        text.setText("");
    }

    private void show(String message, String styleClass) {
        bar.getStyleClass().removeAll("workspace-message-error", "workspace-message-info");
        bar.getStyleClass().add(styleClass);
        text.setText(message);
        bar.setManaged(true);
        bar.setVisible(true);
    }
}
