package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.BindAddressPicker;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.stream.CloseModeButtons;
import com.socketworkbench.ui.stream.ConnectionDetailsPane;
import com.socketworkbench.ui.stream.FramingEditor;
import com.socketworkbench.ui.tab.LazyPanel;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tls.TlsServerPanel;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.repeat.RepeatSendPanel;
import com.socketworkbench.ui.tab.SidePanels;
import com.socketworkbench.ui.sendfile.SendFilePanel;
import com.socketworkbench.ui.rules.RulesPanel;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.stream.SocketOptionsPane;
import com.socketworkbench.ui.stream.SocketPanel;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.stream.SplitSendControls;
import com.socketworkbench.ui.stream.StreamSettings;
import com.socketworkbench.ui.stream.StreamStyles;
import com.socketworkbench.ui.fx.LayoutBoundary;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.capture.CaptureControls;
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
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;



/**
 * The TCP Server tab's layout (root id {@code tcpServer}): settings bar, client list beside the timeline and payload
 * inspector, send editor at the bottom, all inside a notification pane. It only binds to the
 * {@link TcpServerViewModel}; no engine calls happen here.
 */
public final class TcpServerView implements TabView {
    static final Texts TEXT = ServerTexts.TEXT;

    private final TcpServerViewModel model;
    private final Subscriptions subscriptions;
    private final BindAddressPicker bindAddress;
    private final PortField port;
    private final UnixPathField unixPath;
    private final FramingEditor framing;
    private final SocketPanel socketPanel;
    private final ConnectionDetailsPane details;
    private final SplitSendControls splitSend;
    private final TrafficPane traffic;
    private final SendEditor sendEditor;
    private final MessagesPanel messages;
    private final RepeatSendPanel repeatSend;
    private final SendFilePanel sendFile;
    private final RulesPanel rules;
    private final TableView<ClientRow> clients = new TableView<>();
    private final TabNotifier notifier;
    private final CaptureControls captureControls;
    private final TlsServerPanel tls;
    private final BorderPane root;

    public TcpServerView(TcpServerViewModel model, Subscriptions subscriptions, MessagesPanel messages) {
        this.model = model;
        this.subscriptions = subscriptions;
        this.messages = messages;
        bindAddress = new BindAddressPicker(model.bindAddress(), subscriptions);
        port = new PortField("port", model.port(), subscriptions);
        StreamSettings stream = model.stream();
        unixPath = new UnixPathField(true, stream.unixPath(), subscriptions);
        framing = new FramingEditor(stream.framing(), subscriptions);
        tls = new TlsServerPanel(model.tls(), model.stateProperty().isNotEqualTo(ListenerState.STOPPED),
                subscriptions);
        traffic = new TrafficPane(model.traffic(), TEXT.get("traffic.placeholder"), subscriptions);
        traffic.keepRowsInViewWhenShort(subscriptions);
        sendEditor = new SendEditor(model.sendEditor(), subscriptions);
        rules = new RulesPanel(model.rules(), model.sendEditor().charsetProperty()::get, subscriptions);
        traffic.followSendCharset(sendEditor.charsetProperty(), subscriptions);
        details = new ConnectionDetailsPane(TEXT.get("details.placeholder"));
        subscriptions.subscribe(model.detailsProperty(),
                shown -> details.show(model.detailsSubjectProperty().get(), shown));
        socketPanel = new SocketPanel(new SocketOptionsPane(stream.socketOptions(), false,
                model::applySocketOptions, subscriptions), details, model::refreshSocketInfo);
        splitSend = new SplitSendControls(stream.split(), model.sendEditor(), stream.socketOptions(),
                model::applySocketOptions, subscriptions);

        repeatSend = new RepeatSendPanel(model.sendTools().repeat(), subscriptions);
        sendFile = new SendFilePanel(model.sendTools().file(), subscriptions);
        // Notifications slide over the traffic area, never over the settings: Start/Stop stays reachable.
        notifier = new TabNotifier(center());
        root = TabLayout.root("tcpServer", TcpServerView.class, "tcp-server.css",
                new VBox(settings(), streamBar()), notifier.pane(), sendEditor.view());
        sendEditor.addBesideSend(SidePanels.row(messages.besideSend(), repeatSend.toggle(), sendFile.toggle()));
        StreamStyles.apply(root);
        model.traffic().setOnFailure(notifier::showError);
        captureControls = new CaptureControls(model.capture(), traffic.timeline(), notifier, subscriptions);
    }

