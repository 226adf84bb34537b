package com.socketworkbench.ui.tools;

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
    private final Node view;

    SubnetCard(SubnetModel model, Subscriptions subscriptions) {
        TextField input = CardLayout.input("subnetInput", "192.168.1.10/24, 10.0.0.1 255.0.0.0 or 2001:db8::1/64",
                "An address with its prefix length (/24) or, for IPv4, its netmask (255.255.255.0)");
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
        TextField network = grid.add("Network", "subnetNetwork", "The subnet in CIDR notation: address with the host"
                + " bits cleared, and the prefix length");
        TextField netmask = grid.add("Netmask", "subnetNetmask", "The prefix as a mask: network bits 1, host bits 0");
        TextField wildcard = grid.add("Wildcard mask", "subnetWildcard",
                "The inverted netmask, as router ACLs and OSPF use it");
        TextField broadcast = grid.add("Broadcast", "subnetBroadcast", "The directed broadcast address: host bits"
                + " all 1; a datagram sent there reaches every host of the subnet (needs SO_BROADCAST)");
        TextField first = grid.add("First host", "subnetFirstHost", "The lowest address a host can be given");
        TextField last = grid.add("Last host", "subnetLastHost", "The highest address a host can be given");
        TextField hosts = grid.add("Usable hosts", "subnetHostCount",
                "Addresses that can be given to hosts (IPv4: all but the network and broadcast address)");
        TextField total = grid.add("Addresses", "subnetTotal", "All addresses in the subnet: 2^(bits − prefix)");
        Label note = CardLayout.inlineNote("subnetNote");

        subscriptions.subscribe(model.subnetProperty(), parsed -> {
            Subnet subnet = parsed.valueOrNull();
            error.setText(parsed.errorOrEmpty());
            CardLayout.markInvalid(input, !parsed.errorOrEmpty().isEmpty());
            network.setText(subnet == null ? "" : subnet.cidr());
            netmask.setText(subnet == null ? "" : subnet.netmask());
            wildcard.setText(subnet == null ? "" : subnet.wildcardMask() == null ? "—" : subnet.wildcardMask());
            broadcast.setText(subnet == null ? "" : subnet.broadcast() != null ? subnet.broadcast()
                    : subnet.ipv6() ? "none (IPv6 has no broadcast; ff02::1 reaches all nodes on the link)"
                    : "none (/" + subnet.prefixLength() + ")");
            first.setText(subnet == null ? "" : subnet.firstHost());
            last.setText(subnet == null ? "" : subnet.lastHost());
            hosts.setText(subnet == null ? "" : Messages.count(subnet.hostCount()));
            total.setText(subnet == null ? "" : Messages.powerOfTwo(subnet.totalAddresses()));
            note.setText(subnet == null || subnet.note() == null ? "" : subnet.note());
            showBits(subnet, networkBits, hostBits, bitsLegend);
            bitsBox.setVisible(subnet != null && !subnet.ipv6());
            bitsBox.setManaged(bitsBox.isVisible());
        });

        VBox section = CardLayout.section("CIDR", "ipaddress.ip_network(text, strict=False)", input, error, bitsBox,
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
        legend.setText(subnet.address() + " in binary: " + prefix + " network bits, " + (32 - prefix)
                + " host bits");
    }

    Node view() {
        return view;
    }
}
