package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.HostInfo.InterfaceAddressInfo;
import com.socketworkbench.engine.tools.HostInfo.NetworkInterfaceInfo;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/**
 * The "This host" card ({@code #thisHostCard}): host name and canonical name, and a table of every network
 * interface with its addresses and flags. Refresh collects everything again in the background.
 */
final class HostInfoCard {
    private final Node view;

    HostInfoCard(HostInfoModel model, Subscriptions subscriptions) {
        Button refresh = new Button("Refresh");
        refresh.setId("hostRefresh");
        refresh.setOnAction(event -> model.refresh());
        subscriptions.bind(refresh.disableProperty(), model.loadingProperty());
        refresh.setTooltip(new Tooltip("Read the names and interfaces again"));
        Label state = new Label();
        state.setId("hostInfoStatus");
        state.getStyleClass().add("tool-note");
        subscriptions.bind(state.textProperty(), Bindings.createStringBinding(
                () -> model.loadingProperty().get() ? "Collecting…" : model.summaryProperty().get(),
                model.loadingProperty(), model.summaryProperty()));
        Label error = CardLayout.inlineError("hostInfoError");
        subscriptions.bind(error.textProperty(), model.errorProperty());

        ResultGrid names = new ResultGrid("hostNames");
        TextField hostName = names.add("Host name", "hostName",
                "socket.gethostname(): the kernel's name for this machine, no look-up involved");
        TextField canonical = names.add("Canonical name", "canonicalName",
                "socket.getfqdn(): the fully qualified name the resolver gives for the host name");
        Label nameNote = CardLayout.inlineNote("hostNameNote");

        TableView<NetworkInterfaceInfo> table = new TableView<>(model.interfaces());
        table.setId("interfaces");
        table.getColumns().add(Columns.mono("Interface", 110, HostInfoCard::interfaceName));
        table.getColumns().add(Columns.wrapping("Addresses (address/prefix)", 330, HostInfoCard::addresses));
        table.getColumns().add(Columns.mono("MTU", 64, nif -> nif.mtu() < 0 ? "?" : Integer.toString(nif.mtu())));
        table.getColumns().add(Columns.text("Up", 48, nif -> yesNo(nif.up())));
        table.getColumns().add(Columns.text("Loopback", 76, nif -> yesNo(nif.loopback())));
        table.getColumns().add(Columns.text("Multicast", 76, nif -> yesNo(nif.multicastCapable())));
        table.getColumns().add(Columns.mono("MAC address", 150,
                nif -> nif.hardwareAddress() == null ? "" : nif.hardwareAddress()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Collecting the interfaces…"));
        table.setPrefHeight(260);
        table.setMinHeight(140);
        TableCopy.install(table, nif -> interfaceName(nif) + "\t" + addresses(nif).replace('\n', ' ') + "\t"
                + nif.mtu() + "\t" + yesNo(nif.up()) + "\t" + yesNo(nif.loopback()) + "\t"
                + yesNo(nif.multicastCapable()) + "\t" + (nif.hardwareAddress() == null ? "" : nif.hardwareAddress()));
        VBox.setVgrow(table, Priority.ALWAYS);

        subscriptions.subscribe(model.infoProperty(), info -> {
            hostName.setText(info == null ? "" : info.hostName());
            canonical.setText(info == null ? "" : info.canonicalName() == null ? "—" : info.canonicalName());
            nameNote.setText(info == null || info.nameNote() == null ? "" : Messages.sentence(info.nameNote()));
        });

        VBox namesSection = CardLayout.section("Names", "socket.gethostname() · socket.getfqdn()", names.view(),
                nameNote);
        VBox interfaces = CardLayout.section("Interfaces", "socket.if_nameindex() · `ip address`", table);
        VBox.setVgrow(interfaces, Priority.ALWAYS);
        view = CardLayout.card(Tool.THIS_HOST, CardLayout.row(refresh, state), error, namesSection, interfaces);
    }

    private static String interfaceName(NetworkInterfaceInfo nif) {
        return nif.parent() == null ? nif.name() : nif.name() + " (on " + nif.parent() + ")";
    }

    /** One address per line: "127.0.0.1/8", "::1/128"; IPv4 broadcast addresses in brackets. */
    static String addresses(NetworkInterfaceInfo nif) {
        if (nif.addresses().isEmpty()) {
            return "no address";
        }
        return nif.addresses().stream().map(HostInfoCard::address).collect(Collectors.joining("\n"));
    }

    private static String address(InterfaceAddressInfo address) {
        return address.cidr() + (address.broadcast() == null ? "" : "   broadcast " + address.broadcast());
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    Node view() {
        return view;
    }
}
