package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.udp.MulticastMembership;
import com.socketworkbench.ui.fx.Subscriptions;
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
import javafx.scene.control.Tooltip;
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
        CheckBox broadcast = new CheckBox("Broadcast");
        broadcast.setId("broadcast");
        broadcast.setTooltip(new Tooltip("SO_BROADCAST: allows sending to a broadcast address such as "
                + "255.255.255.255 or 192.168.1.255; without it the system refuses"));
        subscriptions.bindBidirectional(broadcast.selectedProperty(), model.broadcastProperty());

        CheckBox reuseAddress = new CheckBox("Reuse address");
        reuseAddress.setId("reuseAddress");
        reuseAddress.setTooltip(new Tooltip("SO_REUSEADDR (applies when started): other sockets that turn it on too "
                + "may bind the same port, e.g. several receivers of one multicast or broadcast port"));
        subscriptions.bindBidirectional(reuseAddress.selectedProperty(), model.reuseAddressProperty());
        subscriptions.bind(reuseAddress.disableProperty(), model.stateProperty().isNotEqualTo(ListenerState.STOPPED));

        Spinner<Integer> receiveBuffer = Spinners.integer("receiveBuffer", 1, UdpSettings.MAX_RECEIVE_BUFFER_KIB,
                1024, model.receiveBufferKiBProperty(), 96, "SO_RCVBUF to ask for, in KiB (applies when started): "
                        + "how many datagrams the kernel can queue before it drops new ones", subscriptions);
        Label receiveBufferInfo = new Label();
        receiveBufferInfo.setId("receiveBufferInfo");
        receiveBufferInfo.getStyleClass().add("muted-label");
        subscriptions.bind(receiveBufferInfo.textProperty(), model.receiveBufferInfoProperty());
        subscriptions.bind(receiveBuffer.disableProperty(), model.stateProperty().isNotEqualTo(ListenerState.STOPPED));

        Spinner<Integer> receiveLimit = Spinners.integer("receiveLimit", 1, 65_535, 1024,
                model.receiveLimitProperty(), 86, "The largest datagram delivered whole; a larger one is cut to this "
                        + "size and its row says truncated", subscriptions);

        TextField group = new TextField();
        group.setId("multicastGroup");
        group.setPromptText("239.1.2.3 or ff05::1:3");
        group.setPrefColumnCount(13);
        group.setTooltip(new Tooltip("A multicast group address: " + MulticastGroupCheck.RANGES));
        MulticastModel multicast = model.multicast();
        subscriptions.bindBidirectional(group.textProperty(), multicast.groupProperty());

        ComboBox<MulticastInterfaceChoice> networkInterface =
                new ComboBox<>(FXCollections.observableArrayList(MulticastInterfaceChoice.available()));
        networkInterface.setId("multicastInterface");
        networkInterface.setTooltip(new Tooltip("The interface groups are joined on and multicast is sent through; "
                + "system default: the one the system routes the group to"));
        networkInterface.setPrefWidth(190);
        subscriptions.bindBidirectional(networkInterface.valueProperty(), multicast.networkInterfaceProperty());

        Button join = new Button("Join");
        join.setId("join");
        join.getStyleClass().add("small-button");
        join.setOnAction(event -> multicast.join());
        subscriptions.bind(join.disableProperty(), multicast.canJoinBinding().not());
        join.setTooltip(new Tooltip("Join the group on the chosen interface so datagrams sent to it arrive here"));
        group.setOnAction(event -> multicast.join());

        Spinner<Integer> ttl = Spinners.integer("multicastTtl", 0, 255, 1, multicast.ttlProperty(), 70,
                "TTL (IPv4) / hop limit (IPv6) of multicast sent from here; 1 stays on the local network",
                subscriptions);

        CheckBox loopback = new CheckBox("Loopback");
        loopback.setId("multicastLoopback");
        loopback.setTooltip(new Tooltip("IP_MULTICAST_LOOP: members on this computer also receive what is sent to "
                + "a group from here"));
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
        Label socketCaption = caption("Socket");
        Label multicastCaption = caption("Multicast");
        Region messageIndent = new Region();
        for (Region aligned : new Region[]{socketCaption, messageIndent}) {
            subscriptions.bind(aligned.minWidthProperty(), multicastCaption.widthProperty());
        }
        VBox rows = new VBox(6,
                row(socketCaption, broadcast, reuseAddress, SendEditor.labelled("Receive buffer (KiB)", receiveBuffer),
                        receiveBufferInfo, SendEditor.labelled("Receive limit (B)", receiveLimit)),
                row(multicastCaption, SendEditor.labelled("Group", group),
                        SendEditor.labelled("Interface", networkInterface), join,
                        SendEditor.labelled("TTL / hops", ttl), loopback),
                new HBox(12, messageIndent, message));
        HBox.setHgrow(rows, Priority.ALWAYS);
        Node groups = groupsPane(multicast);
        HBox grid = new HBox(12, rows, groups);
        grid.setId("socketOptions");
        grid.getStyleClass().add("options-grid");

        options.setId("options");
        subscriptions.bind(options.textProperty(), Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "Options — broadcast %s%s · receive buffer %,d KiB · %s",
                model.broadcastProperty().get() ? "on" : "off",
                model.reuseAddressProperty().get() ? " · reuse address" : "", model.receiveBufferKiBProperty().get(),
                groupsSummary(multicast.groups().size(), multicast.boundProperty().get())),
                model.broadcastProperty(), model.reuseAddressProperty(), model.receiveBufferKiBProperty(),
                multicast.groups(), multicast.boundProperty()));
        options.setContent(grid);
        options.setExpanded(false);
        options.setAnimated(false);
        options.getStyleClass().add("udp-options");
    }

    private static String groupsSummary(int groups, boolean bound) {
        String joined = bound ? "joined" : "to join at start";
        return switch (groups) {
            case 0 -> "no multicast group joined";
            case 1 -> "1 multicast group " + joined;
            default -> groups + " multicast groups " + joined;
        };
    }

    private Node groupsPane(MulticastModel multicast) {
        ListView<MulticastMembership> groups = new ListView<>(multicast.groups());
        groups.setId("groups");
        groups.setPrefHeight(64);
        groups.setPrefWidth(210);
        Label placeholder = new Label("No groups joined");
        placeholder.getStyleClass().add("placeholder-label");
        groups.setPlaceholder(placeholder);
        groups.setTooltip(new Tooltip("Groups this socket has joined; Stop leaves them all and Start joins them "
                + "again"));

        Button leave = new Button("Leave");
        leave.setId("leave");
        leave.getStyleClass().add("small-button");
        leave.setMinWidth(Region.USE_PREF_SIZE);
        leave.setOnAction(event -> multicast.leave(groups.getSelectionModel().getSelectedItem()));
        subscriptions.bind(leave.disableProperty(), groups.getSelectionModel().selectedItemProperty().isNull());
        leave.setTooltip(new Tooltip("Leave the selected group"));

        Label title = caption("Joined groups");
        subscriptions.bind(title.textProperty(), Bindings.when(multicast.boundProperty())
                .then("Joined groups").otherwise("Groups to join at start"));
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
