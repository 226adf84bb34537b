package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.repeat.RepeatSendPanel;
import com.socketworkbench.ui.tab.SidePanels;
import com.socketworkbench.ui.sendfile.SendFilePanel;
import com.socketworkbench.ui.rules.RulesPanel;
import com.socketworkbench.ui.stream.CloseModeButtons;
import com.socketworkbench.ui.stream.ConnectionDetailsPane;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.stream.FramingEditor;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.tls.TlsClientPanel;

import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.stream.SocketOptionsPane;
import com.socketworkbench.ui.stream.SocketPanel;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.stream.SplitSendControls;
import com.socketworkbench.ui.stream.StreamSettings;
import com.socketworkbench.ui.stream.StreamStyles;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.capture.CaptureControls;
import com.socketworkbench.ui.tab.LazyPanel;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.TimelineView;
import com.socketworkbench.ui.traffic.TrafficPane;
import com.socketworkbench.ui.stream.Transport;
import com.socketworkbench.ui.stream.UnixPathField;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The TCP Client tab's layout (root id {@code tcpClient}): host/port/timeout and Connect on top, timeline over
 * payload inspector in the middle, send editor at the bottom. Binds to the {@link TcpClientViewModel} only.
 */
public final class TcpClientView implements TabView {
    static final Texts TEXT = ClientTexts.TEXT;

    private final TcpClientViewModel model;
    private final Subscriptions subscriptions;
    private final HostField host;
    private final PortField port;
    private final UnixPathField unixPath;
    private final FramingEditor framing;
    private final SocketPanel socketPanel;
    private final TrafficPane traffic;
    private final SendEditor sendEditor;
    private final MessagesPanel messages;
    private final RepeatSendPanel repeatSend;
    private final SendFilePanel sendFile;
    private final RulesPanel rules;
    private final TabNotifier notifier;
    private final CaptureControls captureControls;
    private final TlsClientPanel tls;
    private final BorderPane root;

    public TcpClientView(TcpClientViewModel model, Subscriptions subscriptions, MessagesPanel messages) {
        this.model = model;
        this.subscriptions = subscriptions;
        this.messages = messages;
        host = new HostField("host", model.host(), subscriptions);
        port = new PortField("port", model.port(), subscriptions);
        StreamSettings stream = model.stream();
        unixPath = new UnixPathField(false, stream.unixPath(), subscriptions);
        framing = new FramingEditor(stream.framing(), subscriptions);
        tls = new TlsClientPanel(model.tls(), model.host().textProperty(),
                model.stateProperty().isNotEqualTo(ClientState.DISCONNECTED), subscriptions);
        traffic = new TrafficPane(model.traffic(), TEXT.get("traffic.placeholder"), subscriptions);
        traffic.keepRowsInViewWhenShort(subscriptions);
        sendEditor = new SendEditor(model.sendEditor(), subscriptions);
        rules = new RulesPanel(model.rules(), model.sendEditor().charsetProperty()::get, subscriptions);
        traffic.followSendCharset(sendEditor.charsetProperty(), subscriptions);
        ConnectionDetailsPane details = new ConnectionDetailsPane(TEXT.get("details.placeholder"));
        subscriptions.subscribe(model.detailsProperty(), shown -> details.show(TEXT.get("details.subject"), shown));
        socketPanel = new SocketPanel(new SocketOptionsPane(stream.socketOptions(), true, model::applySocketOptions,
                subscriptions), details, model::refreshSocketInfo);
        SplitSendControls splitSend = new SplitSendControls(stream.split(), model.sendEditor(),
                stream.socketOptions(), model::applySocketOptions, subscriptions);
        sendEditor.addOptions(splitSend.toggle());
        sendEditor.addRow(splitSend.row());
        framing.addToHeader(pendingBadge());

        SplitPane withPanel = new SplitPane(traffic.split());
        withPanel.setOrientation(Orientation.HORIZONTAL);
        withPanel.getStyleClass().add("main-split");
        socketPanel.attachTo(withPanel, subscriptions);
        messages.attachTo(withPanel, subscriptions);
        repeatSend = new RepeatSendPanel(model.sendTools().repeat(), subscriptions);
        sendFile = new SendFilePanel(model.sendTools().file(), subscriptions);
        addSendTools(withPanel);
        sendEditor.addBesideSend(SidePanels.row(messages.besideSend(), repeatSend.toggle(), sendFile.toggle()));
        rules.attachTo(withPanel, subscriptions);
        SidePanels.onlyOneOf(subscriptions, socketPanel.toggle(), messages.toggle(), repeatSend.toggle(),
                sendFile.toggle(), rules.toggle());

        // Notifications slide over the traffic area, never over the settings: Connect stays reachable.
        notifier = new TabNotifier(withPanel);
        root = TabLayout.root("tcpClient", TcpClientView.class, "tcp-client.css",
                new VBox(settings(), streamBar()), notifier.pane(), sendEditor.view());
        StreamStyles.apply(root);
        model.traffic().setOnFailure(notifier::showError);
        captureControls = new CaptureControls(model.capture(), traffic.timeline(), notifier, subscriptions);
    }

