package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.tools.PortCheck.Status;
import com.socketworkbench.engine.tools.PortCheck;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
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
    private final Node view;

    PortCheckCard(PortCheckModel model, Subscriptions subscriptions) {
        HostField host = new HostField("portCheckHost", model.host(), subscriptions);
        PortField port = new PortField("portCheckPort", model.port(), subscriptions);
        var timeout = Spinners.timeoutSeconds("portCheckTimeout", CardLayout.MAX_TIMEOUT_SECONDS,
                model.timeoutSecondsProperty(), "Give up when nothing answers within this many seconds", subscriptions);

        Button check = new Button("Check");
        check.setId("portCheckButton");
        check.setMinWidth(90);
        check.setOnAction(event -> model.toggle());
        host.field().setOnAction(event -> check.fire());
        port.field().setOnAction(event -> check.fire());
        subscriptions.subscribe(model.runningProperty(), running -> {
            check.setText(running ? "Cancel" : "Check");
            check.getStyleClass().removeAll("accent", "danger");
            check.getStyleClass().add(running ? "danger" : "accent");
        });
        subscriptions.bind(check.disableProperty(), Bindings.createBooleanBinding(
                () -> !model.runningProperty().get() && !model.canCheckProperty().get(),
                model.runningProperty(), model.canCheckProperty()));
        check.setTooltip(new Tooltip("Open a TCP connection and close it at once; nothing is sent"));

        FlowPane messages = new FlowPane(16, 4, host.messageLabel(), port.messageLabel());
        subscriptions.bind(messages.managedProperty(), host.messageLabel().visibleProperty()
                .or(port.messageLabel().visibleProperty()));
        subscriptions.bind(messages.visibleProperty(), messages.managedProperty());

        Label status = new Label();
        status.setId("portCheckStatus");
        status.getStyleClass().add("status-chip");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label result = new Label("Not checked yet");
        result.setId("portCheckResult");
        result.setWrapText(true);
        result.getStyleClass().add("result-summary");
        HBox outcome = CardLayout.row(status, CardLayout.grow(result));
        subscriptions.bind(result.textProperty(), Bindings.createStringBinding(() -> {
            PortCheck.Result last = model.resultProperty().get();
            if (model.runningProperty().get()) {
                return "Connecting to " + model.host().host() + ":" + model.port().port() + "…";
            }
            return last == null ? model.summaryProperty().get().isEmpty() ? "Not checked yet"
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

        HBox inputs = CardLayout.row(CardLayout.grow(CardLayout.labelled("Host", host.field())),
                CardLayout.labelled("Port", port.field()), CardLayout.labelled("Timeout (s)", timeout), check);
        inputs.setAlignment(Pos.BOTTOM_LEFT);
        VBox connect = CardLayout.section("Connect", "s.settimeout(t); s.connect_ex((host, port))", inputs,
                messages, outcome);

        TableView<PortCheckRow> history = new TableView<>(model.history());
        history.setId("portCheckHistory");
        history.getColumns().add(Columns.mono("Time", 90, row -> Formats.clock(row.at())));
        history.getColumns().add(Columns.mono("Target", 200, PortCheckRow::target));
        history.getColumns().add(Columns.text("Outcome", 100, row -> statusText(row.result().status())));
        history.getColumns().add(Columns.mono("Took", 80, row -> DurationText.of(row.result().elapsed())));
        history.getColumns().add(Columns.text("Details", 380, row -> row.result().message()));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label("Checks appear here"));
        history.setPrefHeight(160);
        history.setMinHeight(100);
        TableCopy.install(history, row -> Formats.clock(row.at()) + "\t" + row.target() + "\t"
                + statusText(row.result().status()) + "\t" + DurationText.of(row.result().elapsed()) + "\t"
                + row.result().message());
        VBox historySection = CardLayout.section("Checks so far", null, history);
        VBox.setVgrow(history, Priority.ALWAYS);

        view = CardLayout.card(Tool.PORT_CHECK, connect, legend(), historySection);
    }

    /** What the outcomes mean at the TCP level, and what connect_ex() returns for each. */
    private static VBox legend() {
        GridPane grid = new GridPane();
        grid.setId("portCheckLegend");
        grid.setHgap(12);
        grid.setVgap(4);
        String[][] rows = {
                {"open", "The three-way handshake completed (SYN → SYN-ACK → ACK): a program is listening."
                        + " connect_ex() returns 0."},
                {"refused", "The host answered the SYN with a reset (RST): it is up, but nothing listens on that"
                        + " port. connect() raises ConnectionRefusedError; connect_ex() returns ECONNREFUSED"
                        + " (111 on Linux)."},
                {"timed out", "No answer at all: a firewall drops the packets silently, or the host is down."
                        + " connect() raises TimeoutError."},
                {"unknown host", "The name did not resolve, so no packet was sent. Python raises socket.gaierror."},
        };
        for (int i = 0; i < rows.length; i++) {
            Label chip = new Label(rows[i][0]);
            chip.getStyleClass().addAll("status-chip", "status-" + rows[i][0].replace(' ', '-'));
            chip.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(rows[i][1]);
            text.setWrapText(true);
            text.getStyleClass().add("tool-note");
            grid.addRow(i, chip, text);
        }
        return CardLayout.section("What the outcomes mean", null, grid);
    }

    private static String statusText(Status status) {
        return switch (status) {
            case OPEN -> "open";
            case REFUSED -> "refused";
            case TIMED_OUT -> "timed out";
            case UNKNOWN_HOST -> "unknown host";
            case UNREACHABLE -> "unreachable";
            case INVALID_INPUT -> "invalid input";
            case ERROR -> "error";
        };
    }

    Node view() {
        return view;
    }
}
