package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.BindAddressPicker;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.input.HostField;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.input.PortField;
import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.repeat.RepeatSendPanel;
import com.socketworkbench.ui.tab.SidePanels;
import com.socketworkbench.ui.sendfile.SendFilePanel;
import com.socketworkbench.ui.rules.RulesPanel;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.fx.LayoutBoundary;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.capture.CaptureControls;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.TimelineView;
import com.socketworkbench.ui.traffic.TrafficPane;
import com.socketworkbench.engine.text.Texts;
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
    private static final Texts TEXT = UdpText.TEXT;

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
    private final RepeatSendPanel repeatSend;
    private final SendFilePanel sendFile;
    private final RulesPanel rules;
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
        Tips.install(targetHost.field(), TEXT.get("target.host.tooltip"));
        targetPort = new PortField("targetPort", model.targetPort(), subscriptions);
        Tips.install(targetPort.field(), TEXT.get("target.port.tooltip"));
        traffic = new TrafficPane(model.traffic(),
                TEXT.get("traffic.placeholder"), subscriptions);
        traffic.keepRowsInViewWhenShort(subscriptions);
        timeline = traffic.timeline();
        timeline.setEmptyPayloadText(EventText.EMPTY_DATAGRAM);
        sendEditor = new SendEditor(model.sendEditor(), subscriptions);
        rules = new RulesPanel(model.rules(), model.sendEditor().charsetProperty()::get, subscriptions);
        traffic.followSendCharset(sendEditor.charsetProperty(), subscriptions);

        subscriptions.bind(model.selectedRowProperty(), timeline.selectedProperty());
        traffic.split().getStyleClass().add("main-split");

        // Notifications slide over the traffic area, never over the settings: Start/Stop stays reachable.
        SplitPane withPanel = new SplitPane(traffic.split());
        withPanel.setOrientation(Orientation.HORIZONTAL);
        messages.attachTo(withPanel, subscriptions);
        repeatSend = new RepeatSendPanel(model.sendTools().repeat(), subscriptions);
        sendFile = new SendFilePanel(model.sendTools().file(), subscriptions);
        addSendTools(withPanel);
        sendEditor.addBesideSend(SidePanels.row(messages.besideSend(), repeatSend.toggle(), sendFile.toggle()));
        rules.attachTo(withPanel, subscriptions);
        SidePanels.onlyOneOf(subscriptions, messages.toggle(), repeatSend.toggle(), sendFile.toggle(), rules.toggle());
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
                TEXT.get("start.tooltip"), subscriptions);
        Label listening = TabLayout.stateBadge("listeningAddress", "listening-address",
                Bindings.when(model.listeningAddressProperty().isEmpty()).then(TEXT.get("not.bound"))
                        .otherwise(model.listeningAddressProperty()),
                model.stateProperty().isEqualTo(ListenerState.RUNNING), subscriptions);

        BooleanBinding locked = model.stateProperty().isNotEqualTo(ListenerState.STOPPED);
        for (Node node : new Node[]{bindAddress.comboBox(), port.field()}) {
            subscriptions.bind(node.disableProperty(), locked);
        }

        Label portHelp = new Label(TEXT.get("port.help"));
        portHelp.getStyleClass().add("muted-label");
        FlowPane bar = TabLayout.settingsBar(SendEditor.labelled(TEXT.get("bind"), bindAddress.comboBox()),
                SendEditor.labelled(TEXT.get("port"), port.field()), portHelp, startStop, listening);

        return new VBox(bar, TabLayout.messageRow("settings-messages", subscriptions, port.messageLabel(),
                bindAddress.warningLabel()));
    }

    private Node statsBar() {
        UdpStats stats = model.stats();
        Label counters = boundLabel("datagramCounters", stats.datagramCountersProperty());
        Tips.install(counters, TEXT.get("counters.tooltip"));
        Label drops = boundLabel("kernelDrops", stats.kernelDropsProperty());
        Tips.install(drops, TEXT.get("drops.tooltip"));
        Label rates = boundLabel("rates", stats.ratesProperty());
        Tips.install(rates, TEXT.get("rates.tooltip"));
        Label hint = new Label(TEXT.get("one.datagram.one.row"));
        hint.setId("boundaryHint");
        hint.getStyleClass().add("boundary-hint");
        Tips.install(hint, TEXT.get("boundary.hint"));
        Tips.install(timeline.table(), TEXT.get("boundary.hint"));
        for (Label label : new Label[]{counters, drops, rates, hint}) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Counters wrap onto a second line in a narrow window rather than lose their last digits.
        FlowPane figures = new FlowPane(18, 2, counters, drops, rates);
        figures.setAlignment(Pos.CENTER_LEFT);
        HBox side = new HBox(18, hint, rules.toggle());
        side.setAlignment(Pos.CENTER_RIGHT);
        // A border pane asks the flow for its height at the width it is left with: a box asked it at the flow's
        // default wrap length, a line taller than the counters ever take.
        BorderPane bar = new BorderPane(figures, null, side, null, null);
        BorderPane.setAlignment(side, Pos.CENTER_RIGHT);
        bar.getStyleClass().add("udp-stats");
        // The counters change with every table update of a flood: that lays out this line, not the tab around it.
        return new LayoutBoundary(bar);
    }

    private Node targetBar() {
        Button reply = new Button(TEXT.get("reply"));
        reply.setId("replyToSender");
        reply.getStyleClass().add("small-button");
        Tips.install(reply, TEXT.get("reply.tooltip"));
        reply.setOnAction(event -> replyToSender());
        subscriptions.bind(reply.disableProperty(), model.canReplyBinding().not());

        MenuItem replyItem = new MenuItem(TEXT.get("reply"));
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

        CheckBox connected = new CheckBox(TEXT.get("connected.mode"));
        connected.setId("connectedMode");
        Tips.install(connected, TEXT.get("connected.mode.tooltip"));
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
        Tips.install(from, TEXT.get("from.tooltip"));

        Label size = new Label();
        size.setId("datagramSize");
        size.getStyleClass().add("muted-label");
        subscriptions.bind(size.textProperty(), Bindings.createStringBinding(() -> {
            int bytes = model.datagramSizeBinding().get();
            return bytes < 0 ? "" : TEXT.get("size.in.one.datagram", UdpText.count(bytes));
        }, model.datagramSizeBinding()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, SendEditor.labelled(TEXT.get("send.to"), targetHost.field()),
                SendEditor.labelled(TEXT.get("port"), targetPort.field()), reply, connected, from, spacer, size);

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

    /** Periodic send and send file: side panels like the messages panel, one side panel at a time. */
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
