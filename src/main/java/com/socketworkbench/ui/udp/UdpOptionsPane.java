package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.udp.MulticastMembership;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.SendEditor;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The UDP tab's collapsible Options pane ({@code options}, collapsed at first): the socket row (broadcast, address
 * reuse, receive buffer with what the kernel granted, receive limit), the multicast row (group, interface, Join, TTL,
 * loopback) with its message, and the joined groups with Leave (while stopped: the groups Start joins again). The
 * title sums the settings up, so they show while it is collapsed.
 */
final class UdpOptionsPane {
    private final Subscriptions subscriptions;
    private final TitledPane options = new TitledPane();

    UdpOptionsPane(UdpViewModel model, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        CheckBox broadcast = new CheckBox(UdpText.TEXT.get("options.broadcast"));
        broadcast.setId("broadcast");
        Tips.install(broadcast, UdpText.TEXT.get("options.broadcast.tooltip"));
        subscriptions.bindBidirectional(broadcast.selectedProperty(), model.broadcastProperty());

        CheckBox reuseAddress = new CheckBox(UdpText.TEXT.get("options.reuse"));
        reuseAddress.setId("reuseAddress");
        Tips.install(reuseAddress, UdpText.TEXT.get("options.reuse.tooltip"));
        subscriptions.bindBidirectional(reuseAddress.selectedProperty(), model.reuseAddressProperty());
        subscriptions.bind(reuseAddress.disableProperty(), model.stateProperty().isNotEqualTo(ListenerState.STOPPED));

        Spinner<Integer> receiveBuffer = Spinners.integer("receiveBuffer", 1, UdpSettings.MAX_RECEIVE_BUFFER_KIB,
                1024, model.receiveBufferKiBProperty(), 96, UdpText.TEXT.get("options.buffer.tooltip"), subscriptions);
        Label receiveBufferInfo = new Label();
        receiveBufferInfo.setId("receiveBufferInfo");
        receiveBufferInfo.getStyleClass().add("muted-label");
        subscriptions.bind(receiveBufferInfo.textProperty(), model.receiveBufferInfoProperty());
        subscriptions.bind(receiveBuffer.disableProperty(), model.stateProperty().isNotEqualTo(ListenerState.STOPPED));

        Spinner<Integer> receiveLimit = Spinners.integer("receiveLimit", 1, 65_535, 1024,
                model.receiveLimitProperty(), 86, UdpText.TEXT.get("options.limit.tooltip"), subscriptions);

        TextField group = new TextField();
        group.setId("multicastGroup");
        group.setPromptText(UdpText.TEXT.get("options.group.prompt"));
        group.setPrefColumnCount(13);
        Tips.install(group, UdpText.TEXT.get("options.group.tooltip", MulticastGroupCheck.ranges()));
        MulticastModel multicast = model.multicast();
        subscriptions.bindBidirectional(group.textProperty(), multicast.groupProperty());

        ComboBox<MulticastInterfaceChoice> networkInterface =
                new ComboBox<>(FXCollections.observableArrayList(MulticastInterfaceChoice.available()));
        networkInterface.setId("multicastInterface");
        Tips.install(networkInterface, UdpText.TEXT.get("options.interface.tooltip"));
        networkInterface.setPrefWidth(190);
        subscriptions.bindBidirectional(networkInterface.valueProperty(), multicast.networkInterfaceProperty());

        Button join = new Button(UdpText.TEXT.get("options.join"));
        join.setId("join");
        join.getStyleClass().add("small-button");
        join.setOnAction(event -> multicast.join());
        subscriptions.bind(join.disableProperty(), multicast.canJoinBinding().not());
        Tips.install(join, UdpText.TEXT.get("options.join.tooltip"));
        group.setOnAction(event -> multicast.join());

        Spinner<Integer> ttl = Spinners.integer("multicastTtl", 0, 255, 1, multicast.ttlProperty(), 70,
                UdpText.TEXT.get("options.ttl.tooltip"),
                subscriptions);

        CheckBox loopback = new CheckBox(UdpText.TEXT.get("options.loopback"));
        loopback.setId("multicastLoopback");
        Tips.install(loopback, UdpText.TEXT.get("options.loopback.tooltip"));
        subscriptions.bindBidirectional(loopback.selectedProperty(), multicast.loopbackProperty());

        Label message = new Label();
        message.setId("multicastMessage");
        message.setWrapText(true);
        subscriptions.bind(message.textProperty(), multicast.messageProperty());
        subscriptions.subscribe(multicast.messageIsErrorProperty(), error -> {
            message.getStyleClass().removeAll("field-error", "field-hint");
            message.getStyleClass().add(error ? "field-error" : "field-hint");
        });
        subscriptions.bind(message.managedProperty(), multicast.messageProperty().isNotEmpty());
        subscriptions.bind(message.visibleProperty(), message.managedProperty());

        join.setMinWidth(Region.USE_PREF_SIZE);
        broadcast.setMinWidth(Region.USE_PREF_SIZE);
        reuseAddress.setMinWidth(Region.USE_PREF_SIZE);
        loopback.setMinWidth(Region.USE_PREF_SIZE);
        receiveBufferInfo.setMinWidth(Region.USE_PREF_SIZE);

        // Rows of captioned options that wrap in a narrow window (a grid would size a wrapping row for the wrong
        // width), the captions as one column as wide as the wider, and the joined groups beside them.
        Label socketCaption = caption(UdpText.TEXT.get("options.socket"));
        Label multicastCaption = caption(UdpText.TEXT.get("options.multicast"));
        Region messageIndent = new Region();
        for (Region aligned : new Region[]{socketCaption, messageIndent}) {
            subscriptions.bind(aligned.minWidthProperty(), multicastCaption.widthProperty());
        }
        VBox rows = new VBox(6,
                row(socketCaption, broadcast, reuseAddress,
                        SendEditor.labelled(UdpText.TEXT.get("options.buffer"), receiveBuffer),
                        receiveBufferInfo, SendEditor.labelled(UdpText.TEXT.get("options.limit"), receiveLimit)),
                row(multicastCaption, SendEditor.labelled(UdpText.TEXT.get("options.group"), group),
                        SendEditor.labelled(UdpText.TEXT.get("options.interface"), networkInterface), join,
                        SendEditor.labelled(UdpText.TEXT.get("options.ttl"), ttl), loopback),
                new HBox(12, messageIndent, message));
        HBox.setHgrow(rows, Priority.ALWAYS);
        Node groups = groupsPane(multicast);
        HBox grid = new HBox(12, rows, groups);
        grid.setId("socketOptions");
        grid.getStyleClass().add("options-grid");

        options.setId("options");
        subscriptions.bind(options.textProperty(), Bindings.createStringBinding(() -> UdpText.TEXT.get(
                "options.summary",
                UdpText.TEXT.get(model.broadcastProperty().get() ? "options.summary.on" : "options.summary.off"),
                model.reuseAddressProperty().get() ? UdpText.TEXT.get("options.summary.reuse") : "",
                UdpText.count(model.receiveBufferKiBProperty().get()),
                groupsSummary(multicast.groups().size(), multicast.boundProperty().get())),
                model.broadcastProperty(), model.reuseAddressProperty(), model.receiveBufferKiBProperty(),
                multicast.groups(), multicast.boundProperty()));
        options.setContent(grid);
        options.setExpanded(false);
        options.setAnimated(false);
        options.getStyleClass().add("udp-options");
    }

