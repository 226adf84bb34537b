// The tab's layout: settings, pairs and faults here; the Intercept panel is RelayInterceptPane.
package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.engine.relay.RelaySide;
import com.socketworkbench.engine.relay.RelayTransport;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.BindAddressPicker;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.input.TextInput;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.traffic.TimelineColumns;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.traffic.TimelineView;
import com.socketworkbench.ui.traffic.TrafficPane;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Relay tab's layout (root id {@code relay}): the settings bar (transport, bind address, listen port, target,
 * Start/Stop), the timeline of both directions over the payload inspector with the pairs table below it, and beside
 * them the Intercept and Faults panels. It only binds to the {@link RelayViewModel}; no engine calls happen here.
 */
public final class RelayView implements TabView {
    private static final Texts TEXT = RelayTexts.TEXT;

    private final RelayViewModel model;
    private final Subscriptions subscriptions;
    private final BindAddressPicker bindAddress;
    private final PortField listenPort;
    private final HostField targetHost;
    private final PortField targetPort;
    private final TrafficPane traffic;
    private final TableView<PairRow> pairs = new TableView<>();
    private final RelayInterceptPane intercept;
    private final RelayTlsPane tls;
    private final TabNotifier notifier;
    private final BorderPane root;

    public RelayView(RelayViewModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
        RelaySettings settings = model.settings();
        bindAddress = new BindAddressPicker(settings.bindAddress(), subscriptions);
        listenPort = new PortField("listenPort", settings.listenPort(), subscriptions);
        targetHost = new HostField("targetHost", settings.targetHost(), subscriptions);
        targetPort = new PortField("targetPort", settings.targetPort(), subscriptions);
        intercept = new RelayInterceptPane(model, subscriptions);
        tls = new RelayTlsPane(model.tls(), settings.transportProperty(), settings.targetHost().textProperty(),
                model.stateProperty().isNotEqualTo(ListenerState.STOPPED), subscriptions);
        traffic = new TrafficPane(model.traffic(), TEXT.get("traffic.placeholder"), subscriptions);
        wordTimeline(traffic.timeline());
        notifier = new TabNotifier(center());
        root = TabLayout.root("relay", RelayView.class, "relay.css", settingsBar(), notifier.pane(), null);
        model.traffic().setOnFailure(notifier::showError);
    }

    /** "client → server" / "server → client" instead of arrows, and the pair instead of the peer. */
    private static void wordTimeline(TimelineView timeline) {
        TimelineColumns.wordDirection(timeline, TEXT.get("column.direction"), 136, row -> switch (row.event()) {
            case DataEvent data -> TEXT.get(data.incoming() ? "direction.c2s" : "direction.s2c");
            default -> "";
        });
        TimelineColumns.wordPeer(timeline, TEXT.get("column.pair"), RelayView::pairText);
    }

    /** "#3 · 127.0.0.1:50412" for a pair's rows (its client), the relay's own address for the relay's rows. */
    static String pairText(TimelineRow row) {
        long id = row.event().connectionId();
        String peer = EventText.peer(row.event());
        if (id <= 0) {
            return peer;
        }
        return peer.isEmpty() ? "#" + id : TEXT.get("pair.with.peer", Long.toString(id), peer);
    }