    private Node settings() {
        StreamSettings stream = model.stream();
        Spinner<Integer> timeout = Spinners.timeoutSeconds("timeout", 300, model.timeoutSecondsProperty(),
                TEXT.get("timeout.tooltip"), subscriptions);

        Button connect = new Button(TEXT.get("connect"));
        connect.setId("connect");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setOnAction(event -> model.toggle());
        subscriptions.subscribe(model.stateProperty(), state -> {
            connect.setText(switch (state) {
                case DISCONNECTED -> TEXT.get("connect");
                case CONNECTING -> TEXT.get("connect.cancel");
                case CONNECTED -> TEXT.get("connect.disconnect");
                case DISCONNECTING -> TEXT.get("connect.disconnecting");
            });
            connect.getStyleClass().removeAll("accent", "danger");
            connect.getStyleClass().add(state == ClientState.DISCONNECTED ? "accent" : "danger");
        });
        subscriptions.bind(connect.disableProperty(), Bindings.createBooleanBinding(
                () -> switch (model.state()) {
                    case DISCONNECTED -> !model.canConnectProperty().get();
                    case CONNECTING, CONNECTED -> false;
                    case DISCONNECTING -> true;
                }, model.stateProperty(), model.canConnectProperty()));
        Tips.install(connect, TEXT.get("connect.tooltip"));

        Label info = TabLayout.stateBadge("connectionInfo", "connection-info", Bindings.createStringBinding(
                () -> switch (model.state()) {
                    case DISCONNECTED -> TEXT.get("info.not.connected");
                    case CONNECTING -> TEXT.get("info.connecting");
                    case CONNECTED -> model.halfClosedProperty().get()
                            ? TEXT.get("info.half.closed", model.connectionInfoProperty().get())
                            : model.connectionInfoProperty().get();
                    case DISCONNECTING -> model.connectionInfoProperty().get();
                }, model.stateProperty(), model.connectionInfoProperty(), model.halfClosedProperty()),
                model.stateProperty().isEqualTo(ClientState.CONNECTED), subscriptions);
        Tips.install(info, TEXT.get("info.tooltip"));

        ComboBox<Transport> transport = new ComboBox<>(FXCollections.observableArrayList(Transport.values()));
        transport.setId("transport");
        Tips.install(transport, TEXT.get("transport.tooltip"));
        subscriptions.bindBidirectional(transport.valueProperty(), stream.transportProperty());

        BooleanBinding locked = model.stateProperty().isNotEqualTo(ClientState.DISCONNECTED);
        for (Node node : new Node[]{transport, host.field(), port.field(), timeout, unixPath.field()}) {
            subscriptions.bind(node.disableProperty(), locked);
        }

        HBox tcpFields = new HBox(14,
                SendEditor.labelled(TEXT.get("host"), host.field()),
                SendEditor.labelled(TEXT.get("port"), port.field()),
                SendEditor.labelled(TEXT.get("timeout"), timeout));
        tcpFields.setAlignment(Pos.CENTER_LEFT);
        HBox unixFields = new HBox(14, SendEditor.labelled(TEXT.get("path"), unixPath.field()));
        unixFields.setAlignment(Pos.CENTER_LEFT);
        BooleanBinding unix = stream.transportProperty().isEqualTo(Transport.UNIX);
        showWhen(tcpFields, unix.not());
        showWhen(unixFields, unix);

        // TLS is a TCP matter: over a Unix socket the switch and its panel step aside.
        showWhen(tls.toggle(), unix.not());
        FlowPane bar = TabLayout.settingsBar(transport, tcpFields, unixFields, tls.toggle(), connect, info);
        // Settings while they can change; once connected the handshake row tells what was agreed, and the room
        // goes to the timeline.
        Node tlsPanel = LazyPanel.showWhen(tls::panel, unix.not().and(model.tls().enabledProperty())
                .and(model.stateProperty().isEqualTo(ClientState.DISCONNECTED)), subscriptions);

        HBox tcpMessages = new HBox(16, host.messageLabel(), port.messageLabel());
        tcpMessages.setAlignment(Pos.CENTER_LEFT);
        showWhen(tcpMessages, unix.not().and(host.messageLabel().visibleProperty()
                .or(port.messageLabel().visibleProperty())));
        HBox unixMessages = new HBox(16, unixPath.messageLabel());
        showWhen(unixMessages, unix.and(unixPath.messageLabel().visibleProperty()));
        return new VBox(bar, TabLayout.messageRow("settings-messages", subscriptions, tcpMessages, unixMessages),
                tlsPanel);
    }

