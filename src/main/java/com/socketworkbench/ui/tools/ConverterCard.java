package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.AddressConverter.Ipv4;
import com.socketworkbench.engine.tools.AddressConverter.Ipv6;
import com.socketworkbench.engine.tools.AddressLabel;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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
        TextField input = CardLayout.input("ipv4Input", "127.0.0.1, 2130706433, 0x7f000001 or 7f 00 00 01",
                "Any form: dotted quad, one 32-bit number (decimal or 0x hex), 4 bytes in hex, or inet_aton's short"
                        + " forms such as 127.1");
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
        TextField dotted = grid.add("Dotted", "ipv4Dotted", "socket.inet_ntoa(packed): the dotted-quad text");
        TextField integer = grid.add("Integer", "ipv4Integer",
                "struct.unpack('!I', socket.inet_aton(ip))[0]: the unsigned 32-bit number");
        TextField hex = grid.add("Hex", "ipv4Hex", "hex(that number)");
        TextField bytes = grid.add("Bytes", "ipv4Bytes",
                "socket.inet_aton(ip): 4 bytes in network byte order (big endian), as in the IP header");
        TextField binary = grid.add("Binary", "ipv4Binary", "The 32 bits, one group per byte");
        TextField mapped = grid.add("IPv4-mapped", "ipv4Mapped",
                "How a dual-stack IPv6 socket reports this IPv4 address (::ffff:0:0/96)");

        subscriptions.subscribe(model.ipv4Property(), parsed -> {
            Ipv4Reading reading = parsed.valueOrNull();
            Ipv4 address = reading == null ? null : reading.address();
            dotted.setText(address == null ? "" : address.dotted());
            integer.setText(address == null ? "" : Long.toString(address.value()));
            hex.setText(address == null ? "" : address.hex());
            bytes.setText(address == null ? "" : address.bytesHex());
            binary.setText(address == null ? "" : Messages.binaryOctets(address.bytes()));
            mapped.setText(address == null ? "" : address.ipv4Mapped());
            readAs.setText(reading == null ? "" : "Read as " + reading.readAs());
            note.setText(reading == null || reading.note() == null ? "" : Messages.sentence(reading.note()));
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(input, !parsed.errorOrEmpty().isEmpty());
        });
        return CardLayout.section("IPv4", "inet_aton() / inet_ntoa()", input, readAs, error, note, grid.view());
    }

    private VBox ipv6Section() {
        TextField input = CardLayout.input("ipv6Input", "2001:db8::1, ::1, fe80::1%eth0 or an IPv4 address",
                "IPv6 text in any spelling; an IPv4 address is shown as its IPv4-mapped IPv6 form");
        subscriptions.bindBidirectional(input.textProperty(), model.ipv6InputProperty());
        subscriptions.subscribe(input.focusedProperty(), focused -> {
            if (focused) {
                model.sourceProperty().set(ConverterModel.Source.IPV6);
            }
        });
        Label error = CardLayout.inlineError("ipv6Error");
        Label note = CardLayout.inlineNote("ipv6Note");

        ResultGrid grid = new ResultGrid("ipv6Result");
        TextField compressed = grid.add("Compressed", "ipv6Compressed",
                "socket.inet_ntop(AF_INET6, packed): RFC 5952 text, the longest run of zero groups as ::");
        TextField expanded = grid.add("Expanded", "ipv6Expanded", "All eight groups of four hex digits");
        TextField bytes = grid.add("Bytes", "ipv6Bytes", "socket.inet_pton(AF_INET6, text): the 16 bytes");
        TextField integer = grid.add("Integer", "ipv6Integer", "int(ipaddress.IPv6Address(text)): 128 bits");
        TextField mappedIpv4 = grid.add("Embedded IPv4", "ipv6MappedIpv4",
                "The IPv4 address inside an IPv4-mapped address (::ffff:a.b.c.d), else none");

        subscriptions.subscribe(model.ipv6Property(), parsed -> {
            Ipv6Reading reading = parsed.valueOrNull();
            Ipv6 address = reading == null ? null : reading.address();
            compressed.setText(reading == null ? "" : reading.withZone());
            expanded.setText(address == null ? "" : address.expanded());
            bytes.setText(address == null ? "" : HexFormat.ofDelimiter(" ").formatHex(address.bytes()));
            integer.setText(address == null ? "" : address.value().toString());
            mappedIpv4.setText(address == null ? "" : address.mappedIpv4() == null ? "none" : address.mappedIpv4());
            note.setText(reading == null || reading.note() == null ? "" : reading.note());
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(input, !parsed.errorOrEmpty().isEmpty());
        });
        return CardLayout.section("IPv6", "inet_pton() / inet_ntop()", input, error, note, grid.view());
    }

    private VBox classificationSection() {
        Label subject = new Label();
        subject.setId("classifySubject");
        subject.getStyleClass().add("classify-subject");
        TextField prefix = new TextField();
        prefix.setId("classifyPrefix");
        prefix.setPromptText("e.g. 24");
        prefix.setPrefColumnCount(12);
        prefix.setTooltip(new Tooltip("The subnet's prefix length or netmask, to recognise its directed broadcast"
                + " and network address (optional)"));
        subscriptions.bindBidirectional(prefix.textProperty(), model.prefixInputProperty());
        Label prefixCaption = new Label("Subnet prefix (optional)");
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
                    subject.setText(c.subject() + (c.prefix() == null ? "" : " in a /" + c.prefix()) + "?");
                    for (AddressLabel label : c.labels()) {
                        addFact(labels, label);
                    }
                }
                case Parsed.Invalid<Classification> invalid -> subject.setText("");
                case Parsed.Empty<Classification> empty -> {
                    subject.setText("");
                    Label hint = new Label("Enter a valid address above to see what kind it is.");
                    hint.getStyleClass().add("placeholder-label");
                    labels.add(hint, 0, 0);
                }
            }
        });
        subscriptions.subscribe(model.sourceProperty(), source -> subject.setTooltip(new Tooltip(
                "Classifies the " + (source == ConverterModel.Source.IPV4 ? "IPv4" : "IPv6")
                        + " address, the one you edited last")));
        HBox head = CardLayout.row(new Label("What kind of address is"), subject,
                CardLayout.grow(new Region()), prefixCaption, prefix);
        return CardLayout.section("Classification", "loopback, wildcard, private, multicast, broadcast…", head,
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