    private static String groupsSummary(int groups, boolean bound) {
        String joined = bound ? "joined" : "to.join";
        return switch (groups) {
            case 0 -> UdpText.TEXT.get("groups.none");
            case 1 -> UdpText.TEXT.get("groups.one." + joined);
            default -> UdpText.TEXT.get("groups.other." + joined, groups);
        };
    }

    private Node groupsPane(MulticastModel multicast) {
        ListView<MulticastMembership> groups = new ListView<>(multicast.groups());
        groups.setId("groups");
        groups.setPrefHeight(64);
        groups.setPrefWidth(210);
        Label placeholder = new Label(UdpText.TEXT.get("groups.placeholder"));
        placeholder.getStyleClass().add("placeholder-label");
        groups.setPlaceholder(placeholder);
        Tips.install(groups, UdpText.TEXT.get("groups.tooltip"));

        Button leave = new Button(UdpText.TEXT.get("groups.leave"));
        leave.setId("leave");
        leave.getStyleClass().add("small-button");
        leave.setMinWidth(Region.USE_PREF_SIZE);
        leave.setOnAction(event -> multicast.leave(groups.getSelectionModel().getSelectedItem()));
        subscriptions.bind(leave.disableProperty(), groups.getSelectionModel().selectedItemProperty().isNull());
        Tips.install(leave, UdpText.TEXT.get("groups.leave.tooltip"));

        Label title = caption(UdpText.TEXT.get("groups.joined"));
        subscriptions.bind(title.textProperty(), Bindings.when(multicast.boundProperty())
                .then(UdpText.TEXT.get("groups.joined")).otherwise(UdpText.TEXT.get("groups.to.join")));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, leave);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(4, header, groups);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        VBox.setVgrow(groups, Priority.ALWAYS);
        return pane;
    }


    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A caption and its line of options; in a narrow window the options wrap rather than get cut. */
    private HBox row(Label caption, Node... options) {
        FlowPane flow = new FlowPane(12, 6, options);
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.setRowValignment(VPos.CENTER);
        // The titled pane asks for the height without a width: answer for the width the row has, not for the
        // default wrap length (which made every row three lines tall).
        subscriptions.bind(flow.prefWrapLengthProperty(), flow.widthProperty());
        HBox.setHgrow(flow, Priority.ALWAYS);
        HBox row = new HBox(12, caption, flow);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    TitledPane view() {
        return options;
    }
}
