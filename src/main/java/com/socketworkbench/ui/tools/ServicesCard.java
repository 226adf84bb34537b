package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.PortRanges.KernelPorts;
import com.socketworkbench.engine.tools.PortRanges.PortClass;
import com.socketworkbench.engine.tools.PortRanges.Range;
import com.socketworkbench.engine.tools.ServiceTable;
import com.socketworkbench.engine.tools.ServiceTable.ServiceEntry;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The services card ({@code #servicesCard}): getservbyname / getservbyport answered from the services table as the
 * query is typed, the matching table lines, and what the port number means (IANA range, Linux's ephemeral range).
 */
final class ServicesCard {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private final Node view;
    private final ObservableList<ServiceEntry> rows = FXCollections.observableArrayList();

    ServicesCard(ServicesModel model, Subscriptions subscriptions) {
        TextField query = CardLayout.input("serviceQuery", TEXT.get("services.query.prompt"),
                TEXT.get("services.query.tooltip"));
        subscriptions.bindBidirectional(query.textProperty(), model.queryProperty());
        ComboBox<ServicesModel.Protocol> protocol = new ComboBox<>(
                FXCollections.observableArrayList(ServicesModel.Protocol.values()));
        protocol.setId("serviceProtocol");
        Tips.install(protocol, TEXT.get("services.protocol.tooltip"));
        subscriptions.bindBidirectional(protocol.valueProperty(), model.protocolProperty());
        Label error = CardLayout.inlineError("serviceError");

        Label call = new Label();
        call.setId("serviceCall");
        call.getStyleClass().addAll("service-call", "mono");
        Label answer = new Label();
        answer.setId("serviceSummary");
        answer.getStyleClass().addAll("service-answer", "mono");
        answer.setWrapText(true);
        HBox callRow = CardLayout.row(call, answer);
        Label source = new Label(TEXT.get("services.reading"));
        source.setId("serviceSource");
        source.getStyleClass().add("tool-note");

        TableView<ServiceEntry> table = new TableView<>(rows);
        table.setId("serviceResult");
        table.getColumns().add(Columns.mono(TEXT.get("services.column.name"), 150, ServiceEntry::name));
        table.getColumns().add(Columns.mono(TEXT.get("services.column.portProtocol"), 110, ServiceEntry::portAndProtocol));
        table.getColumns().add(Columns.mono(TEXT.get("services.column.aliases"), 150, e -> String.join(" ", e.aliases())));
        table.getColumns().add(Columns.text(TEXT.get("services.column.comment"), 320, e -> e.comment() == null ? "" : e.comment()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(TEXT.get("services.placeholder")));
        table.setPrefHeight(220);
        table.setMinHeight(140);
        TableCopy.install(table, e -> e.name() + "\t" + e.portAndProtocol() + "\t" + String.join(" ", e.aliases())
                + "\t" + (e.comment() == null ? "" : e.comment()));
        VBox.setVgrow(table, Priority.ALWAYS);

        subscriptions.subscribe(model.answerProperty(), parsed -> {
            ServiceAnswer result = parsed.valueOrNull();
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(query, !parsed.errorOrEmpty().isEmpty());
            rows.setAll(result == null ? List.of() : result.entries());
            call.setText(result == null || result.call().isEmpty() ? "" : result.call() + " →");
            answer.setText(result == null ? "" : result.answer());
            answer.getStyleClass().remove("not-found");
            if (result != null && !result.found()) {
                answer.getStyleClass().add("not-found");
            }
        });
        subscriptions.subscribe(model.tableProperty(), loaded -> source.setText(sourceText(loaded)));

        VBox lookup = CardLayout.section(TEXT.get("services.section.lookup"), TEXT.get("services.section.lookup.caption"),
                CardLayout.row(CardLayout.grow(query), protocol), error, callRow, source, table);
        VBox.setVgrow(lookup, Priority.ALWAYS);
        view = CardLayout.card(Tool.SERVICES, lookup, rangeSection(model, subscriptions));
    }

    private static String sourceText(ServiceTable table) {
        if (table == null) {
            return TEXT.get("services.reading");
        }
        if (!table.source().startsWith("/")) {
            return TEXT.get("services.source.builtIn", table.entries().size());
        }
        return table.problems().isEmpty() ? TEXT.get("services.source.file", table.source(), table.entries().size())
                : TEXT.get("services.source.fileSkipped", table.source(), table.entries().size(),
                table.problems().size());
    }

    private VBox rangeSection(ServicesModel model, Subscriptions subscriptions) {
        Map<Range, Label> segments = new EnumMap<>(Range.class);
        HBox bar = new HBox(2);
        bar.setId("portRangeBar");
        bar.getStyleClass().add("port-range-bar");
        for (Range range : Range.values()) {
            Label segment = new Label(switch (range) {
                case WELL_KNOWN -> TEXT.get("ports.segment.wellKnown");
                case REGISTERED -> TEXT.get("ports.segment.registered");
                case DYNAMIC -> TEXT.get("ports.segment.dynamic");
            });
            segment.getStyleClass().add("port-range-segment");
            // Equal thirds: a legend, not a scale (to scale, 0–1023 would be a sliver).
            segment.setMinWidth(0);
            segment.setPrefWidth(1);
            segment.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(segment, Priority.ALWAYS);
            segments.put(range, segment);
            bar.getChildren().add(segment);
        }
        Label label = new Label();
        label.setId("portRange");
        label.getStyleClass().add("port-range-label");
        Label explanation = new Label();
        explanation.setId("portRangeExplanation");
        explanation.setWrapText(true);
        Label ephemeral = CardLayout.inlineNote("ephemeralRange");

        subscriptions.subscribe(model.answerProperty(), parsed -> {
            ServiceAnswer result = parsed.valueOrNull();
            PortClass portClass = result == null ? null : result.portClass();
            segments.forEach((range, segment) -> {
                segment.getStyleClass().remove("current");
                if (portClass != null && portClass.range() == range) {
                    segment.getStyleClass().add("current");
                }
            });
            label.setText(portClass == null ? TEXT.get("ports.hint")
                    : TEXT.get(portClass.inEphemeral() ? "ports.classEphemeral" : "ports.class", portClass.port(),
                    portClass.label()));
            explanation.setText(portClass == null ? "" : portClass.explanation());
        });
        subscriptions.subscribe(model.kernelProperty(), kernel -> ephemeral.setText(ephemeralText(kernel)));
        subscriptions.bind(explanation.managedProperty(), Bindings.isNotEmpty(explanation.textProperty()));
        subscriptions.bind(explanation.visibleProperty(), explanation.managedProperty());
        return CardLayout.section(TEXT.get("ports.section"), TEXT.get("ports.section.caption"), bar, label, explanation, ephemeral);
    }

    private static String ephemeralText(KernelPorts kernel) {
        return kernel.ephemeral().map(range -> TEXT.get("ports.ephemeral", range)).orElse("");
    }

    Node view() {
        return view;
    }
}
