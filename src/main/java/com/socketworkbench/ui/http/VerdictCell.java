package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.ui.fx.Tips;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;

/** A verdict row: severity symbol and colour, the message and the byte offset it refers to. */
final class VerdictCell extends ListCell<Verdict> {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private static final List<String> SEVERITY_CLASSES = List.of("verdict-error", "verdict-warning",
            "verdict-info");

    VerdictCell() {
        // As wide as the list, never wider: a long message is cut with an ellipsis (whole in the tooltip) instead of
        // a horizontal scroll bar that pushed the offsets out of sight and covered a row.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Verdict verdict, boolean empty) {
        super.updateItem(verdict, empty);
        getStyleClass().removeAll(SEVERITY_CLASSES);
        if (empty || verdict == null) {
            setText(null);
            setGraphic(null);
            Tips.install(this, null);
            return;
        }
        Label icon = new Label(switch (verdict.severity()) {
            case ERROR -> "✖";
            case WARNING -> "⚠";
            case INFO -> "ℹ";
        });
        icon.getStyleClass().add("verdict-icon");
        icon.setMinWidth(18);
        Label message = new Label(verdict.message());
        message.getStyleClass().add("verdict-message");
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Label offset = new Label("@ " + Offsets.describe(verdict.byteOffset()));
        offset.getStyleClass().add("verdict-offset");
        offset.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, icon, message, offset);
        row.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        setGraphic(row);
        getStyleClass().add(switch (verdict.severity()) {
            case ERROR -> "verdict-error";
            case WARNING -> "verdict-warning";
            case INFO -> "verdict-info";
        });
        Tips.install(this, TEXT.get("verdict.tooltip", verdict.code(), verdict.message(),
                Offsets.describe(verdict.byteOffset())));

    }
}
