package com.socketworkbench.ui.tools;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A labelled grid of results. The values are read-only text fields, so every one can be selected and copied
 * (Ctrl+C, or the field's context menu), unlike labels.
 */
final class ResultGrid {
    private final GridPane grid = new GridPane();
    private int rows;

    ResultGrid(String id) {
        grid.setId(id);
        grid.getStyleClass().add("result-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(GridPane.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
    }

    /**
     * Adds a row and returns its value field.
     *
     * @param hint what the value is, shown as the row's tooltip (e.g. the Python expression that gives it)
     */
    TextField add(String label, String id, String hint) {
        Label name = new Label(label);
        name.getStyleClass().add("result-label");
        TextField value = new TextField();
        value.setId(id);
        value.setEditable(false);
        value.getStyleClass().addAll("result-value", "mono");
        name.setLabelFor(value);
        if (hint != null) {
            Tooltip tip = new Tooltip(hint);
            name.setTooltip(tip);
            value.setTooltip(tip);
        }
        grid.addRow(rows++, name, value);
        return value;
    }

    GridPane view() {
        return grid;
    }
}