    /** How received bytes become rows, and the ways to end the connection. */
    private Node streamBar() {
        CloseModeButtons closeModes = new CloseModeButtons(TEXT.get("close.caption"), model.stateProperty()
                .isNotEqualTo(ClientState.CONNECTED), model::closeWith, CloseModeButtons.Layout.ONE_ROW,
                subscriptions);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        framing.addToHeader(spacer, closeModes.view(), socketPanel.toggle());
        framing.addToHeader(rules.toggle());
        HBox bar = new HBox(framing.view());
        HBox.setHgrow(framing.view(), Priority.ALWAYS);
        bar.getStyleClass().add("stream-bar");
        return bar;
    }

    /** "5 B pending" while the connection holds the start of a frame whose rest has not arrived. */
    private Label pendingBadge() {
        Label pending = new Label();
        pending.setId("pendingBytes");
        pending.getStyleClass().add("pending-badge");
        pending.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(pending, TEXT.get("pending.tooltip"));
        subscriptions.bind(pending.textProperty(), Bindings.createStringBinding(
                () -> TEXT.get("pending.badge", Formats.bytes(model.pendingBytesProperty().get())),
                model.pendingBytesProperty()));
        showWhen(pending, model.pendingBytesProperty().greaterThan(0));
        return pending;
    }

    /** Periodic send and send file: side panels like the messages panel, their toggles under Send. */
    private void addSendTools(SplitPane withPanel) {
        repeatSend.attachTo(withPanel, subscriptions);
        sendFile.attachTo(withPanel, subscriptions);
    }

    public RepeatSendPanel repeatSend() {
        return repeatSend;
    }

    public SendFilePanel sendFile() {
        return sendFile;
    }

    private void showWhen(Node node, ObservableBooleanValue condition) {
        TabLayout.showWhen(node, condition, subscriptions);
    }

    @Override
    public BorderPane view() {
        return root;
    }

    /** Export and record in the timeline's tool bar. */
    public CaptureControls captureControls() {
        return captureControls;
    }

    public TabNotifier notifier() {
        return notifier;
    }

    /** The TLS switch and its settings panel. */
    public TlsClientPanel tls() {
        return tls;
    }

    /** The auto-reply rules panel. */
    public RulesPanel rules() {
        return rules;
    }

    public MessagesPanel messages() {
        return messages;
    }

    public TimelineView timeline() {
        return traffic.timeline();
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
