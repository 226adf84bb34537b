package com.socketworkbench.ui.tab;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

/**
 * Shows errors and notable events as a bar ({@code notifications}) sliding in over the top of the wrapped content
 * (never a modal dialog) that hides itself after {@link #AUTO_HIDE}. Wrap the traffic area (timeline and inspector)
 * rather than the whole tab so the bar never hides the settings and their Start/Connect button; put
 * {@link #pane()} where the wrapped node would have gone.
 */
public final class TabNotifier {
    public static final Duration AUTO_HIDE = Duration.seconds(6);

    private final NotificationPane pane;
    private final PauseTransition autoHide = new PauseTransition(AUTO_HIDE);

    public TabNotifier(Node content) {
        pane = new NotificationPane(content);
        pane.setId("notifications");
        pane.setShowFromTop(true);
        pane.setCloseButtonVisible(true);
        pane.getStyleClass().add("tab-notifications");
        autoHide.setOnFinished(event -> pane.hide());
    }

    /** Shows an error; a newer message replaces an older one and restarts the auto-hide clock. */
    public void showError(String message) {
        show(message, "notification-error", "⚠");
    }

    /** Shows an informational message. */
    public void showInfo(String message) {
        show(message, "notification-info", "ℹ");
    }

    private void show(String message, String styleClass, String symbol) {
        Label icon = new Label(symbol);
        icon.getStyleClass().addAll("notification-icon", styleClass);
        pane.getStyleClass().removeAll("notification-error", "notification-info");
        pane.getStyleClass().add(styleClass);
        pane.show(message, icon);
        autoHide.playFromStart();
    }

    public void hide() {
        autoHide.stop();
        pane.hide();
    }

    public NotificationPane pane() {
        return pane;
    }

    /** The text shown now, or the last one shown. */
    public String text() {
        return pane.getText();
    }

    public boolean isShowing() {
        return pane.isShowing();
    }

    /** Stops the auto-hide clock (dispose). */
    public void dispose() {
        autoHide.stop();
    }
}
