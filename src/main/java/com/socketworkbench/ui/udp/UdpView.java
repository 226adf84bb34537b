package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.input.BindAddressPicker;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.capture.CaptureControls;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.TimelineView;
import com.socketworkbench.ui.traffic.TrafficPane;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
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
 * The UDP tab's layout (root id {@code udp}): bind settings and the collapsible {@link UdpOptionsPane} (broadcast,
 * buffers, multicast) on top with the datagram counters under them, timeline over payload inspector in the middle
 * (where notifications slide in, id {@code notifications}), and the target row ("Send to host:port", Reply to
 * sender, Connected mode) above the shared send editor at the bottom. Binds to the {@link UdpViewModel} only.
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
    private final MessagesPanel messages;
    private final UdpOptionsPane options;
    private final TabNotifier notifier;
    private final CaptureControls captureControls;
    private final BorderPane root;

    public UdpView(UdpViewModel model, Subscriptions subscriptions, MessagesPanel messages) {
        this.model = model;
        this.subscriptions = subscriptions;
        this.messages = messages;
        bindAddress = new BindAddressPicker(model.bindAddress(), subscriptions);
        port = new PortField("port", model.port(), subscriptions);
        targetHost = new HostField("targetHost", model.targetHost(), subscriptions);
        targetHost.field().setTooltip(new Tooltip("Where datagrams go: a host name, an IPv4 or an IPv6 address "
                + "(127.0.0.1, ::1, localhost)"));
        targetPort = new PortField("targetPort", model.targetPort(), subscriptions);
        targetPort.field().setTooltip(new Tooltip("The port datagrams go to, 1–65535"));
        traffic = new TrafficPane(model.traffic(),
                "Start, then send datagrams to the port shown: each datagram is one row", subscriptions);
        timeline = traffic.timeline();
        timeline.setEmptyPayloadText(EventText.EMPTY_DATAGRAM);
        sendEditor = new SendEditor(model.sendEditor(), subscriptions);

        subscriptions.bind(model.selectedRowProperty(), timeline.selectedProperty());
        traffic.split().getStyleClass().add("main-split");

        // Notifications slide over the traffic area, never over the settings: Start/Stop stays reachable.
        SplitPane withPanel = new SplitPane(traffic.split());
        withPanel.setOrientation(Orientation.HORIZONTAL);
        messages.attachTo(withPanel, subscriptions);
        sendEditor.addBesideSend(messages.besideSend());
        notifier = new TabNotifier(withPanel);
        Node settings = settings();
        options = new UdpOptionsPane(model, subscriptions);
        root = TabLayout.root("udp", UdpView.class, "udp.css", new VBox(settings, options.view(), statsBar()),
                notifier.pane(), new VBox(targetBar(), sendEditor.view()));
        model.traffic().setOnFailure(notifier::showError);
        captureControls = new CaptureControls(model.capture(), traffic.timeline(), notifier, subscriptions);
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

    @Override
    public BorderPane view() {
        return root;
    }

    /** Export and record in the timeline's tool bar. */
    public CaptureControls captureControls() {
        return captureControls;
    }

    public MessagesPanel messages() {
        return messages;
    }

    public TabNotifier notifier() {
        return notifier;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public TitledPane optionsPane() {
        return options.view();
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