    private Node settings() {
        StreamSettings stream = model.stream();
        Button startStop = TabLayout.startStopButton(model.stateProperty(), model.canStartProperty(),
                model::toggle, TEXT.get("start.tooltip"), subscriptions);

        Spinner<Integer> maxConnections = Spinners.integer("maxConnections", 1, 100_000, 100,
                model.maxConnectionsProperty(), 100, TEXT.get("max.connections.tooltip"), subscriptions);

        TextField memoryBudget = new TextField();
        memoryBudget.setId("memoryBudget");
        memoryBudget.setPrefColumnCount(7);
        memoryBudget.setPromptText(model.defaultMemoryBudgetText());
        Tips.install(memoryBudget, TEXT.get("memory.budget.tooltip", model.defaultMemoryBudgetText()));
        Label budgetMessage = new Label();
        budgetMessage.setId("memoryBudgetMessage");
        subscriptions.bindBidirectional(memoryBudget.textProperty(), model.memoryBudget().textProperty());
        FieldMessage.show(memoryBudget, budgetMessage, model.memoryBudget().verdictProperty(), subscriptions);

        Label listening = TabLayout.stateBadge("listeningAddress", "listening-address",
                Bindings.when(model.listeningAddressProperty().isEmpty()).then(TEXT.get("not.listening"))
                        .otherwise(model.listeningAddressProperty()),
                model.stateProperty().isEqualTo(ListenerState.RUNNING), subscriptions);

        ComboBox<Transport> transport = new ComboBox<>(FXCollections.observableArrayList(Transport.values()));
        transport.setId("transport");
        Tips.install(transport, TEXT.get("transport.tooltip"));
        subscriptions.bindBidirectional(transport.valueProperty(), stream.transportProperty());

        // Transport, address, port and limits apply when starting; locked while a listener exists.
        BooleanBinding locked = model.stateProperty().isNotEqualTo(ListenerState.STOPPED);
        for (Node node : new Node[]{transport, bindAddress.comboBox(), port.field(), unixPath.field(), maxConnections,
                memoryBudget}) {
            subscriptions.bind(node.disableProperty(), locked);
        }

        Label portHelp = new Label(TEXT.get("port.help"));
        portHelp.getStyleClass().add("muted-label");
        portHelp.setMinWidth(Region.USE_PREF_SIZE);
        // Only while it can still be acted on: a running server's badge needs the room for the real port.
        showWhen(portHelp, model.stateProperty().isEqualTo(ListenerState.STOPPED));
        HBox tcpFields = new HBox(14, SendEditor.labelled(TEXT.get("bind"), bindAddress.comboBox()),
                SendEditor.labelled(TEXT.get("port"), port.field()), portHelp);
        tcpFields.setAlignment(Pos.CENTER_LEFT);
        HBox unixFields = new HBox(14, SendEditor.labelled(TEXT.get("path"), unixPath.field()));
        unixFields.setAlignment(Pos.CENTER_LEFT);
        BooleanBinding unix = stream.transportProperty().isEqualTo(Transport.UNIX);
        showWhen(tcpFields, unix.not());
        showWhen(unixFields, unix);

        FlowPane bar = TabLayout.settingsBar(transport, tcpFields, unixFields,
                SendEditor.labelled(TEXT.get("max.connections"), maxConnections),
                SendEditor.labelled(TEXT.get("memory.budget"), memoryBudget), tls.toggle(), startStop, listening);
        // TLS is a TCP matter: over a Unix socket the switch and its panel step aside.
        showWhen(tls.toggle(), unix.not());
        Node tlsPanel = LazyPanel.showWhen(tls::panel, unix.not().and(model.tls().enabledProperty()), subscriptions);

        HBox tcpMessages = new HBox(16, port.messageLabel(), bindAddress.warningLabel());
        tcpMessages.setAlignment(Pos.CENTER_LEFT);
        showWhen(tcpMessages, unix.not().and(port.messageLabel().visibleProperty()
                .or(bindAddress.warningLabel().visibleProperty())));
        HBox unixMessages = new HBox(16, unixPath.messageLabel(), staleSocketOffer());
        unixMessages.setAlignment(Pos.CENTER_LEFT);
        showWhen(unixMessages, unix.and(unixPath.messageLabel().visibleProperty()
                .or(model.staleSocketPathProperty().isNotEmpty())));
        return new VBox(bar, TabLayout.messageRow("settings-messages", subscriptions, tcpMessages, unixMessages,
                budgetMessage), tlsPanel);
    }

