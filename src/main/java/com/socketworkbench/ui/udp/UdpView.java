package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.udp.MulticastMembership;
import com.socketworkbench.ui.input.BindAddressPicker;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.TimelineView;
import com.socketworkbench.ui.traffic.TrafficPane;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;

import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The UDP tab's layout (root id {@code udp}): bind settings and a collapsible Options area (broadcast, buffers,
 * multicast) on top with the datagram counters under them, timeline over payload inspector in the middle (where
 * notifications slide in, id {@code notifications}), and the target row ("Send to host:port", Reply to sender, Connected mode) above the shared send editor at the bottom.
 * Binds to the {@link UdpViewModel} only.
 */
public final class UdpView implements TabView {
    static final String BOUNDARY_HINT = "UDP keeps message boundaries: one datagram, one row — compare with TCP's "
            + "byte stream, where rows are reads";

    private final UdpViewModel model;
    private final Subscriptions subscriptions;
    private final BindAddressPicker bindAddress;
    private final PortField port;
    private final HostField targetHost;
    private final PortField targetPort;
    private final TrafficPane traffic;
    private final TimelineView timeline;
    private final SendEditor sendEditor;
    private final TitledPane options = new TitledPane();
    private final TabNotifier notifier;
    private final BorderPane root;

    public UdpView(UdpViewModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
        bindAddress = new BindAddressPicker(model.bindAddress(), subscriptions);
        port = new PortField("port", model.port(), subscriptions);
        targetHost = new HostField("targetHost", model.targetHost(), subscriptions);
        targetHost.field().setTooltip(new Tooltip("Where datagrams go: a host name, an IPv4 or an IPv6 address "
                + "(127.0.0.1, ::1, localhost)"));
        targetPort = new PortField("targetPort", model.targetPort(), subscriptions);
        targetPort.field().setTooltip(new Tooltip("The port datagrams go to, 1–65535"));
        traffic = new TrafficPane(model.traffic().timeline(),
                "Start, then send datagrams to the port shown: each datagram is one row", subscriptions);
        timeline = traffic.timeline();
        timeline.setEmptyPayloadText(EventText.EMPTY_DATAGRAM);
        sendEditor = new SendEditor(model.sendEditor(), subscriptions);

        subscriptions.bind(model.selectedRowProperty(), timeline.selectedProperty());
        traffic.split().getStyleClass().add("main-split");

        // Notifications slide over the traffic area, never over the settings: Start/Stop stays reachable.
        notifier = new TabNotifier(traffic.split());
        root = TabLayout.root("udp", UdpView.class, "udp.css", new VBox(settings(), options(), statsBar()),
                notifier.pane(), new VBox(targetBar(), sendEditor.view()));
        model.traffic().setOnFailure(notifier::showError);
    }

    private Node settings() {
        Button startStop = TabLayout.startStopButton(model.stateProperty(), model.canStartProperty(), model::toggle,
                "Bind the UDP socket to receive datagrams, or close it", subscriptions);
        Label listening = TabLayout.stateBadge("listeningAddress", "listening-address",
                Bindings.when(model.listeningAddressProperty().isEmpty()).then("Not bound")
                        .otherwise(model.listeningAddressProperty()),
                model.stateProperty().isEqualTo(ListenerState.RUNNING), subscriptions);

        BooleanBinding locked = model.stateProperty().isNotEqualTo(ListenerState.STOPPED);
        for (Node node : new Node[]{bindAddress.comboBox(), port.field()}) {
            subscriptions.bind(node.disableProperty(), locked);
        }

        Label portHelp = new Label("0 = any free port");
        portHelp.getStyleClass().add("muted-label");
        FlowPane bar = TabLayout.settingsBar(SendEditor.labelled("Bind", bindAddress.comboBox()),
                SendEditor.labelled("Port", port.field()), portHelp, startStop, listening);

        return new VBox(bar, TabLayout.messageRow("settings-messages", subscriptions, port.messageLabel(),
                bindAddress.warningLabel()));
    }

