package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

import java.nio.charset.Charset;

/**
 * The provisional rows under the timeline ({@code provisionalRows}): per connection, the bytes a delimiter framing
 * holds after the line fell silent, marked incomplete ("10 B · incomplete, waiting for the delimiter"). They sit
 * where the completed frame will appear and go when it does; hidden while there are none.
 */
final class ProvisionalRowsView {
    private static final Texts TEXT = TrafficTexts.TEXT;
    private static final double ROW_HEIGHT = TimelineView.ROW_HEIGHT;
    private static final int MAX_VISIBLE = 3;

    private final ListView<TimelineRow> list;

    ProvisionalRowsView(ObservableList<TimelineRow> rows, ObservableValue<Charset> charset,
                        Subscriptions subscriptions) {
        list = new ListView<>(rows);
        list.setId("provisionalRows");
        list.getStyleClass().addAll("provisional-rows", "mono");
        list.setFixedCellSize(ROW_HEIGHT);
        Tips.install(list, TEXT.get("provisional.tip"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : TEXT.get("provisional.row",
                        Formats.time(row.event().time()), EventText.peer(row.event()), EventText.size(row.event()),
                        EventText.preview(row.event(), charset.getValue())));
                getStyleClass().remove("row-incomplete");
                if (!empty && row != null) {
                    getStyleClass().add("row-incomplete");
                }
            }
        });
        ListChangeListener<TimelineRow> resize = change -> resize();
        rows.addListener(resize);
        subscriptions.add(() -> rows.removeListener(resize));
        subscriptions.listen(charset, (obs, old, cs) -> list.refresh());
        resize();
    }

    private void resize() {
        int count = list.getItems().size();
        double height = Math.min(count, MAX_VISIBLE) * ROW_HEIGHT + 2;
        list.setPrefHeight(height);
        list.setMinHeight(count == 0 ? 0 : height);
        list.setMaxHeight(height);
        list.setVisible(count > 0);
        list.setManaged(count > 0);
    }

    Node view() {
        return list;
    }

    ReadOnlyObjectProperty<TimelineRow> selectedProperty() {
        return list.getSelectionModel().selectedItemProperty();
    }

    TimelineRow selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    void clearSelection() {
        list.getSelectionModel().clearSelection();
    }

    ListView<TimelineRow> list() {
        return list;
    }
}