    /** "A stale socket file is in the way" with the button that deletes it and starts again. */
    private Node staleSocketOffer() {
        Label text = new Label();
        text.setId("staleSocketMessage");
        text.getStyleClass().add("field-warning");
        subscriptions.bind(text.textProperty(), Bindings.createStringBinding(
                () -> TEXT.get("stale.socket.message", model.staleSocketPathProperty().get()),
                model.staleSocketPathProperty()));
        Button delete = new Button(TEXT.get("stale.socket.delete"));
        delete.setId("deleteStaleSocket");
        delete.getStyleClass().add("small-button");
        Tips.install(delete, TEXT.get("stale.socket.delete.tooltip"));
        delete.setOnAction(event -> model.deleteStaleSocketAndStart());
        HBox offer = new HBox(8, text, delete);
        offer.setAlignment(Pos.CENTER_LEFT);
        showWhen(offer, model.staleSocketPathProperty().isNotEmpty());
        return offer;
    }

    /** The receive side of the stream: how bytes become rows. */
    private Node streamBar() {
        CheckBox echo = new CheckBox(TEXT.get("echo"));
        echo.setId("echo");
        echo.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(echo, TEXT.get("echo.tooltip"));
        subscriptions.bindBidirectional(echo.selectedProperty(), model.echoProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        framing.addToHeader(spacer, echo, socketPanel.toggle());
        framing.addToHeader(rules.toggle());
        HBox bar = new HBox(framing.view());
        HBox.setHgrow(framing.view(), Priority.ALWAYS);
        bar.getStyleClass().add("stream-bar");
        return bar;
    }

    private void showWhen(Node node, ObservableBooleanValue condition) {
        TabLayout.showWhen(node, condition, subscriptions);
    }

    private Node center() {
        SplitPane split = new SplitPane(clientsPane(), traffic.split());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.29);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        split.getStyleClass().add("main-split");
        socketPanel.attachTo(split, subscriptions);
        messages.attachTo(split, subscriptions);
        attachSendTools(split);
        rules.attachTo(split, subscriptions);
        SidePanels.onlyOneOf(subscriptions, socketPanel.toggle(), messages.toggle(), repeatSend.toggle(),
                sendFile.toggle(), rules.toggle());
        return split;
    }

    /** Periodic send and send file: side panels like the messages panel, one side panel at a time. */
    private void attachSendTools(SplitPane split) {
        repeatSend.attachTo(split, subscriptions);
        sendFile.attachTo(split, subscriptions);
    }

    public RepeatSendPanel repeatSend() {
        return repeatSend;
    }

    public SendFilePanel sendFile() {
        return sendFile;
    }

    /** The TLS switch and its settings panel. */
    public TlsServerPanel tls() {
        return tls;
    }