    private Node options() {
        CheckBox broadcast = new CheckBox("Broadcast");
        broadcast.setId("broadcast");
        broadcast.setTooltip(new Tooltip("SO_BROADCAST: allows sending to a broadcast address such as "
                + "255.255.255.255 or 192.168.1.255; without it the system refuses"));
        subscriptions.bindBidirectional(broadcast.selectedProperty(), model.broadcastProperty());

        Spinner<Integer> receiveBuffer = Spinners.integer("receiveBuffer", 1, UdpViewModel.MAX_RECEIVE_BUFFER_KIB,
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
                row(socketCaption, broadcast, SendEditor.labelled("Receive buffer (KiB)", receiveBuffer),
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
                "Options — broadcast %s · receive buffer %,d KiB · %s", model.broadcastProperty().get() ? "on" : "off",
                model.receiveBufferKiBProperty().get(), groupsSummary(multicast.groups().size())),
                model.broadcastProperty(), model.receiveBufferKiBProperty(), multicast.groups()));
        options.setContent(grid);
        options.setExpanded(false);
        options.setAnimated(false);
        options.getStyleClass().add("udp-options");
        return options;
    }

    private static String groupsSummary(int joined) {
        return switch (joined) {
            case 0 -> "no multicast group joined";
            case 1 -> "1 multicast group joined";
            default -> joined + " multicast groups joined";
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
        groups.setTooltip(new Tooltip("Groups this socket has joined; stopping leaves them all"));

        Button leave = new Button("Leave");
        leave.setId("leave");
        leave.getStyleClass().add("small-button");
        leave.setMinWidth(Region.USE_PREF_SIZE);
        leave.setOnAction(event -> multicast.leave(groups.getSelectionModel().getSelectedItem()));
        subscriptions.bind(leave.disableProperty(), groups.getSelectionModel().selectedItemProperty().isNull());
        leave.setTooltip(new Tooltip("Leave the selected group"));

        Label title = caption("Joined groups");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, leave);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(4, header, groups);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        VBox.setVgrow(groups, Priority.ALWAYS);
        return pane;
    }

    private Node statsBar() {
        UdpStats stats = model.stats();
        Label counters = boundLabel("datagramCounters", stats.datagramCountersProperty());
        counters.setTooltip(new Tooltip("Every datagram this tab received and sent, also those the timeline no "
                + "longer shows"));
        Label drops = boundLabel("kernelDrops", stats.kernelDropsProperty());
        drops.setTooltip(new Tooltip("Datagrams the kernel discarded for this port because the receive buffer was "
                + "full (Linux /proc/net/udp). On loopback, what a peer sent = received + kernel drops."));
        Label rates = boundLabel("rates", stats.ratesProperty());
        rates.setTooltip(new Tooltip("Datagrams and bytes per second, measured over the last second"));
        Label hint = new Label("One datagram = one row");
        hint.setId("boundaryHint");
        hint.getStyleClass().add("boundary-hint");
        hint.setTooltip(new Tooltip(BOUNDARY_HINT));
        timeline.table().setTooltip(new Tooltip(BOUNDARY_HINT));
        for (Label label : new Label[]{counters, drops, rates, hint}) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Counters wrap onto a second line in a narrow window rather than lose their last digits.
        FlowPane figures = new FlowPane(18, 2, counters, drops, rates);
        figures.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(figures, Priority.ALWAYS);
        HBox bar = new HBox(18, figures, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("udp-stats");
        return bar;
    }

    private Node targetBar() {
        Button reply = new Button("Reply to sender");
        reply.setId("replyToSender");
        reply.getStyleClass().add("small-button");
        reply.setTooltip(new Tooltip("Send to where the selected received datagram came from"));
        reply.setOnAction(event -> replyToSender());
        subscriptions.bind(reply.disableProperty(), model.canReplyBinding().not());

        MenuItem replyItem = new MenuItem("Reply to sender");
        replyItem.setId("replyToSenderMenu");
        replyItem.setOnAction(event -> replyToSender());
        subscriptions.bind(replyItem.disableProperty(), model.canReplyBinding().not());
        timeline.table().setContextMenu(new ContextMenu(replyItem));
        // The menu acts on the selected row, so the row under a right click becomes the selected one.
        timeline.table().addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.getButton() == MouseButton.SECONDARY) {
                selectRowUnder(event.getPickResult().getIntersectedNode());
            }
        });

        CheckBox connected = new CheckBox("Connected mode");
        connected.setId("connectedMode");
        connected.setTooltip(new Tooltip("Connect the socket to the target: only its datagrams are received, and an "
                + "ICMP \"port unreachable\" (nothing listening there) is reported"));
        subscriptions.bindBidirectional(connected.selectedProperty(), model.connectedModeProperty());
        subscriptions.bind(connected.disableProperty(), model.stateProperty().isEqualTo(ListenerState.STARTING)
                .or(model.stateProperty().isEqualTo(ListenerState.STOPPING)));
        for (Node node : new Node[]{targetHost.field(), targetPort.field()}) {
            subscriptions.bind(node.disableProperty(), model.connectedModeProperty());
        }

        Label from = new Label();
        from.setId("sendFrom");
        from.getStyleClass().add("muted-label");
        subscriptions.bind(from.textProperty(), Bindings.createStringBinding(
                () -> model.connectedPeerProperty().get().isEmpty() ? model.sendFromProperty().get()
                        : model.sendFromProperty().get() + ", " + model.connectedPeerProperty().get(),
                model.sendFromProperty(), model.connectedPeerProperty()));
        from.setTooltip(new Tooltip("Datagrams leave from the tab's own socket, so the peer sees this source port "
                + "and its replies come back here"));

        Label size = new Label();
        size.setId("datagramSize");
        size.getStyleClass().add("muted-label");
        subscriptions.bind(size.textProperty(), Bindings.createStringBinding(() -> {
            int bytes = model.datagramSizeBinding().get();
            return bytes < 0 ? "" : String.format(Locale.ROOT, "%,d B in one datagram", bytes);
        }, model.datagramSizeBinding()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, SendEditor.labelled("Send to", targetHost.field()),
                SendEditor.labelled("Port", targetPort.field()), reply, connected, from, spacer, size);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("udp-target-bar");

        Label sendMessage = TabLayout.errorLabel("sendMessage", model.sendMessageProperty(), subscriptions);
        return new VBox(bar, TabLayout.messageRow("udp-target-messages", subscriptions, targetHost.messageLabel(),
                targetPort.messageLabel(), sendMessage));
    }

    private void selectRowUnder(Node picked) {
        Node node = picked;
        while (node != null && !(node instanceof TableRow<?>)) {
            node = node.getParent();
        }
        if (node instanceof TableRow<?> row && !row.isEmpty()) {
            timeline.table().getSelectionModel().select(row.getIndex());
        }
    }

    private void replyToSender() {
        if (model.replyToSender()) {
            sendEditor.input().requestFocus();
        }
    }

    private Label boundLabel(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        subscriptions.bind(label.textProperty(), text);
        return label;
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

    @Override
    public BorderPane view() {
        return root;
    }

    public TabNotifier notifier() {
        return notifier;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public TitledPane optionsPane() {
        return options;
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
