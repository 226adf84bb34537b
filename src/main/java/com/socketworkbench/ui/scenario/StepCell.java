package com.socketworkbench.ui.scenario;

import static com.socketworkbench.ui.scenario.ScenarioTab.TEXT;

import com.socketworkbench.engine.scenario.Step;
import com.socketworkbench.engine.scenario.StepStatus;
import com.socketworkbench.engine.text.DurationText;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * One step in the list: its status as a badge (pending, running, passed, failed, skipped, stopped; coloured by the
 * {@code step-<status>} style), its number and description (indented inside a repeat), the time it took or the
 * iteration it is at, and under a failure why and what arrived instead, as text and as hex.
 */
final class StepCell extends ListCell<StepRow> {
    private final Label status = new Label();
    private final Label description = new Label();
    private final Label detail = new Label();
    private final Label failure = new Label();
    private final Label receivedText = new Label();
    private final Label receivedHex = new Label();
    private final VBox box;

    StepCell() {
        status.getStyleClass().add("step-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        description.getStyleClass().add("step-description");
        description.setMaxWidth(Double.MAX_VALUE);
        description.setMinWidth(0);
        HBox.setHgrow(description, Priority.ALWAYS);
        detail.getStyleClass().add("step-detail");
        detail.setMinWidth(Region.USE_PREF_SIZE);
        failure.getStyleClass().add("step-failure");
        failure.setWrapText(true);
        receivedText.getStyleClass().addAll("step-received", "mono");
        receivedText.setWrapText(true);
        receivedHex.getStyleClass().addAll("step-received", "mono");
        receivedHex.setWrapText(true);
        HBox line = new HBox(8, status, description, detail);
        line.setFillHeight(false);
        box = new VBox(2, line, failure, receivedText, receivedHex);
        for (Label label : new Label[]{failure, receivedText, receivedHex}) {
            label.managedProperty().bind(label.visibleProperty());
            label.setMinHeight(Region.USE_PREF_SIZE);
            // Wrapping labels take the cell's width, not their text's, so a long reply wraps instead of widening.
            label.prefWidthProperty().bind(widthProperty().subtract(24));
        }
        setText(null);
    }

    @Override
    protected void updateItem(StepRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeIf(style -> style.startsWith("step-"));
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        Step step = row.step();
        String state = row.status().name().toLowerCase(Locale.ROOT);
        getStyleClass().add("step-" + state);
        status.setText(TEXT.get("status." + state));
        description.setText(TEXT.get("step.line", step.index() + 1, step.describe()));
        description.setPadding(new javafx.geometry.Insets(0, 0, 0, step.depth() * 16));
        detail.setText(detail(row));
        boolean failed = row.message() != null && row.status() != StepStatus.PASSED;
        failure.setVisible(failed);
        failure.setText(failed ? row.message() : "");
        // Most failures already quote what arrived (the command line prints only the message): said once is enough.
        boolean quoted = !row.receivedHex().isEmpty() && row.message().contains(row.receivedHex());
        receivedText.setVisible(failed && !quoted && !row.receivedText().isEmpty());
        receivedText.setText(TEXT.get("received.text", row.receivedText()));
        receivedHex.setVisible(failed && !quoted && !row.receivedHex().isEmpty());
        receivedHex.setText(TEXT.get("received.hex", row.receivedHex()));
        setGraphic(box);
    }

    private static String detail(StepRow row) {
        String iteration = row.iteration() > 0 && row.step().depth() > 0
                ? TEXT.get("detail.iteration", String.format("%,d", row.iteration())) : "";
        if (row.step() instanceof Step.Repeat && row.iteration() > 0) {
            iteration = TEXT.get("detail.iterations", String.format("%,d", row.iteration()));
        }
        String took = row.took() == null ? "" : DurationText.of(row.took());
        return iteration.isEmpty() ? took : took.isEmpty() ? iteration : TEXT.get("detail.both", iteration, took);
    }
}