    private Node settingsBar() {
        RelaySettings settings = model.settings();
        ComboBox<RelayTransport> transport = new ComboBox<>(
                FXCollections.observableArrayList(RelayTransport.values()));
        transport.setId("transport");
        Tips.install(transport, TEXT.get("transport.tooltip"));
        subscriptions.bindBidirectional(transport.valueProperty(), settings.transportProperty());

        Button startStop = TabLayout.startStopButton(model.stateProperty(), model.canStartProperty(),
                model::toggle, TEXT.get("start.tooltip"), subscriptions);
        Label listening = TabLayout.stateBadge("listeningAddress", "listening-address",
                Bindings.when(model.listeningAddressProperty().isEmpty()).then(TEXT.get("not.listening"))
                        .otherwise(model.listeningAddressProperty()),
                model.stateProperty().isEqualTo(ListenerState.RUNNING), subscriptions);

        BooleanBinding locked = model.stateProperty().isNotEqualTo(ListenerState.STOPPED);
        for (Node node : new Node[]{transport, bindAddress.comboBox(), listenPort.field(), targetHost.field(),
                targetPort.field()}) {
            subscriptions.bind(node.disableProperty(), locked);
        }
        targetHost.field().setPrefColumnCount(12);
        TextField udpIdle = numberField("udpIdle", "udp.idle.tooltip", settings.udpPairIdle(), locked);
        TextField connectTimeout = numberField("connectTimeout", "connect.timeout.tooltip",
                settings.connectTimeout(), locked);
        Label udpIdleMessage = fieldMessage(udpIdle, settings.udpPairIdle());
        Label connectTimeoutMessage = fieldMessage(connectTimeout, settings.connectTimeout());
        Node udpIdleBox = SendEditor.labelled(TEXT.get("udp.idle"), udpIdle);
        Node connectTimeoutBox = SendEditor.labelled(TEXT.get("connect.timeout"), connectTimeout);
        CheckBox clientTls = lockedCheckBox("relayClientTls", "tls.client", settings.clientTlsProperty(), locked);
        CheckBox serverTls = lockedCheckBox("relayServerTls", "tls.server", settings.serverTlsProperty(), locked);
        CheckBox insecure = lockedCheckBox("relayServerTlsInsecure", "tls.insecure",
                settings.serverTlsInsecureProperty(), locked);
        insecure.getStyleClass().add("insecure-toggle");
        subscriptions.subscribe(insecure.selectedProperty(), on -> {
            insecure.getStyleClass().remove("insecure-on");
            if (on) {
                insecure.getStyleClass().add("insecure-on");
            }
        });
        // TLS is TCP only; insecure only means something with TLS toward the target.
        BooleanBinding tcp = settings.transportProperty().isEqualTo(RelayTransport.TCP);
        TabLayout.showWhen(clientTls, tcp, subscriptions);
        TabLayout.showWhen(serverTls, tcp, subscriptions);
        TabLayout.showWhen(insecure, tcp.and(settings.serverTlsProperty()), subscriptions);
        // Each transport's own timing: how long a UDP pair lives without datagrams, how long a TCP connect may take.
        TabLayout.showWhen(udpIdleBox, tcp.not(), subscriptions);
        TabLayout.showWhen(connectTimeoutBox, tcp, subscriptions);
        Label arrow = new Label("→");
        arrow.getStyleClass().add("route-arrow");
        FlowPane bar = TabLayout.settingsBar(transport,
                SendEditor.labelled(TEXT.get("bind"), bindAddress.comboBox()),
                SendEditor.labelled(TEXT.get("listen.port"), listenPort.field()), arrow,
                SendEditor.labelled(TEXT.get("target"), targetHost.field()),
                SendEditor.labelled(TEXT.get("target.port"), targetPort.field()), udpIdleBox, connectTimeoutBox,
                clientTls, serverTls, insecure, startStop, listening);
        Label startError = TabLayout.errorLabel("relayStartError", model.startErrorProperty(), subscriptions);
        return new VBox(bar, TabLayout.messageRow("settings-messages", subscriptions, listenPort.messageLabel(),
                bindAddress.warningLabel(), targetHost.messageLabel(), targetPort.messageLabel(), udpIdleMessage,
                connectTimeoutMessage, startError), tls.node());
    }

