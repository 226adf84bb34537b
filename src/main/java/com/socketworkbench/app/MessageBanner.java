package com.socketworkbench.app;

import com.socketworkbench.ui.fx.Tips;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * What the window has to say about workspace files ({@code #workspaceMessage}): a file that could not be opened or
 * saved, tabs left out. It stays until the user closes it ({@code #workspaceMessageClose}) or a newer message
 * replaces it: a problem with a file is not something to miss while looking elsewhere.
 *
 * <p>It sits in the menu bar's row, right of the menus, where there are no controls: showing it moves nothing and
 * covers nothing, so the next click lands where the user aimed. The row's height is the menu bar's; a message too
 * long for one line ends in an ellipsis, and the whole of it is the message's tooltip and accessible text.
 */
final class MessageBanner {
    private final HBox bar = new HBox();
    private final Label text = new Label();

    MessageBanner() {
        bar.setId("workspaceMessageBar");
        bar.getStyleClass().addAll("workspace-message-bar", "workspace-message-in-menu-row");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        text.setId("workspaceMessage");
        text.setWrapText(false);
        text.setTextOverrun(OverrunStyle.ELLIPSIS);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("\u2715");
        close.setId("workspaceMessageClose");
        close.getStyleClass().add("workspace-message-close");
        close.setAccessibleText(TEXT.get("banner.close"));
        close.setAccessibleRole(AccessibleRole.BUTTON);
        Tips.install(close, TEXT.get("banner.close.tooltip"));
        close.setMinWidth(Button.USE_PREF_SIZE);
        close.setOnAction(event -> hide());
        bar.getChildren().addAll(text, close);
        hide();
    }

    HBox node() {
        return bar;
    }

    /** Keeps the banner exactly as tall as the row it shares (the menu bar's). */
    void fitHeight(ObservableDoubleValue rowHeight) {
        bar.setMinHeight(0);
        bar.prefHeightProperty().bind(rowHeight);
        bar.maxHeightProperty().bind(rowHeight);
    }

    void showError(String message) {
        show(message, "workspace-message-error");
    }

    void showInfo(String message) {
        show(message, "workspace-message-info");
    }

    boolean isShowing() {
        return bar.isVisible();
    }

    /** Hides the message; its room stays, empty (nothing moves). */
    void hide() {
        bar.setVisible(false);
        text.setText("");
        Tips.install(text, null);
        text.setAccessibleText(null);
    }

    private void show(String message, String styleClass) {
        bar.getStyleClass().removeAll("workspace-message-error", "workspace-message-info");
        bar.getStyleClass().add(styleClass);
        text.setText(message);
        Tips.install(text, message);
        text.setAccessibleText(message);
        bar.setVisible(true);
    }
}
