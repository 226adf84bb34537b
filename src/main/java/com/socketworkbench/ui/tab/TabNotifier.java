package com.socketworkbench.ui.tab;

import com.socketworkbench.engine.text.Texts;
import javafx.animation.PauseTransition;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

/**
 * Shows errors and notable events as a bar ({@code notifications}) sliding in at the top of the wrapped content
 * (never a modal dialog) that hides itself after {@link #AUTO_HIDE}. Put {@link #pane()} where the wrapped node
 * would have gone.
 *
 * <p>The bar never covers a control and never moves one: it slides over a strip of its own height
 * ({@code notificationSpace}, {@link #BAR_HEIGHT}) kept empty above the content whether a message shows or not. A
 * bar that pushed the content down would move the filter and the Clear button just as the user reaches for them; one
 * laid over the content would hide them until it went away. The bar holds one line; a longer message ends in an
 * ellipsis and the full text is the bar's tooltip.
 */
public final class TabNotifier {
    public static final Duration AUTO_HIDE = Duration.seconds(6);
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tab.tab");
    /** The height of the bar and of the strip kept for it (the stylesheet fixes the bar to the same). */
    public static final double BAR_HEIGHT = 28;

    private final NotificationPane pane;
    private final PauseTransition autoHide = new PauseTransition(AUTO_HIDE);
    /** Made with the first message: a tooltip is a popup window with a scene of its own (see {@code Tips}). */
    private Tooltip fullText;

    public TabNotifier(Node content) {
        Region space = new Region();
        space.setId("notificationSpace");
        space.getStyleClass().add("notification-space");
        space.setMinHeight(BAR_HEIGHT);
        space.setPrefHeight(BAR_HEIGHT);
        space.setMaxHeight(BAR_HEIGHT);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox body = new VBox(space, content);
        body.setFillWidth(true);
        pane = new NotificationPane(body);
        // Not a stop for the Tab key (ControlsFX's pane takes the focus and hands it to its content's box): the Tab
        // key goes straight on to the content's first control.
        pane.setFocusTraversable(false);
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
        if (fullText == null) {
            fullText = new Tooltip();
        }
        fullText.setText(message);
        // The bar belongs to the pane's skin, made when the pane is first shown in a scene.
        Node bar = pane.lookup(".notification-bar");
        if (bar != null) {
            Tooltip.install(bar, fullText);
            // The bar's close button is a bare ✕: say what it does to a screen reader.
            Node close = bar.lookup(".close-button");
            if (close != null) {
                close.setAccessibleRole(AccessibleRole.BUTTON);
                close.setAccessibleText(TEXT.get("notification.close"));
            }
        }
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