    private TextField numberField(String id, String tooltip, WholeNumberInput input, BooleanBinding locked) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(4);
        Tips.install(field, TEXT.get(tooltip));
        subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
        subscriptions.bind(field.disableProperty(), locked);
        return field;
    }

    /** The field's message ({@code <id>Message}) beside the other settings messages. */
    private Label fieldMessage(TextField field, WholeNumberInput input) {
        Label message = new Label();
        message.setId(field.getId() + "Message");
        message.setWrapText(true);
        FieldMessage.show(field, message, input.verdictProperty(), subscriptions);
        return message;
    }

    private CheckBox lockedCheckBox(String id, String key, javafx.beans.property.BooleanProperty value,
                                    BooleanBinding locked) {
        CheckBox box = new CheckBox(TEXT.get(key));
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(box, TEXT.get(key + ".tooltip"));
        subscriptions.bindBidirectional(box.selectedProperty(), value);
        subscriptions.bind(box.disableProperty(), locked);
        return box;
    }

    private Node center() {
        // The timeline is what a relay is watched through: more of the traffic area's height than in the other tabs,
        // whose inspector shares it with no pairs table.
        traffic.split().setDividerPositions(0.64);
        SplitPane left = new SplitPane(traffic.split(), pairsPane());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.72);
        Tab faults = new Tab(TEXT.get("faults.title"));
        faults.setId("faultsTab");
        // Built when first shown: the tab opens with one panel's controls to style, not two.
        subscriptions.subscribe(faults.selectedProperty(), selected -> {
            if (selected && faults.getContent() == null) {
                Node content = faultsPane();
                content.setId("faults");
                faults.setContent(content);
            }
        });
        Tab intercept = sideTab("intercept", TEXT.get("intercept.title"), this.intercept.pane());
        // Chunks wait for the user: the panel's header says how many, also while Faults is shown.
        subscriptions.bind(intercept.textProperty(), Bindings.createStringBinding(() -> model.held().rows().isEmpty()
                ? TEXT.get("intercept.title") : TEXT.get("intercept.title.held",
                Integer.toString(model.held().rows().size())), model.held().rows()));
        TabPane side = new TabPane(intercept, faults);
        side.setId("relaySide");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(300);
        side.setPrefWidth(360);
        SplitPane split = new SplitPane(left, side);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(side, false);
        split.getStyleClass().add("main-split");
        return split;
    }

    private static Tab sideTab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id + "Tab");
        content.setId(id);
        return tab;
    }

    private Node pairsPane() {
        pairs.setId("relayPairs");
        pairs.setItems(model.pairs());
        pairs.getStyleClass().add("pairs-table");
        // Refreshed while bytes flow: rows of one height (see TimelineView.ROW_HEIGHT).
        pairs.setFixedCellSize(TimelineView.ROW_HEIGHT);
        pairs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label(TEXT.get("pairs.placeholder"));
        placeholder.getStyleClass().add("placeholder-label");
        pairs.setPlaceholder(placeholder);
        pairs.getColumns().setAll(List.of(
                pairColumn(TEXT.get("pairs.column.id"), 50, row -> "#" + row.pairId()),
                pairColumn(TEXT.get("pairs.column.client"), 150, PairRow::client),
                pairColumn(TEXT.get("pairs.column.server"), 150, PairRow::server),
                pairColumn(TEXT.get("pairs.column.state"), 110, row -> row.snapshot().state()),
                pairColumn(TEXT.get("direction.c2s"), 120, PairRow::clientToServer),
                pairColumn(TEXT.get("direction.s2c"), 120, PairRow::serverToClient)));
        subscriptions.bind(model.selectedPairProperty(), pairs.getSelectionModel().selectedItemProperty());

        Label title = new Label(TEXT.get("pairs.title"));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.getStyleClass().add("muted-label");
        subscriptions.bind(count.textProperty(), Bindings.size(model.pairs()).asString());
        HBox heading = new HBox(6, title, count);
        heading.setAlignment(Pos.CENTER_LEFT);

        BooleanBinding noOpenPair = Bindings.createBooleanBinding(() -> {
            PairRow row = model.selectedPairProperty().get();
            return row == null || !row.snapshot().open();
        }, model.selectedPairProperty(), model.pairs(), model.pairsUpdatedProperty());
        subscriptions.add(noOpenPair::dispose);
        // TCP pairs end with FIN or RST per side; a UDP pair has no connection, so one Forget says what happens.
        HBox closeClient = closeButtons(TEXT.get("close.client"), RelaySide.CLIENT, "closeClient", noOpenPair);
        HBox closeServer = closeButtons(TEXT.get("close.server"), RelaySide.SERVER, "closeServer", noOpenPair);
        Button forget = new Button(TEXT.get("forget"));
        forget.setId("forgetPair");
        forget.getStyleClass().add("small-button");
        forget.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(forget, TEXT.get("forget.tooltip"));
        forget.setOnAction(event -> model.forgetSelectedPair());
        subscriptions.bind(forget.disableProperty(), noOpenPair);
        BooleanBinding tcp = model.settings().transportProperty().isEqualTo(RelayTransport.TCP);
        TabLayout.showWhen(closeClient, tcp, subscriptions);
        TabLayout.showWhen(closeServer, tcp, subscriptions);
        TabLayout.showWhen(forget, tcp.not(), subscriptions);
        FlowPane header = new FlowPane(12, 4, heading, closeClient, closeServer, forget);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");
        VBox pane = new VBox(header, pairs);
        VBox.setVgrow(pairs, Priority.ALWAYS);
        pane.getStyleClass().add("pairs-pane");
        pane.setMinHeight(0);
        return pane;
    }

    private HBox closeButtons(String caption, RelaySide side, String idPrefix, BooleanBinding disabled) {
        Label label = new Label(caption);
        label.getStyleClass().add("muted-label");
        Button fin = new Button(TEXT.get("close.fin"));
        fin.setId(idPrefix + "Fin");
        Tips.install(fin, TEXT.get(side == RelaySide.CLIENT ? "close.client.fin.tooltip"
                : "close.server.fin.tooltip"));
        fin.setOnAction(event -> model.closeSelectedPair(side, CloseMode.GRACEFUL));
        Button rst = new Button(TEXT.get("close.rst"));
        rst.setId(idPrefix + "Rst");
        Tips.install(rst, TEXT.get(side == RelaySide.CLIENT ? "close.client.rst.tooltip"
                : "close.server.rst.tooltip"));
        rst.setOnAction(event -> model.closeSelectedPair(side, CloseMode.ABORT));
        HBox box = new HBox(4, label, fin, rst);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Region part : new Region[]{label, fin, rst, box}) {
            part.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Button button : List.of(fin, rst)) {
            button.getStyleClass().add("small-button");
            subscriptions.bind(button.disableProperty(), disabled);
        }
        return box;
    }

    private static TableColumn<PairRow, String> pairColumn(String title, double width,
                                                           Function<PairRow, String> text) {
        TableColumn<PairRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> Bindings.createStringBinding(() -> text.apply(data.getValue()),
                data.getValue().snapshotProperty()));
        return column;
    }


    /** One section per direction (the side panel is narrow): latency, jitter, bandwidth, segment size, drop after. */
    private Node faultsPane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] names = {"latency", "jitter", "bandwidth", "segment", "dropAfter"};
        List<Label> messages = new ArrayList<>();
        int row = 0;
        for (RelayDirection direction : RelayDirection.values()) {
            Label heading = new Label(TEXT.get(direction == RelayDirection.CLIENT_TO_SERVER
                    ? "direction.c2s" : "direction.s2c"));
            heading.getStyleClass().add("section-title");
            heading.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(heading, 0, row++, 2, 1);
            for (int i = 0; i < names.length; i++) {
                Label caption = new Label(TEXT.get("faults." + names[i]));
                caption.getStyleClass().add("field-caption");
                caption.setMinWidth(Region.USE_PREF_SIZE);
                Tips.install(caption, TEXT.get("faults." + names[i] + ".tooltip"));
                TextInput input = model.settings().faults(direction).inputs().get(i);
                TextField field = new TextField();
                field.setId(names[i] + FaultsInput.key(direction));
                field.setPrefColumnCount(8);
                field.setPromptText("0");
                Tips.install(field, TEXT.get("faults." + names[i] + ".tooltip"));
                subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
                caption.setLabelFor(field);
                Label message = new Label();
                message.setId(field.getId() + "Message");
                message.setWrapText(true);
                FieldMessage.show(field, message, input.verdictProperty(), subscriptions);
                messages.add(message);
                grid.add(caption, 0, row);
                grid.add(field, 1, row++);
            }
        }
        Label note = new Label(TEXT.get("faults.note"));
        note.getStyleClass().add("muted-label");
        note.setWrapText(true);
        VBox messageBox = new VBox(4);
        messageBox.getChildren().addAll(messages);
        VBox pane = new VBox(10, grid, messageBox, note);
        pane.getStyleClass().add("side-pane");
        ScrollPane scroll = new ScrollPane(pane);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    @Override
    public BorderPane view() {
        return root;
    }

    public TimelineView timeline() {
        return traffic.timeline();
    }

    public TabNotifier notifier() {
        return notifier;
    }

    public TableView<PairRow> pairsTable() {
        return pairs;
    }

    /** The TLS panels of both sides (tests answer their file dialogs). */
    public RelayTlsPane tls() {
        return tls;
    }

    public TableView<HeldChunk> heldTable() {
        return intercept.heldTable();
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
