package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.AddressConverter.Ipv4;
import com.socketworkbench.engine.tools.AddressConverter.Ipv6;
import com.socketworkbench.engine.tools.AddressLabel;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.geometry.VPos;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The address converter card ({@code #converterCard}): IPv4 and IPv6 side by side, each converted live into every
 * form, and below them what kind of address the last edited one is.
 */
final class ConverterCard {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private final ConverterModel model;
    private final Subscriptions subscriptions;
    private final Node view;

    ConverterCard(ConverterModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
        VBox ipv4 = ipv4Section();
        VBox ipv6 = ipv6Section();
        // IPv6's 16 bytes need more room than IPv4's 32 bits; both share what is left over equally.
        ipv4.setPrefWidth(410);
        ipv6.setPrefWidth(570);
        HBox conversions = new HBox(16, ipv4, ipv6);
        for (VBox section : List.of(ipv4, ipv6)) {
            HBox.setHgrow(section, Priority.ALWAYS);
            section.setMinWidth(0);
        }
        view = CardLayout.card(Tool.CONVERTER, conversions, classificationSection());
    }

    private VBox ipv4Section() {
        TextField input = CardLayout.input("ipv4Input", TEXT.get("converter.ipv4.prompt"),
                TEXT.get("converter.ipv4.tooltip"));
        subscriptions.bindBidirectional(input.textProperty(), model.ipv4InputProperty());
        subscriptions.subscribe(input.focusedProperty(), focused -> {
            if (focused) {
                model.sourceProperty().set(ConverterModel.Source.IPV4);
            }
        });
        Label readAs = CardLayout.inlineNote("ipv4ReadAs");
        Label error = CardLayout.inlineError("ipv4Error");
        Label note = CardLayout.inlineNote("ipv4Note");

        ResultGrid grid = new ResultGrid("ipv4Result");
        TextField dotted = grid.add(TEXT.get("converter.ipv4.dotted"), "ipv4Dotted", TEXT.get("converter.ipv4.dotted.hint"));
        TextField integer = grid.add(TEXT.get("converter.integer"), "ipv4Integer",
                TEXT.get("converter.ipv4.integer.hint"));
        TextField hex = grid.add(TEXT.get("converter.hex"), "ipv4Hex", TEXT.get("converter.ipv4.hex.hint"));
        TextField bytes = grid.add(TEXT.get("converter.bytes"), "ipv4Bytes",
                TEXT.get("converter.ipv4.bytes.hint"));
        TextField binary = grid.add(TEXT.get("converter.binary"), "ipv4Binary", TEXT.get("converter.ipv4.binary.hint"));
        TextField mapped = grid.add(TEXT.get("converter.ipv4.mapped"), "ipv4Mapped",
                TEXT.get("converter.ipv4.mapped.hint"));

        subscriptions.subscribe(model.ipv4Property(), parsed -> {
            Ipv4Reading reading = parsed.valueOrNull();
            Ipv4 address = reading == null ? null : reading.address();
            dotted.setText(address == null ? "" : address.dotted());
            integer.setText(address == null ? "" : Long.toString(address.value()));
            hex.setText(address == null ? "" : address.hex());
            bytes.setText(address == null ? "" : address.bytesHex());
            binary.setText(address == null ? "" : Messages.binaryOctets(address.bytes()));
            mapped.setText(address == null ? "" : address.ipv4Mapped());
            readAs.setText(reading == null ? "" : TEXT.get("converter.readAs", reading.readAs()));
            note.setText(reading == null || reading.note() == null ? "" : Messages.sentence(reading.note()));
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(input, !parsed.errorOrEmpty().isEmpty());
        });
        return CardLayout.section("IPv4", TEXT.get("converter.ipv4.caption"), input, readAs, error, note, grid.view());
    }

    private VBox ipv6Section() {
        TextField input = CardLayout.input("ipv6Input", TEXT.get("converter.ipv6.prompt"),
                TEXT.get("converter.ipv6.tooltip"));
        subscriptions.bindBidirectional(input.textProperty(), model.ipv6InputProperty());
        subscriptions.subscribe(input.focusedProperty(), focused -> {
            if (focused) {
                model.sourceProperty().set(ConverterModel.Source.IPV6);
            }
        });
        Label error = CardLayout.inlineError("ipv6Error");
        Label note = CardLayout.inlineNote("ipv6Note");

        ResultGrid grid = new ResultGrid("ipv6Result");
        TextField compressed = grid.add(TEXT.get("converter.ipv6.compressed"), "ipv6Compressed",
                TEXT.get("converter.ipv6.compressed.hint"));
        TextField expanded = grid.add(TEXT.get("converter.ipv6.expanded"), "ipv6Expanded",
                TEXT.get("converter.ipv6.expanded.hint"));
        TextField bytes = grid.add(TEXT.get("converter.bytes"), "ipv6Bytes", TEXT.get("converter.ipv6.bytes.hint"));
        TextField integer = grid.add(TEXT.get("converter.integer"), "ipv6Integer",
                TEXT.get("converter.ipv6.integer.hint"));
        TextField mappedIpv4 = grid.add(TEXT.get("converter.ipv6.embedded"), "ipv6MappedIpv4",
                TEXT.get("converter.ipv6.embedded.hint"));

        subscriptions.subscribe(model.ipv6Property(), parsed -> {
            Ipv6Reading reading = parsed.valueOrNull();
            Ipv6 address = reading == null ? null : reading.address();
            compressed.setText(reading == null ? "" : reading.withZone());
            expanded.setText(address == null ? "" : address.expanded());
            bytes.setText(address == null ? "" : HexFormat.ofDelimiter(" ").formatHex(address.bytes()));
            integer.setText(address == null ? "" : address.value().toString());
            mappedIpv4.setText(address == null ? "" : address.mappedIpv4() == null ? TEXT.get("converter.none") : address.mappedIpv4());
            note.setText(reading == null || reading.note() == null ? "" : reading.note());
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(input, !parsed.errorOrEmpty().isEmpty());
        });
        return CardLayout.section("IPv6", TEXT.get("converter.ipv6.caption"), input, error, note, grid.view());
    }

    private VBox classificationSection() {
        Label subject = new Label();
        subject.setId("classifySubject");
        subject.getStyleClass().add("classify-subject");
        TextField prefix = new TextField();
        prefix.setId("classifyPrefix");
        prefix.setPromptText(TEXT.get("classify.prefix.prompt"));
        prefix.setPrefColumnCount(12);
        Tips.install(prefix, TEXT.get("classify.prefix.tooltip"));
        subscriptions.bindBidirectional(prefix.textProperty(), model.prefixInputProperty());
        Label prefixCaption = new Label(TEXT.get("classify.prefix.caption"));
        prefixCaption.getStyleClass().add("field-caption");
        prefixCaption.setLabelFor(prefix);
        Label error = CardLayout.inlineError("classifyError");
        GridPane labels = new GridPane();
        labels.setHgap(12);
        labels.setVgap(6);
        labels.setId("classifyResult");
        labels.getStyleClass().add("classify-result");

        subscriptions.subscribe(model.classificationProperty(), parsed -> {
            labels.getChildren().clear();
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(prefix, !parsed.errorOrEmpty().isEmpty());
            switch (parsed) {
                case Parsed.Ok<Classification>(Classification c) -> {
                    subject.setText(c.prefix() == null ? TEXT.get("classify.subject", c.subject())
                            : TEXT.get("classify.subjectInPrefix", c.subject(), c.prefix()));
                    for (AddressLabel label : c.labels()) {
                        addFact(labels, label);
                    }
                }
                case Parsed.Invalid<Classification> invalid -> subject.setText("");
                case Parsed.Empty<Classification> empty -> {
                    subject.setText("");
                    Label hint = new Label(TEXT.get("classify.hint"));
                    hint.getStyleClass().add("placeholder-label");
                    labels.add(hint, 0, 0);
                }
            }
        });
        subscriptions.subscribe(model.sourceProperty(), source -> Tips.install(subject, 
                TEXT.get("classify.subject.tooltip", source == ConverterModel.Source.IPV4 ? "IPv4" : "IPv6")));
        HBox head = CardLayout.row(new Label(TEXT.get("classify.question")), subject,
                CardLayout.grow(new Region()), prefixCaption, prefix);
        return CardLayout.section(TEXT.get("classify.section"), TEXT.get("classify.section.caption"), head,
                error, labels);
    }

    /** One fact as a row: a coloured chip with the short label, and what it means beside it. */
    private static void addFact(GridPane facts, AddressLabel label) {
        Label chip = new Label(label.label());
        chip.getStyleClass().addAll("kind-chip", "kind-" + label.kind().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'));
        chip.setMinWidth(Label.USE_PREF_SIZE);
        chip.setUserData(label);
        Label explanation = new Label(label.explanation());
        explanation.setWrapText(true);
        explanation.getStyleClass().add("kind-explanation");
        GridPane.setValignment(chip, VPos.TOP);
        GridPane.setHgrow(explanation, Priority.ALWAYS);
        facts.addRow(facts.getRowCount(), chip, explanation);
    }

    Node view() {
        return view;
    }
}
