package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.ui.common.CloseModeButtons;
import com.socketworkbench.ui.common.ConnectionDetailsPane;
import com.socketworkbench.ui.common.Formats;
import com.socketworkbench.ui.common.FramingEditor;
import com.socketworkbench.ui.common.HostField;
import com.socketworkbench.ui.common.PayloadInspector;
import com.socketworkbench.ui.common.PortField;
import com.socketworkbench.ui.common.SendEditor;
import com.socketworkbench.ui.common.SocketOptionsPane;
import com.socketworkbench.ui.common.SocketPanel;
import com.socketworkbench.ui.common.SplitSendControls;
import com.socketworkbench.ui.common.StreamStyles;
import com.socketworkbench.ui.common.Styles;
import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabNotifier;
import com.socketworkbench.ui.common.TabView;
import com.socketworkbench.ui.common.TimelineView;
import com.socketworkbench.ui.common.Transport;
import com.socketworkbench.ui.common.UnixPathField;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
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
    private final TcpClientViewModel model;
    private final Subscriptions subscriptions;
    private final HostField host;
    private final PortField port;
    private final UnixPathField unixPath;
    private final FramingEditor framing;
    private final SocketPanel socketPanel;
    private final TimelineView timeline;
    private final PayloadInspector inspector;
    private final SendEditor sendEditor;
    private final TabNotifier notifier;
    private final BorderPane root;

    public TcpClientView(TcpClientViewModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
        host = new HostField(model.hostProperty().get(), subscriptions);
        port = new PortField(false, false, Integer.toString(model.portProperty().get()), subscriptions);
        unixPath = new UnixPathField(false, model.unixPathProperty().get(), subscriptions);
        framing = new FramingEditor(model.framing(), subscriptions);
        timeline = new TimelineView(model.timeline(), subscriptions);
        timeline.setPlaceholderText("Connect to a server: the connection and its data appear here");
        inspector = new PayloadInspector(subscriptions);
        sendEditor = new SendEditor(model.sendEditor(), subscriptions);
        ConnectionDetailsPane details = new ConnectionDetailsPane("Connect to see the connection's address family,"
                + " type, addresses and options.");
        subscriptions.subscribe(model.detailsProperty(), shown -> details.show("connection", shown));
        socketPanel = new SocketPanel(new SocketOptionsPane(model.socketOptions(), true, model::applySocketOptions,
                subscriptions), details, model::refreshSocketInfo);
        SplitSendControls splitSend = new SplitSendControls(model.split(), model.sendEditor(), model.socketOptions(),
                model::applySocketOptions, subscriptions);
        sendEditor.addOptions(splitSend.toggle());
        sendEditor.addRow(splitSend.row());
        framing.addToHeader(pendingBadge());

        subscriptions.bind(model.hostProperty(),
                Bindings.createStringBinding(host::host, host.field().textProperty()));
        subscriptions.bind(model.portProperty(), port.portProperty());
        subscriptions.bind(model.unixPathProperty(), unixPath.field().textProperty());
        subscriptions.bind(timeline.charsetProperty(), inspector.charsetProperty());
        subscriptions.bind(inspector.rowProperty(), timeline.selectedProperty());

        SplitPane split = new SplitPane(timeline.view(), inspector.view());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        SplitPane withPanel = new SplitPane(split);
        withPanel.setOrientation(Orientation.HORIZONTAL);
        withPanel.getStyleClass().add("main-split");
        socketPanel.attachTo(withPanel, subscriptions);

        // Notifications slide over the traffic area, never over the settings: Connect stays reachable.
        notifier = new TabNotifier(withPanel);
        root = new BorderPane();
        root.setId("tcpClient");
        root.getStyleClass().add("tab-content");
        root.setTop(new VBox(settings(), streamBar()));
        root.setCenter(notifier.pane());
        root.setBottom(sendEditor.view());
        Styles.apply(root, TcpClientView.class, "tcp-client.css");
        StreamStyles.apply(root);
        model.setOnFailure(notifier::showError);
    }

    private Node settings() {
        Spinner<Integer> timeout = new Spinner<>();
        timeout.setId("timeout");
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 300, model.timeoutSecondsProperty().get());
        timeout.setValueFactory(factory);
        timeout.setEditable(true);
        timeout.getEditor().setTextFormatter(new TextFormatter<>(
                change -> change.getControlNewText().matches("\\d{0,3}") ? change : null));
        timeout.setPrefWidth(76);
        timeout.setTooltip(new Tooltip("Give up connecting after this many seconds"));
        subscriptions.bindBidirectional(factory.valueProperty(), model.timeoutSecondsProperty());

        Button connect = new Button("Connect");
        connect.setId("connect");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setOnAction(event -> model.toggle());
        subscriptions.subscribe(model.stateProperty(), state -> {
            connect.setText(switch (state) {
                case DISCONNECTED -> "Connect";
                case CONNECTING -> "Cancel";
                case CONNECTED -> "Disconnect";
                case DISCONNECTING -> "Disconnecting…";
            });
            connect.getStyleClass().removeAll("accent", "danger");
            connect.getStyleClass().add(state == ClientState.DISCONNECTED ? "accent" : "danger");
        });
        subscriptions.bind(connect.disableProperty(), Bindings.createBooleanBinding(
                () -> switch (model.state()) {
                    case DISCONNECTED -> model.transportProperty().get() == Transport.UNIX ? !unixPath.isValid()
                            : !port.isValid() || !host.validProperty().get();
                    case CONNECTING, CONNECTED -> false;
                    case DISCONNECTING -> true;
                }, model.stateProperty(), model.transportProperty(), port.validProperty(), host.validProperty(),
                unixPath.validProperty()));
        connect.setTooltip(new Tooltip("Open a connection (Cancel stops a connect in progress; Disconnect closes"
                + " it gracefully with FIN)"));

        Label info = new Label();
        info.setId("connectionInfo");
        info.getStyleClass().add("connection-info");
        subscriptions.bind(info.textProperty(), Bindings.createStringBinding(() -> switch (model.state()) {
            case DISCONNECTED -> "Not connected";
            case CONNECTING -> "Connecting…";
            case CONNECTED -> model.connectionInfoProperty().get()
                    + (model.halfClosedProperty().get() ? " (half-closed)" : "");
            case DISCONNECTING -> model.connectionInfoProperty().get();
        }, model.stateProperty(), model.connectionInfoProperty(), model.halfClosedProperty()));
        info.setTooltip(new Tooltip("local address:port → remote address:port"));
        subscriptions.subscribe(model.stateProperty(), state -> {
            info.getStyleClass().remove("active");
            if (state == ClientState.CONNECTED) {
                info.getStyleClass().add("active");
            }
        });

        ComboBox<Transport> transport = new ComboBox<>(FXCollections.observableArrayList(Transport.values()));
        transport.setId("transport");
        transport.setTooltip(new Tooltip("""
                TCP: connect to a host and port.
                Unix domain socket: connect to a socket file (AF_UNIX) of a server on this machine.
                Framing, sending and the timeline work the same for both."""));
        subscriptions.bindBidirectional(transport.valueProperty(), model.transportProperty());

        BooleanBinding locked = model.stateProperty().isNotEqualTo(ClientState.DISCONNECTED);
        for (Node node : new Node[]{transport, host.field(), port.field(), timeout, unixPath.field()}) {
            subscriptions.bind(node.disableProperty(), locked);
        }

        HBox tcpFields = new HBox(14,
                SendEditor.labelled("Host", host.field()),
                SendEditor.labelled("Port", port.field()),
                SendEditor.labelled("Timeout (s)", timeout));
        tcpFields.setAlignment(Pos.CENTER_LEFT);
        HBox unixFields = new HBox(14, SendEditor.labelled("Path", unixPath.field()));
        unixFields.setAlignment(Pos.CENTER_LEFT);
        BooleanBinding unix = model.transportProperty().isEqualTo(Transport.UNIX);
        showWhen(tcpFields, unix.not());
        showWhen(unixFields, unix);

        HBox bar = new HBox(14, transport, tcpFields, unixFields, connect, info);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("settings-bar");

        HBox tcpMessages = new HBox(16, host.messageLabel(), port.messageLabel());
        tcpMessages.setAlignment(Pos.CENTER_LEFT);
        showWhen(tcpMessages, unix.not().and(host.messageLabel().visibleProperty()
                .or(port.messageLabel().visibleProperty())));
        HBox unixMessages = new HBox(16, unixPath.messageLabel());
        showWhen(unixMessages, unix.and(unixPath.messageLabel().visibleProperty()));
        FlowPane messages = new FlowPane(16, 4, tcpMessages, unixMessages);
        messages.getStyleClass().add("settings-messages");
        showWhen(messages, tcpMessages.visibleProperty().or(unixMessages.visibleProperty()));
        return new VBox(bar, messages);
    }

    /** How received bytes become rows, and the ways to end the connection. */
    private Node streamBar() {
        CloseModeButtons closeModes = new CloseModeButtons("Close", model.stateProperty()
                .isNotEqualTo(ClientState.CONNECTED), model::closeWith, subscriptions);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        framing.addToHeader(spacer, closeModes.view(), socketPanel.toggle());
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
        pending.setTooltip(new Tooltip("Bytes received that do not make a complete frame yet: the framing waits for"
                + " the rest before it shows a row"));
        subscriptions.bind(pending.textProperty(), Bindings.createStringBinding(
                () -> Formats.bytes(model.pendingBytesProperty().get()) + " pending (incomplete frame)",
                model.pendingBytesProperty()));
        showWhen(pending, model.pendingBytesProperty().greaterThan(0));
        return pending;
    }

    private void showWhen(Node node, ObservableBooleanValue condition) {
        subscriptions.bind(node.visibleProperty(), BooleanExpression.booleanExpression(condition));
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
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

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
