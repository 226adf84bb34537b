package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.tools.Resolver.NotResolved;
import com.socketworkbench.engine.tools.Resolver.Resolved;
import com.socketworkbench.engine.tools.Resolver.ReverseOutcome;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The resolve card ({@code #resolveCard}): a name to every address the resolver returns (in the order connect()
 * tries them), and an address back to its name. Both run in the background; the buttons turn into Cancel meanwhile.
 */
final class ResolveCard {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private final Node view;

    ResolveCard(ResolveModel model, Subscriptions subscriptions) {
        view = CardLayout.card(Tool.RESOLVE, forward(model, subscriptions), backward(model, subscriptions));
    }

    private static VBox forward(ResolveModel model, Subscriptions subscriptions) {
        TextField name = CardLayout.input("resolveName", TEXT.get("resolve.name.prompt"),
                TEXT.get("resolve.name.tooltip"));
        subscriptions.bindBidirectional(name.textProperty(), model.nameProperty());
        Button button = new Button(TEXT.get("resolve.lookUp"));
        button.setId("resolveButton");
        button.getStyleClass().add("accent");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> model.toggleResolve());
        name.setOnAction(event -> {
            if (!model.resolvingProperty().get()) {
                model.toggleResolve();
            }
        });
        subscriptions.subscribe(model.resolvingProperty(), running -> {
            button.setText(TEXT.get(running ? "common.cancel" : "resolve.lookUp"));
            button.getStyleClass().removeAll("accent", "danger");
            button.getStyleClass().add(running ? "danger" : "accent");
        });
        subscriptions.bind(button.disableProperty(), Bindings.createBooleanBinding(
                () -> !model.resolvingProperty().get() && (name.getText() == null || name.getText().isBlank()),
                model.resolvingProperty(), name.textProperty()));
        var timeout = Spinners.timeoutSeconds("resolveTimeout", CardLayout.MAX_TIMEOUT_SECONDS,
                model.timeoutSecondsProperty(), TEXT.get("resolve.timeout.tooltip"), subscriptions);

        Label summary = new Label();
        summary.setId("resolveSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("result-summary");
        Label error = CardLayout.inlineError("resolveError");
        Label detail = CardLayout.inlineNote("resolveDetail");

        TableView<AddressRow> table = new TableView<>(model.addresses());
        table.setId("resolveResult");
        table.getColumns().add(Columns.mono(TEXT.get("resolve.column.address"), 300, AddressRow::address));
        table.getColumns().add(Columns.text(TEXT.get("resolve.column.family"), 70, AddressRow::family));
        table.getColumns().add(Columns.text(TEXT.get("resolve.column.kind"), 300, AddressRow::kind));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(TEXT.get("resolve.placeholder")));
        table.setPrefHeight(170);
        table.setMinHeight(110);
        Tips.install(table, TEXT.get("resolve.table.tooltip"));
        TableCopy.install(table, row -> row.address() + "\t" + row.family() + "\t" + row.kind());
        table.setRowFactory(t -> {
            TableRow<AddressRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                    model.reverseAddressProperty().set(row.getItem().address());
                    if (!model.reversingProperty().get()) {
                        model.toggleReverse();
                    }
                }
            });
            return row;
        });

        subscriptions.subscribe(model.resolutionProperty(), result -> {
            switch (result) {
                case null -> {
                    error.setText("");
                    detail.setText("");
                }
                case Resolved resolved -> {
                    error.setText("");
                    detail.setText("");
                }
                case NotResolved failed -> {
                    error.setText(failed.message());
                    detail.setText(failed.detail() == null ? "" : TEXT.get("resolve.resolverSaid", failed.detail()));
                }
            }
        });
        subscriptions.bind(summary.textProperty(), Bindings.createStringBinding(() -> {
            if (model.resolvingProperty().get()) {
                return TEXT.get("resolve.lookingUp", model.nameProperty().get().strip());
            }
            return model.resolutionProperty().get() instanceof Resolved resolved ? resolved.summary() : "";
        }, model.resolvingProperty(), model.resolutionProperty()));
        subscriptions.bind(summary.managedProperty(), summary.textProperty().isNotEmpty());
        subscriptions.bind(summary.visibleProperty(), summary.managedProperty());

        VBox section = CardLayout.section(TEXT.get("resolve.section.forward"), TEXT.get("resolve.section.forward.caption"),
                CardLayout.row(CardLayout.grow(name), CardLayout.labelledInline(TEXT.get("common.timeoutSeconds"),
                        timeout), button),
                summary, error, detail, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return section;
    }

    private static VBox backward(ResolveModel model, Subscriptions subscriptions) {
        TextField address = CardLayout.input("reverseAddress", TEXT.get("resolve.reverse.prompt"),
                TEXT.get("resolve.reverse.tooltip"));
        subscriptions.bindBidirectional(address.textProperty(), model.reverseAddressProperty());
        Button button = new Button(TEXT.get("resolve.findName"));
        button.setId("reverseButton");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> model.toggleReverse());
        address.setOnAction(event -> {
            if (!model.reversingProperty().get()) {
                model.toggleReverse();
            }
        });
        subscriptions.subscribe(model.reversingProperty(), running -> button.setText(TEXT.get(running ? "common.cancel" : "resolve.findName")));
        subscriptions.bind(button.disableProperty(), Bindings.createBooleanBinding(
                () -> !model.reversingProperty().get() && (address.getText() == null || address.getText().isBlank()),
                model.reversingProperty(), address.textProperty()));

        ResultGrid grid = new ResultGrid("reverseGrid");
        TextField name = grid.add(TEXT.get("resolve.reverse.hostName"), "reverseResult",
                TEXT.get("resolve.reverse.hostName.hint"));
        Label message = new Label();
        message.setId("reverseMessage");
        message.setWrapText(true);
        subscriptions.subscribe(model.reverseProperty(), result -> {
            name.setText(result == null || result.name() == null ? "" : result.name());
            message.setText(result == null ? model.reversingProperty().get() ? TEXT.get("resolve.reverse.lookingUp") : ""
                    : TEXT.get("resolve.reverse.result", result.message(), DurationText.of(result.elapsed())));
            message.getStyleClass().removeAll("field-error", "tool-note");
            message.getStyleClass().add(result != null && (result.outcome() == ReverseOutcome.INVALID_INPUT
                    || result.outcome() == ReverseOutcome.TIMEOUT) ? "field-error" : "tool-note");
        });
        return CardLayout.section(TEXT.get("resolve.section.reverse"), TEXT.get("resolve.section.reverse.caption"),
                CardLayout.row(CardLayout.grow(address), button), grid.view(), message);
    }

    Node view() {
        return view;
    }
}