    private Node clientsPane() {
        clients.setId("clients");
        clients.setItems(model.clients());
        clients.getStyleClass().add("clients-table");
        // Refreshed four times a second under a flood: rows of one height (see TimelineView.ROW_HEIGHT).
        clients.setFixedCellSize(TimelineView.ROW_HEIGHT);
        // The list is narrow: it scrolls sideways rather than squeezing every column to an ellipsis, so the remote
        // address, the time and the byte counts read whole.
        clients.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.setId("clientsPlaceholder");
        placeholder.getStyleClass().add("placeholder-label");
        subscriptions.bind(placeholder.textProperty(), model.noClientsTextProperty());
        clients.setPlaceholder(placeholder);
        Tips.install(clients, TEXT.get("clients.tooltip"));

        clients.getColumns().setAll(ClientColumns.all());
        // A TLS server's clients show their sessions after the counters.
        BooleanBinding tlsColumns = model.tls().enabledProperty()
                .and(model.stream().transportProperty().isNotEqualTo(Transport.UNIX));
        for (TableColumn<ClientRow, ?> column : ClientColumns.tls()) {
            subscriptions.bind(column.visibleProperty(), tlsColumns);
            clients.getColumns().add(column);
        }
        subscriptions.bind(model.selectedClientProperty(), clients.getSelectionModel().selectedItemProperty());
        // The first client to arrive becomes the send target, so "connect and reply" needs no extra click. Never
        // re-target silently when the selected client leaves: the user picks the next one.
        subscriptions.listen(model.clients(), (ListChangeListener<ClientRow>) change -> {
            if (clients.getSelectionModel().isEmpty() && model.clients().size() == 1 && wasAdded(change)) {
                clients.getSelectionModel().selectFirst();
            }
        });

        Label title = new Label(TEXT.get("clients.title"));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.getStyleClass().add("muted-label");
        subscriptions.bind(count.textProperty(), Bindings.size(model.clients()).asString());
        Button disconnect = new Button(TEXT.get("disconnect"));
        disconnect.setId("disconnect");
        disconnect.getStyleClass().add("small-button");
        Tips.install(disconnect, TEXT.get("disconnect.tooltip"));
        disconnect.setOnAction(event -> model.disconnectSelected());
        subscriptions.bind(disconnect.disableProperty(), model.selectedClientProperty().isNull());
        // The clients column is narrow beside open panels in a small window: the buttons wrap under the title there
        // rather than cutting it and themselves short.
        HBox heading = new HBox(6, title, count);
        heading.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(6, FollowClientToggle.create(model, traffic.timeline(), subscriptions), disconnect);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (Region part : new Region[]{title, count, heading, actions, disconnect}) {
            part.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(12, 4, heading, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");

        ComboBox<SendTarget> target = new ComboBox<>(FXCollections.observableArrayList(SendTarget.values()));
        target.setId("sendTarget");
        Tips.install(target, TEXT.get("send.to.tooltip"));
        subscriptions.bindBidirectional(target.valueProperty(), model.sendTargetProperty());
        sendEditor.addOptions(SendEditor.labelled(TEXT.get("send.to"), target), splitSend.toggle());
        sendEditor.addRow(splitSend.row());

        CloseModeButtons closeModes = new CloseModeButtons(TEXT.get("close.subject"),
                model.selectedClientProperty().isNull(),
                model::closeSelected, CloseModeButtons.Layout.WRAPPING, subscriptions);
        Pane closeBar = closeModes.view();
        closeBar.getStyleClass().add("close-bar");

        // Its counters change with every table update of a flood: that lays out this table, not the tab around it.
        LayoutBoundary clientsBoundary = new LayoutBoundary(clients);
        VBox pane = new VBox(header, clientsBoundary, closeBar);
        VBox.setVgrow(clientsBoundary, Priority.ALWAYS);
        pane.getStyleClass().add("clients-pane");
        pane.setMinWidth(220);
        // Gives way in a short window like the traffic area beside it (see TrafficPane).
        pane.setMinHeight(0);
        return pane;
    }

    private static boolean wasAdded(
ListChangeListener.Change<? extends ClientRow> change) {
        while (change.next()) {
            if (change.wasAdded()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public BorderPane view() {
        return root;
    }

    /** Export and record in the timeline's tool bar. */
    public CaptureControls captureControls() {
        return captureControls;
    }

    /** The auto-reply rules panel. */
    public RulesPanel rules() {
        return rules;
    }

    public MessagesPanel messages() {
        return messages;
    }

    public TabNotifier notifier() {
        return notifier;
    }

    public TimelineView timeline() {
        return traffic.timeline();
    }

    public TableView<ClientRow> clientsTable() {
        return clients;
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
