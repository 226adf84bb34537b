package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The HTTP tab's history ({@code history}) under its bar with what it holds against its budgets
 * ({@code historyUsage}), Load into editor ({@code loadRequest}) and Clear ({@code clearHistory}). The selected entry
 * is the one the response area shows, both ways.
 */
final class HistoryPane {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final ListView<HistoryEntry> history = new ListView<>();
    private final VBox root;

    HistoryPane(HttpViewModel model, Subscriptions subscriptions) {
        history.setId("history");
        history.getStyleClass().add("history");
        history.setItems(model.history());
        history.setCellFactory(view -> new HistoryCell());
        history.setFixedCellSize(22);
        Label empty = new Label(TEXT.get("history.empty", HttpViewModel.HISTORY_LIMIT));
        empty.getStyleClass().add("placeholder-label");
        empty.setWrapText(true);
        history.setPlaceholder(empty);
        history.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null && entry != model.shownProperty().get()) {
                model.shownProperty().set(entry);
            }
        });
        subscriptions.subscribe(model.shownProperty(), entry -> {
            if (entry == null) {
                history.getSelectionModel().clearSelection();
            } else if (history.getSelectionModel().getSelectedItem() != entry) {
                history.getSelectionModel().select(entry);
            }
        });

        Button load = new Button(TEXT.get("history.load"));
        load.setId("loadRequest");
        load.getStyleClass().add("small-button");
        Tips.install(load, TEXT.get("history.load.tooltip"));
        load.setOnAction(event -> model.loadIntoEditor(history.getSelectionModel().getSelectedItem()));
        subscriptions.bind(load.disableProperty(), history.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        Button clear = new Button(TEXT.get("history.clear"));
        clear.setId("clearHistory");
        clear.getStyleClass().add("small-button");
        clear.setOnAction(event -> model.clearHistory());
        subscriptions.bind(clear.disableProperty(), Bindings.isEmpty(model.history()));

        Label title = new Label(TEXT.get("history.title"));
        title.getStyleClass().add("section-title");
        Label usage = new Label();
        usage.setId("historyUsage");
        usage.getStyleClass().add("muted-label");
        // Its own line under the bar: beside the title and the buttons it squeezed them to "..." in a narrow pane.
        usage.setWrapText(true);
        usage.setMinHeight(Region.USE_PREF_SIZE);
        Tips.install(usage, TEXT.get("history.usage.tooltip"));

        subscriptions.subscribe(model.historyUsageProperty(), now -> usage.setText(now.describe()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox historyBar = new HBox(6, title, spacer, load, clear);
        historyBar.setAlignment(Pos.CENTER_LEFT);
        historyBar.getStyleClass().add("history-bar");
        root = new VBox(2, historyBar, usage, history);
        VBox.setVgrow(history, Priority.ALWAYS);
    }

    Node view() {
        return root;
    }
}
