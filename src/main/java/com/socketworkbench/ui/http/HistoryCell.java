package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.traffic.Formats;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Optional;

/**
 * One history row: time, method, target (cut with an ellipsis when narrow), status coloured by its class, size
 * (struck through, {@code bytes-dropped}, when the history dropped the entry's bytes to stay within its budgets).
 * The status and size always stay visible.
 */
final class HistoryCell extends ListCell<HistoryEntry> {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final Label time = part("history-time");
    private final Label method = part("history-method");
    private final Label target = part("history-target");
    private final Label status = part("history-status");
    private final Label size = part("history-size");
    private final HBox row = new HBox(8, time, method, target, status, size);

    HistoryCell() {
        method.setMinWidth(48);
        target.setMinWidth(40);
        target.setMaxWidth(Double.MAX_VALUE);
        target.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        HBox.setHgrow(target, Priority.ALWAYS);
        size.setMinWidth(64);
        size.setAlignment(Pos.CENTER_RIGHT);
        row.setAlignment(Pos.CENTER_LEFT);
        // Cells as wide as the list, never wider: the target shrinks instead of a horizontal scroll bar.
        setPrefWidth(0);
        setText(null);
    }

    private static Label part(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    @Override
    protected void updateItem(HistoryEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        row.getStyleClass().removeAll(StatusStyle.ALL);
        if (empty || entry == null) {
            setGraphic(null);
            Tips.install(this, null);
            return;
        }
        time.setText(Formats.clock(entry.exchange().startedAt()));
        method.setText(entry.method());
        target.setText(entry.targetText());
        Optional<String> malformed = entry.malformation();
        // A 200 whose bytes break HTTP is no success: its own colour and a marker, the reason in the tooltip.
        status.setText(malformed.isPresent() ? entry.statusText() + " ⚠" : entry.statusText());
        size.setText(Formats.bytes(entry.exchange().bytesReceived()));
        row.getStyleClass().remove("bytes-dropped");
        row.getStyleClass().add(entry.exchange().response().isEmpty() ? "status-failed"
                : malformed.isPresent() ? StatusStyle.MALFORMED : StatusStyle.forCode(entry.statusCode()));
        if (entry.bytesDropped()) {
            row.getStyleClass().add("bytes-dropped");
        }
        setGraphic(row);
        Tips.install(this, entry.label() + entry.exchange().failure().map(f -> "\n" + f).orElse("")
                + malformed.map(reason -> "\n" + TEXT.get("history.malformed", reason)).orElse("")
                + entry.dropped().map(d -> "\n" + d).orElse(""));
    }
}
