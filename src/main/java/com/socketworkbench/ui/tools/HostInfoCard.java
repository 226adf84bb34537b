package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.HostInfo.InterfaceAddressInfo;
import com.socketworkbench.engine.tools.HostInfo.NetworkInterfaceInfo;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/**
 * The "This host" card ({@code #thisHostCard}): host name and canonical name, and a table of every network
 * interface with its addresses and flags. Refresh collects everything again in the background.
 */
final class HostInfoCard {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private final Node view;

    HostInfoCard(HostInfoModel model, Subscriptions subscriptions) {
        Button refresh = new Button(TEXT.get("host.refresh"));
        refresh.setId("hostRefresh");
        refresh.setOnAction(event -> model.refresh());
        subscriptions.bind(refresh.disableProperty(), model.loadingProperty());
        Tips.install(refresh, TEXT.get("host.refresh.tooltip"));
        Label state = new Label();
        state.setId("hostInfoStatus");
        state.getStyleClass().add("tool-note");
        subscriptions.bind(state.textProperty(), Bindings.createStringBinding(
                () -> model.loadingProperty().get() ? TEXT.get("host.collecting") : model.summaryProperty().get(),
                model.loadingProperty(), model.summaryProperty()));
        Label error = CardLayout.inlineError("hostInfoError");
        subscriptions.bind(error.textProperty(), model.errorProperty());

        ResultGrid names = new ResultGrid("hostNames");
        TextField hostName = names.add(TEXT.get("host.name"), "hostName", TEXT.get("host.name.hint"));
        TextField canonical = names.add(TEXT.get("host.canonical"), "canonicalName",
                TEXT.get("host.canonical.hint"));
        Label nameNote = CardLayout.inlineNote("hostNameNote");

        TableView<NetworkInterfaceInfo> table = new TableView<>(model.interfaces());
        table.setId("interfaces");
        table.getColumns().add(Columns.mono(TEXT.get("host.column.interface"), 110, HostInfoCard::interfaceName));
        table.getColumns().add(Columns.wrapping(TEXT.get("host.column.addresses"), 330, HostInfoCard::addresses));
        table.getColumns().add(Columns.mono(TEXT.get("host.column.mtu"), 64, nif -> nif.mtu() < 0 ? "?" : Integer.toString(nif.mtu())));
        table.getColumns().add(Columns.text(TEXT.get("host.column.up"), 48, nif -> yesNo(nif.up())));
        table.getColumns().add(Columns.text(TEXT.get("host.column.loopback"), 76, nif -> yesNo(nif.loopback())));
        table.getColumns().add(Columns.text(TEXT.get("host.column.multicast"), 76, nif -> yesNo(nif.multicastCapable())));
        table.getColumns().add(Columns.mono(TEXT.get("host.column.mac"), 150,
                nif -> nif.hardwareAddress() == null ? "" : nif.hardwareAddress()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(TEXT.get("host.interfaces.placeholder")));
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

        VBox namesSection = CardLayout.section(TEXT.get("host.section.names"), TEXT.get("host.section.names.caption"), names.view(),
                nameNote);
        VBox interfaces = CardLayout.section(TEXT.get("host.section.interfaces"),
                TEXT.get("host.section.interfaces.caption"), table);
        VBox.setVgrow(interfaces, Priority.ALWAYS);
        view = CardLayout.card(Tool.THIS_HOST, CardLayout.row(refresh, state), error, namesSection, interfaces);
    }

    private static String interfaceName(NetworkInterfaceInfo nif) {
        return nif.parent() == null ? nif.name() : TEXT.get("host.interface.onParent", nif.name(), nif.parent());
    }

    /** One address per line: "127.0.0.1/8", "::1/128"; IPv4 broadcast addresses in brackets. */
    static String addresses(NetworkInterfaceInfo nif) {
        if (nif.addresses().isEmpty()) {
            return TEXT.get("host.noAddress");
        }
        return nif.addresses().stream().map(HostInfoCard::address).collect(Collectors.joining("\n"));
    }

    private static String address(InterfaceAddressInfo address) {
        return address.broadcast() == null ? address.display()
                : TEXT.get("host.address.withBroadcast", address.display(), address.broadcast());
    }

    private static String yesNo(boolean value) {
        return TEXT.get(value ? "common.yes" : "common.no");
    }

    Node view() {
        return view;
    }
}
