package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.function.Consumer;

/**
 * The three ways to end a TCP connection side by side: Close ({@code closeGraceful}, FIN after the queued data),
 * Half-close ({@code halfClose}, shut down output but keep reading) and Abort ({@code abort}, RST through SO_LINGER
 * 0, queued data dropped). The timeline shows what each did.
 */
public final class CloseModeButtons {
    /** How the caption and buttons are laid out. */
    public enum Layout {
        /** One row that never wraps (in a bar with room to spare). */
        ONE_ROW,
        /** One row that wraps onto a second in a narrow place (the server's client list) rather than leave it. */
        WRAPPING
    }

    private final Button graceful = new Button(StreamText.TEXT.get("close.graceful"));
    private final Button halfClose = new Button(StreamText.TEXT.get("close.half"));
    private final Button abort = new Button(StreamText.TEXT.get("close.abort"));
    private final Pane root;

    /**
     * @param caption  a short label in front of the buttons, or null for none
     * @param disabled true while there is no connection to close
     * @param action   called on the FX thread with the chosen mode
     */
    public CloseModeButtons(String caption, ObservableBooleanValue disabled, Consumer<CloseMode> action, Layout layout,
                            Subscriptions subscriptions) {
        graceful.setId("closeGraceful");
        Tips.install(graceful, StreamText.TEXT.get("close.graceful.tooltip"));
        halfClose.setId("halfClose");
        Tips.install(halfClose, StreamText.TEXT.get("close.half.tooltip"));
        abort.setId("abort");
        Tips.install(abort, StreamText.TEXT.get("close.abort.tooltip"));

        abort.getStyleClass().add("abort-button");
        graceful.setOnAction(event -> action.accept(CloseMode.GRACEFUL));
        halfClose.setOnAction(event -> action.accept(CloseMode.HALF_CLOSE));
        abort.setOnAction(event -> action.accept(CloseMode.ABORT));
        for (Button button : new Button[]{graceful, halfClose, abort}) {
            button.getStyleClass().add("small-button");
            button.setMinWidth(Region.USE_PREF_SIZE);
            subscriptions.bind(button.disableProperty(), disabled);
        }
        if (layout == Layout.WRAPPING) {
            FlowPane flow = new FlowPane(4, 4);
            flow.setAlignment(Pos.CENTER_LEFT);
            flow.setRowValignment(VPos.CENTER);
            root = flow;
        } else {
            HBox row = new HBox(4);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(Region.USE_PREF_SIZE);
            root = row;
        }
        if (caption != null) {
            Label label = new Label(caption);
            label.getStyleClass().add("field-caption");
            label.setMinWidth(Region.USE_PREF_SIZE);
            root.getChildren().add(label);
        }
        root.getChildren().addAll(graceful, halfClose, abort);
        root.getStyleClass().add("close-mode-buttons");
    }

    public Pane view() {
        return root;
    }

    public Button gracefulButton() {
        return graceful;
    }

    public Button halfCloseButton() {
        return halfClose;
    }

    public Button abortButton() {
        return abort;
    }
}
