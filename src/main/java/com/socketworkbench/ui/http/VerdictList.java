package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.Severity;
import com.socketworkbench.engine.http.Verdict;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The verdicts on the shown response ({@code verdicts}: as many rows high as there are verdicts up to
 * {@value #MAX_ROWS}, scrolling beyond; hidden while there are none) and
 * their count by severity for the status row ({@code verdictSummary}). Choosing or clicking a verdict hands it to
 * the response view, which jumps the raw hex view to its byte.
 */
final class VerdictList {
    /** The list grows row by row up to this many, then scrolls: every verdict stays reachable, none is cut. */
    static final int MAX_ROWS = 6;
    static final double ROW_HEIGHT = 24;
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final Label summary = new Label();
    private final ListView<Verdict> list = new ListView<>();

    VerdictList(Consumer<Verdict> onChosen) {
        summary.setId("verdictSummary");
        summary.getStyleClass().add("verdict-summary");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        list.setId("verdicts");
        list.getStyleClass().add("verdicts");
        list.setCellFactory(view -> new VerdictCell());
        list.setFixedCellSize(ROW_HEIGHT);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, verdict) -> onChosen.accept(verdict));
        list.setOnMouseClicked(event -> onChosen.accept(list.getSelectionModel().getSelectedItem()));
    }

    /** Shows {@code verdicts} (none for an exchange without a response). */
    void show(List<Verdict> verdicts) {
        // Emptied first, so no selection survives into the new list (a selected verdict would jump the view).
        list.getItems().clear();
        list.getItems().addAll(verdicts);
        int count = verdicts.size();
        long errors = verdicts.stream().filter(v -> v.severity() == Severity.ERROR).count();
        long warnings = verdicts.stream().filter(v -> v.severity() == Severity.WARNING).count();
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add("✖ " + TEXT.get(errors == 1 ? "verdicts.errors.one" : "verdicts.errors.other", errors));
        }
        if (warnings > 0) {
            parts.add("⚠ " + TEXT.get(warnings == 1 ? "verdicts.warnings.one" : "verdicts.warnings.other",
                    warnings));

        }
        summary.setText(String.join("  ", parts));
        summary.getStyleClass().removeAll("has-errors", "has-warnings");
        summary.getStyleClass().add(errors > 0 ? "has-errors" : "has-warnings");
        summary.setVisible(!parts.isEmpty());
        summary.setManaged(!parts.isEmpty());
        list.setVisible(count > 0);
        list.setManaged(count > 0);
        double height = Math.min(count, MAX_ROWS) * ROW_HEIGHT + 4;
        list.setPrefHeight(height);
        list.setMinHeight(height);
        list.setMaxHeight(height);
    }

    /** The count by severity, for the status row. */
    Label summary() {
        return summary;
    }

    ListView<Verdict> list() {
        return list;
    }
}
