package com.socketworkbench.ui.tools;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

import java.util.function.Function;

/** Text columns for the result tables: fixed values computed from the row, optionally wrapped over lines. */
final class Columns {
    private Columns() {
    }

    static <T> TableColumn<T, String> text(String title, double prefWidth, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(prefWidth);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue() == null ? ""
                : value.apply(data.getValue())));
        return column;
    }

    /** A column in the monospace font (addresses, ports). */
    static <T> TableColumn<T, String> mono(String title, double prefWidth, Function<T, String> value) {
        TableColumn<T, String> column = text(title, prefWidth, value);
        column.getStyleClass().add("mono-column");
        return column;
    }

    /** A column whose text wraps at the column width and may hold several lines. */
    static <T> TableColumn<T, String> wrapping(String title, double prefWidth, Function<T, String> value) {
        TableColumn<T, String> column = text(title, prefWidth, value);
        column.setCellFactory(col -> new WrappingCell<>());
        return column;
    }

    private static final class WrappingCell<T> extends TableCell<T, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("wrapping-cell-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(14));
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                text.setText(item);
                setGraphic(text);
            }
        }
    }
}
