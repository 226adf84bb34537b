package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.AddressConverter;
import com.socketworkbench.engine.tools.SubnetCalculator.Subnet;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The subnet calculator card ({@code #subnetCard}): the address's bits split into network and host part, and the
 * subnet's addresses and sizes, updated as the CIDR text is typed.
 */
final class SubnetCard {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private final Node view;

    SubnetCard(SubnetModel model, Subscriptions subscriptions) {
        TextField input = CardLayout.input("subnetInput", TEXT.get("subnet.prompt"),
                TEXT.get("subnet.tooltip"));
        subscriptions.bindBidirectional(input.textProperty(), model.inputProperty());
        Label error = CardLayout.inlineError("subnetError");

        Text networkBits = new Text();
        networkBits.getStyleClass().addAll("bits-network", "mono");
        Text hostBits = new Text();
        hostBits.getStyleClass().addAll("bits-host", "mono");
        TextFlow bits = new TextFlow(networkBits, hostBits);
        bits.setId("subnetBits");
        bits.getStyleClass().add("subnet-bits");
        Label bitsLegend = new Label();
        bitsLegend.setId("subnetBitsLegend");
        bitsLegend.getStyleClass().add("tool-note");
        VBox bitsBox = new VBox(2, bits, bitsLegend);

        ResultGrid grid = new ResultGrid("subnetResult");
        TextField network = grid.add(TEXT.get("subnet.network"), "subnetNetwork", TEXT.get("subnet.network.hint"));
        TextField netmask = grid.add(TEXT.get("subnet.netmask"), "subnetNetmask", TEXT.get("subnet.netmask.hint"));
        TextField wildcard = grid.add(TEXT.get("subnet.wildcard"), "subnetWildcard",
                TEXT.get("subnet.wildcard.hint"));
        TextField broadcast = grid.add(TEXT.get("subnet.broadcast"), "subnetBroadcast",
                TEXT.get("subnet.broadcast.hint"));
        TextField first = grid.add(TEXT.get("subnet.firstHost"), "subnetFirstHost",
                TEXT.get("subnet.firstHost.hint"));
        TextField last = grid.add(TEXT.get("subnet.lastHost"), "subnetLastHost",
                TEXT.get("subnet.lastHost.hint"));
        TextField hosts = grid.add(TEXT.get("subnet.hosts"), "subnetHostCount",
                TEXT.get("subnet.hosts.hint"));
        TextField total = grid.add(TEXT.get("subnet.total"), "subnetTotal", TEXT.get("subnet.total.hint"));
        Label note = CardLayout.inlineNote("subnetNote");

        subscriptions.subscribe(model.subnetProperty(), parsed -> {
            Subnet subnet = parsed.valueOrNull();
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(input, !parsed.errorOrEmpty().isEmpty());
            network.setText(subnet == null ? "" : subnet.cidr());
            netmask.setText(subnet == null ? "" : subnet.netmask());
            wildcard.setText(subnet == null ? "" : subnet.wildcardMask() == null ? "—" : subnet.wildcardMask());
            broadcast.setText(subnet == null ? "" : subnet.broadcast() != null ? subnet.broadcast()
                    : subnet.ipv6() ? TEXT.get("subnet.broadcast.noneIpv6")
                    : TEXT.get("subnet.broadcast.none", subnet.prefixLength()));
            first.setText(subnet == null ? "" : subnet.firstHost());
            last.setText(subnet == null ? "" : subnet.lastHost());
            hosts.setText(subnet == null ? "" : Messages.count(subnet.hostCount()));
            total.setText(subnet == null ? "" : Messages.powerOfTwo(subnet.totalAddresses()));
            note.setText(subnet == null || subnet.note() == null ? "" : subnet.note());
            showBits(subnet, networkBits, hostBits, bitsLegend);
            bitsBox.setVisible(subnet != null && !subnet.ipv6());
            bitsBox.setManaged(bitsBox.isVisible());
        });

        VBox section = CardLayout.section("CIDR", TEXT.get("subnet.section.caption"), input, error, bitsBox,
                grid.view(), note);
        view = CardLayout.card(Tool.SUBNET, section);
    }

    /** "11000000.10101000.00000001." in the network colour, "00001010" in the host colour. */
    private static void showBits(Subnet subnet, Text networkBits, Text hostBits, Label legend) {
        if (subnet == null || subnet.ipv6()) {
            networkBits.setText("");
            hostBits.setText("");
            legend.setText("");
            return;
        }
        String all = Messages.binaryOctets(AddressConverter.parseLiteral(subnet.address()));
        int prefix = subnet.prefixLength();
        // Bit i sits at character i + i / 8 (one dot per full byte before it).
        int split = prefix == 32 ? all.length() : prefix + prefix / 8;
        networkBits.setText(all.substring(0, split));
        hostBits.setText(all.substring(split));
        legend.setText(TEXT.get("subnet.bits.legend", subnet.address(), prefix, 32 - prefix));
    }

    Node view() {
        return view;
    }
}
