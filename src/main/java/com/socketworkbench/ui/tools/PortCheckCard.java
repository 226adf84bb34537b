package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.tools.PortCheck.Status;
import com.socketworkbench.engine.tools.PortCheck;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The port check card ({@code #portCheckCard}): host, port and timeout, one Check button, the outcome in words with
 * a coloured status, what each outcome means on the wire, and the checks made so far.
 */
final class PortCheckCard {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private final Node view;

    PortCheckCard(PortCheckModel model, Subscriptions subscriptions) {
        HostField host = new HostField("portCheckHost", model.host(), subscriptions);
        PortField port = new PortField("portCheckPort", model.port(), subscriptions);
        var timeout = Spinners.timeoutSeconds("portCheckTimeout", CardLayout.MAX_TIMEOUT_SECONDS,
                model.timeoutSecondsProperty(), TEXT.get("check.timeout.tooltip"), subscriptions);

        Button check = new Button(TEXT.get("check.button"));
        check.setId("portCheckButton");
        check.setMinWidth(90);
        check.setOnAction(event -> model.toggle());
        host.field().setOnAction(event -> check.fire());
        port.field().setOnAction(event -> check.fire());
        subscriptions.subscribe(model.runningProperty(), running -> {
            check.setText(TEXT.get(running ? "common.cancel" : "check.button"));
            check.getStyleClass().removeAll("accent", "danger");
            check.getStyleClass().add(running ? "danger" : "accent");
        });
        subscriptions.bind(check.disableProperty(), Bindings.createBooleanBinding(
                () -> !model.runningProperty().get() && !model.canCheckProperty().get(),
                model.runningProperty(), model.canCheckProperty()));
        Tips.install(check, TEXT.get("check.button.tooltip"));

        FlowPane messages = TabLayout.messageRow("port-check-messages", subscriptions, host.messageLabel(),
                port.messageLabel());

        Label status = new Label();
        status.setId("portCheckStatus");
        status.getStyleClass().add("status-chip");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label result = new Label(TEXT.get("check.notYet"));
        result.setId("portCheckResult");
        result.setWrapText(true);
        result.getStyleClass().add("result-summary");
        HBox outcome = CardLayout.row(status, CardLayout.grow(result));
        subscriptions.bind(result.textProperty(), Bindings.createStringBinding(() -> {
            PortCheck.Result last = model.resultProperty().get();
            if (model.runningProperty().get()) {
                return TEXT.get("check.connecting", model.host().host(), model.port().port());
            }
            return last == null ? model.summaryProperty().get().isEmpty() ? TEXT.get("check.notYet")
                    : model.summaryProperty().get() : last.message();
        }, model.resultProperty(), model.runningProperty(), model.summaryProperty()));
        subscriptions.subscribe(model.resultProperty(), last -> {
            status.getStyleClass().removeIf(style -> style.startsWith("status-") && !style.equals("status-chip"));
            status.setText(last == null ? "" : statusText(last.status()));
            status.setVisible(last != null);
            status.setManaged(last != null);
            if (last != null) {
                status.getStyleClass().add("status-" + last.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        });

        HBox inputs = CardLayout.row(CardLayout.grow(CardLayout.labelled(TEXT.get("check.host"), host.field())),
                CardLayout.labelled(TEXT.get("check.port"), port.field()),
                CardLayout.labelled(TEXT.get("common.timeoutSeconds"), timeout), check);
        inputs.setAlignment(Pos.BOTTOM_LEFT);
        VBox connect = CardLayout.section(TEXT.get("check.section.connect"), TEXT.get("check.section.connect.caption"), inputs,
                messages, outcome);

        TableView<PortCheckRow> history = new TableView<>(model.history());
        history.setId("portCheckHistory");
        history.getColumns().add(Columns.mono(TEXT.get("check.column.time"), 90, row -> Formats.clock(row.at())));
        history.getColumns().add(Columns.mono(TEXT.get("check.column.target"), 200, PortCheckRow::target));
        history.getColumns().add(Columns.text(TEXT.get("check.column.outcome"), 100, row -> statusText(row.result().status())));
        history.getColumns().add(Columns.mono(TEXT.get("check.column.took"), 80, row -> DurationText.of(row.result().elapsed())));
        history.getColumns().add(Columns.text(TEXT.get("check.column.details"), 380, row -> row.result().message()));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label(TEXT.get("check.history.placeholder")));
        history.setPrefHeight(160);
        history.setMinHeight(100);
        TableCopy.install(history, row -> Formats.clock(row.at()) + "\t" + row.target() + "\t"
                + statusText(row.result().status()) + "\t" + DurationText.of(row.result().elapsed()) + "\t"
                + row.result().message());
        VBox historySection = CardLayout.section(TEXT.get("check.section.history"), null, history);
        VBox.setVgrow(history, Priority.ALWAYS);

        view = CardLayout.card(Tool.PORT_CHECK, connect, legend(), historySection);
    }

    /** What the outcomes mean at the TCP level, and what connect_ex() returns for each. */
    private static VBox legend() {
        GridPane grid = new GridPane();
        grid.setId("portCheckLegend");
        grid.setHgap(12);
        grid.setVgap(4);
        Status[] rows = {Status.OPEN, Status.REFUSED, Status.TIMED_OUT, Status.UNKNOWN_HOST};
        for (int i = 0; i < rows.length; i++) {
            Label chip = new Label(statusText(rows[i]));
            chip.getStyleClass().addAll("status-chip", "status-" + rows[i].name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
            chip.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(TEXT.get("check.legend." + rows[i].name().toLowerCase(Locale.ROOT)));
            text.setWrapText(true);
            text.getStyleClass().add("tool-note");
            grid.addRow(i, chip, text);
        }
        return CardLayout.section(TEXT.get("check.section.legend"), null, grid);
    }

    private static String statusText(Status status) {
        return switch (status) {
            case OPEN -> TEXT.get("check.status.open");
            case REFUSED -> TEXT.get("check.status.refused");
            case TIMED_OUT -> TEXT.get("check.status.timedOut");
            case UNKNOWN_HOST -> TEXT.get("check.status.unknownHost");
            case UNREACHABLE -> TEXT.get("check.status.unreachable");
            case INVALID_INPUT -> TEXT.get("check.status.invalidInput");
            case ERROR -> TEXT.get("check.status.error");
        };
    }

    Node view() {
        return view;
    }
}
