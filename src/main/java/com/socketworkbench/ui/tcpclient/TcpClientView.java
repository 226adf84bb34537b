package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.ui.common.HostField;
import com.socketworkbench.ui.common.PayloadInspector;
import com.socketworkbench.ui.common.PortField;
import com.socketworkbench.ui.common.SendEditor;
import com.socketworkbench.ui.common.Styles;
import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabNotifier;
import com.socketworkbench.ui.common.TimelineView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The TCP Client tab's layout (root id {@code tcpClient}): host/port/timeout and Connect on top, timeline over
 * payload inspector in the middle, send editor at the bottom. Binds to the {@link TcpClientViewModel} only.
 */
public final class TcpClientView {
    private final TcpClientViewModel model;
    private final Subscriptions subscriptions;
    private final HostField host;
    private final PortField port;
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
        timeline = new TimelineView(model.timeline(), subscriptions);
        timeline.setPlaceholderText("Connect to a server: the connection and its data appear here");
        inspector = new PayloadInspector(subscriptions);
        sendEditor = new SendEditor(model.sendEditor(), subscriptions);

        subscriptions.bind(model.hostProperty(),
                Bindings.createStringBinding(host::host, host.field().textProperty()));
        subscriptions.bind(model.portProperty(), port.portProperty());
        subscriptions.bind(timeline.charsetProperty(), inspector.charsetProperty());
        subscriptions.bind(inspector.rowProperty(), timeline.selectedProperty());

        SplitPane split = new SplitPane(timeline.view(), inspector.view());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        split.getStyleClass().add("main-split");

        // Notifications slide over the traffic area, never over the settings: Connect stays reachable.
        notifier = new TabNotifier(split);
        root = new BorderPane();
        root.setId("tcpClient");
        root.getStyleClass().add("tab-content");
        root.setTop(settings());
        root.setCenter(notifier.pane());
        root.setBottom(sendEditor.view());
        Styles.apply(root, TcpClientView.class, "tcp-client.css");
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
                    case DISCONNECTED -> !port.isValid() || !host.validProperty().get();
                    case CONNECTING, CONNECTED -> false;
                    case DISCONNECTING -> true;
                }, model.stateProperty(), port.validProperty(), host.validProperty()));
        connect.setTooltip(new Tooltip("Open a TCP connection (Cancel stops a connect in progress)"));

        Label info = new Label();
        info.setId("connectionInfo");
        info.getStyleClass().add("connection-info");
        subscriptions.bind(info.textProperty(), Bindings.createStringBinding(() -> switch (model.state()) {
            case DISCONNECTED -> "Not connected";
            case CONNECTING -> "Connecting…";
            case CONNECTED, DISCONNECTING -> model.connectionInfoProperty().get();
        }, model.stateProperty(), model.connectionInfoProperty()));
        info.setTooltip(new Tooltip("local address:port → remote address:port"));
        subscriptions.subscribe(model.stateProperty(), state -> {
            info.getStyleClass().remove("active");
            if (state == ClientState.CONNECTED) {
                info.getStyleClass().add("active");
            }
        });

        javafx.beans.binding.BooleanBinding locked = model.stateProperty().isNotEqualTo(ClientState.DISCONNECTED);
        for (Node node : new Node[]{host.field(), port.field(), timeout}) {
            subscriptions.bind(node.disableProperty(), locked);
        }

        HBox bar = new HBox(14,
                SendEditor.labelled("Host", host.field()),
                SendEditor.labelled("Port", port.field()),
                SendEditor.labelled("Timeout (s)", timeout),
                connect, info);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("settings-bar");

        FlowPane messages = new FlowPane(16, 4, host.messageLabel(), port.messageLabel());
        messages.getStyleClass().add("settings-messages");
        subscriptions.bind(messages.managedProperty(), host.messageLabel().visibleProperty()
                .or(port.messageLabel().visibleProperty()));
        subscriptions.bind(messages.visibleProperty(), messages.managedProperty());
        return new VBox(bar, messages);
    }

    public BorderPane view() {
        return root;
    }

    public TabNotifier notifier() {
        return notifier;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public void dispose() {
        notifier.dispose();
    }
}
