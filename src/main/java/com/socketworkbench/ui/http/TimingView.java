package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.Timing;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * Where the time went ({@code timing}): a waterfall of DNS, connect, TLS, request written, first byte and the rest,
 * each with its duration, then the total and the bytes sent and received.
 */
final class TimingView {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final double BAR_WIDTH = 96;

    private final GridPane grid = new GridPane();
    private final Label title = new Label(TEXT.get("timing.title"));
    private final Label empty = new Label(TEXT.get("timing.empty"));
    private final VBox root;

    TimingView() {
        grid.getStyleClass().add("timing-grid");
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bars = new ColumnConstraints(BAR_WIDTH);
        ColumnConstraints values = new ColumnConstraints();
        values.setHalignment(HPos.RIGHT);
        values.setMinWidth(Region.USE_PREF_SIZE);
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, bars, values);
        title.getStyleClass().add("section-title");
        empty.getStyleClass().add("muted-label");
        empty.setWrapText(true);
        root = new VBox(6, title, empty);
        root.setId("timing");
        root.getStyleClass().add("timing");
    }

    Node view() {
        return root;
    }

    void show(HttpExchange exchange) {
        if (exchange == null) {
            root.getChildren().setAll(title, empty);
            return;
        }
        grid.getChildren().clear();
        Timing timing = exchange.timing();
        long totalNanos = Math.max(1, timing.total().toNanos());
        List<TimingRows.Row> rows = TimingRows.of(timing);
        int r = 0;
        for (TimingRows.Row row : rows) {
            grid.addRow(r++, label(row.label(), "timing-label"), bar(row, totalNanos),
                    label(TimingRows.format(row.length()), "timing-value"));
        }
        Label total = label(TEXT.get("timing.total"), "timing-total");
        Region totalBar = new Region();
        totalBar.getStyleClass().addAll("timing-bar", "timing-bar-total");
        totalBar.setPrefSize(BAR_WIDTH, 6);
        totalBar.setMaxSize(BAR_WIDTH, 6);
        grid.addRow(r++, total, totalBar, label(TimingRows.format(timing.total()), "timing-total"));
        grid.addRow(r++, label(TEXT.get("timing.sent"), "timing-label"), label(exchange.connectionReused()
                ? TEXT.get("timing.reused") : "", "timing-note"), label(bytes(exchange.bytesSent()), "timing-value"));
        grid.addRow(r, label(TEXT.get("timing.received"), "timing-label"), new Region(), label(bytes(exchange.bytesReceived()),
                "timing-value"));
        root.getChildren().setAll(title, grid);
    }

    private static Node bar(TimingRows.Row row, long totalNanos) {
        Pane track = new Pane();
        track.getStyleClass().add("timing-track");
        track.setPrefSize(BAR_WIDTH, 10);
        track.setMinSize(BAR_WIDTH, 10);
        track.setMaxSize(BAR_WIDTH, 10);
        if (!row.length().isZero()) {
            Region bar = new Region();
            bar.getStyleClass().addAll("timing-bar", "timing-bar-" + row.phase());
            // Unmanaged: a Pane would otherwise resize the bar to its preferred size on every layout pass.
            bar.setManaged(false);
            double x = BAR_WIDTH * row.start().toNanos() / totalNanos;
            double width = Math.max(2, BAR_WIDTH * row.length().toNanos() / totalNanos);
            bar.resizeRelocate(Math.min(x, BAR_WIDTH - 2), 1, Math.min(width, BAR_WIDTH - Math.min(x, BAR_WIDTH - 2)),
                    8);
            track.getChildren().add(bar);
        }
        return track;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String bytes(long count) {
        return TEXT.get("timing.bytes", String.format(Locale.ROOT, "%,d", count));
    }
}
