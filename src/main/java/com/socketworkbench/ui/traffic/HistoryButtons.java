package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Tips;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * "History ▲ ▼" beside a send editor, and Alt+Up / Alt+Down in it: the same controls, words and keys wherever
 * something sent can be brought back (the socket tabs' send editor, the WebSocket tab's send bar).
 */
public final class HistoryButtons {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.traffic.send");

    private final Button previous = new Button("▲");
    private final Button next = new Button("▼");
    private final HBox node;

    /**
     * @param idPrefix the buttons are {@code idPrefix + "Previous"} and {@code idPrefix + "Next"}
     * @param back     steps back in the history
     * @param forward  steps forward (past the newest: what was being typed)
     */
    public HistoryButtons(String idPrefix, Runnable back, Runnable forward) {
        previous.setId(idPrefix + "Previous");
        next.setId(idPrefix + "Next");
        Tips.install(previous, TEXT.get("history.previous"));
        Tips.install(next, TEXT.get("history.next"));
        // Arrows only on screen: a screen reader reads what they do.
        previous.setAccessibleText(TEXT.get("history.previous"));
        next.setAccessibleText(TEXT.get("history.next"));
        previous.getStyleClass().add("small-button");
        next.getStyleClass().add("small-button");
        previous.setOnAction(event -> back.run());
        next.setOnAction(event -> forward.run());
        Label caption = new Label(TEXT.get("history"));
        caption.getStyleClass().add("muted-label");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        node = new HBox(8, caption, previous, next);
        node.setAlignment(Pos.CENTER_LEFT);
        node.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** Alt+Up and Alt+Down in {@code editor} step back and forward, as the buttons do. */
    public static void onAltArrows(Node editor, Runnable back, Runnable forward) {
        editor.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.UP && event.isAltDown()) {
                back.run();
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN && event.isAltDown()) {
                forward.run();
                event.consume();
            }
        });
    }

    /** The caption and both buttons. */
    public HBox node() {
        return node;
    }

    public Button previous() {
        return previous;
    }

    public Button next() {
        return next;
    }
}
