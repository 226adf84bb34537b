// Over 400 lines: the TCP server tab's one view model; about 100 lines are one-line accessors the view binds to, and its parts (ServerSettings, ClientTable, ServerSendTarget, StaleSocketOffer, TabCapture) hold the logic.
package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.engine.capture.CaptureTransport;
import com.socketworkbench.engine.rules.RuleTee;
import com.socketworkbench.ui.rules.RulesModel;
import com.socketworkbench.ui.capture.TabCapture;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.input.BindAddressInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tls.TlsServerForm;
import com.socketworkbench.ui.input.TextInput;
import com.socketworkbench.ui.stream.FramingEditorModel;
import com.socketworkbench.ui.stream.SocketInfo;
import com.socketworkbench.ui.stream.SocketOptionsModel;
import com.socketworkbench.ui.stream.SplitSendModel;
import com.socketworkbench.ui.sendfile.SendTools;
import com.socketworkbench.ui.stream.StreamSettings;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * State and actions of the TCP Server tab. Owns the tab's {@link EventPump} (the server's event sink), creates a
 * {@link TcpServer} per start from its {@link ServerSettings}, and mirrors its connections into the
 * {@link ClientTable} on the pump tick. Binding and stopping run off the FX thread; their outcome comes back once.
 */
public final class TcpServerViewModel extends SocketTabModel {
    /** The send editor's settings live in this child node of the tab's preferences. */
    static final String NODE_SEND = "send";
    static final String NODE_SEND_TOOLS = "sendTools";
    static final String PREF_SEND_TARGET = "sendTarget";

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final EventPump pump = traffic().pump();
    private final TabStatus status = traffic().status();
    private final ServerSettings settings;
    private final SendEditorModel sendEditor;
    private final StreamSettings stream;
    private final FramingEditorModel framing;
    private final SocketOptionsModel socketOptions;
    private final SplitSendModel split;
    private final SocketInfo socketInfo;
    private final ClientTable clients = new ClientTable();
    private final StaleSocketOffer staleSocket;
    private final ServerSendTarget sendTarget;
    private final SendTools sendTools;
    private final TabCapture capture;
    private final RulesModel rules;

    private final ReadOnlyObjectWrapper<ListenerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ListenerState.STOPPED);
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final BooleanProperty followClient = new SimpleBooleanProperty(this, "followClient");
    private final ObjectBinding<Predicate<TimelineRow>> timelineScope;
    private final StringBinding noClientsText;
    /** Set when the pump has just shown rows, so the clients' counts follow in the same pulse (see onPulse). */
    private boolean countsDue;

    private final TlsServerForm tls;
    /** The listener settings and, over TCP, the TLS settings are usable. */
    private final BooleanBinding canStart;
    private TcpServer server;
    private SocketAddress boundAddress;

    public TcpServerViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.executor = executor;
        settings = new ServerSettings(preferences, subscriptions);
        tls = new TlsServerForm(preferences, executor);
        canStart = Bindings.createBooleanBinding(() -> settings.canStartBinding().get()
                        && (settings.stream().isUnix() || tls.validProperty().get()), settings.canStartBinding(),
                settings.stream().transportProperty(), tls.validProperty());
        subscriptions.add(canStart::dispose);
        stream = settings.stream();
        framing = stream.framing();
        socketOptions = stream.socketOptions();
        split = stream.split();
        socketInfo = new SocketInfo(socketOptions, executor);
        subscriptions.listen(framing.specProperty(), (obs, old, spec) -> applyFraming(spec));
        subscriptions.listen(framing.oversizePolicyProperty(), (obs, old, policy) -> {
            if (server != null) {
                server.setOversizePolicy(framing.oversizePolicy());
            }
        });
        subscriptions.listen(clients.selectedProperty(), (obs, old, now) -> refreshSocketInfo());
        staleSocket = new StaleSocketOffer(stream, executor, pump, subscriptions);

        sendEditor = new SendEditorModel(subscriptions);
        sendEditor.load(preferences.child(NODE_SEND).node());
        sendEditor.setSender(this::send);
        rules = new RulesModel(preferences, traffic(), sendEditor.charsetProperty()::get, subscriptions);
        timelineScope = Bindings.createObjectBinding(this::scope, followClient, clients.selectedProperty());
        subscriptions.add(timelineScope::dispose);
        noClientsText = Bindings.createStringBinding(() -> ServerTexts.TEXT.get(
                        ServerSendTarget.countedKey("clients.placeholder", clients.leftProperty().get()),
                        clients.leftProperty().get()), clients.leftProperty());
        subscriptions.add(noClientsText::dispose);
        sendTarget = new ServerSendTarget(state, clients, split);
        sendTarget.choiceProperty().set(preferences.get(PREF_SEND_TARGET, "").equals(SendTarget.ALL.name())
                ? SendTarget.ALL : SendTarget.SELECTED);
        sendTarget.bind(sendEditor, subscriptions);
        subscriptions.listen(settings.echoProperty(), (obs, old, on) -> {
            if (server != null) {
                server.setEcho(on);
            }
        });
        capture = new TabCapture(traffic(), CaptureTransport.TCP, "tcp-server",
                ServerTexts.TEXT.get("capture.description"), preferences,
                executor, subscriptions);
        traffic().onPulse(this::onPulse, subscriptions);
        traffic().onRowsShown(this::onRowsShown, subscriptions);
        traffic().tickWhile(state.isEqualTo(ListenerState.RUNNING), subscriptions);
        // Periodic send and send file go to the clients chosen when they start, and stop with the listener.
        sendTools = SendTools.create(sendEditor, state.isEqualTo(ListenerState.RUNNING),
                () -> sendTarget.sinkFor(server, false), () -> sendTarget.sinkFor(server, true), false, executor,
                subscriptions);
        sendTools.load(preferences.child(NODE_SEND_TOOLS).node());
        updateStatus();
    }

    public SendTools sendTools() {
        return sendTools;
    }

    /** Start when stopped, stop when running; ignored while a start or stop is under way. */
    public void toggle() {
        switch (state.get()) {
            case STOPPED -> start();
            case RUNNING -> stop();
            default -> {
            }
        }
    }

    /** Binds a new listener with the current settings (off the FX thread). */
    public void start() {
        if (state.get() != ListenerState.STOPPED || !canStart.get()) {
            return;
        }
        TcpServerConfig config;
        try {
            config = settings.config();
            if (!settings.stream().isUnix()) {
                config = config.withTls(tls.settings());
            }
        } catch (IllegalArgumentException e) {
            pump.emit(Failure.rejected(0, Operation.START, ServerTexts.TEXT.get("error.start", e.getMessage())));
            return;
        }
        staleSocket.withdraw();
        clients.reset();
        RuleTee rulesTee = rules.tee(traffic().engineSink());
        TcpServer starting = new TcpServer(config, rulesTee);
        rulesTee.replyThrough((to, bytes) -> starting.send(to.connectionId(), bytes));
        FramingSpec spec = framing.spec();
        starting.setFramerFactory(spec::create);
        starting.setOversizePolicy(framing.oversizePolicy());
        socketOptions.validSpec().ifPresent(starting::setSocketOptions);
        server = starting;
        state.set(ListenerState.STARTING);
        updateStatus();
        executor.run("ui-tcp-server-start", starting::start, ignored -> {
            if (server != starting) {
                return;
            }
            boundAddress = starting.boundAddress();
            settings.port().forgetFinding();
            state.set(ListenerState.RUNNING);
            listeningAddress.set(ServerTexts.TEXT.get("listening.on", Endpoints.describe(boundAddress)));
            savePreferences();
            updateStatus();
            refreshSocketInfo();
        }, failure -> {
            // The engine reported why (its Failure event, in the banner); a port in use is also shown at the field.
            if (server != starting) {
                return;
            }
            settings.port().startFailed(failure);
            server = null;
            state.set(ListenerState.STOPPED);
            updateStatus();
        });
    }

    /**
     * Deletes the stale socket file offered in {@link #staleSocketPathProperty()} (the engine checks again that
     * nobody listens and never deletes anything but a socket file), then starts the server on it.
     */
    public void deleteStaleSocketAndStart() {
        if (state.get() == ListenerState.STOPPED) {
            staleSocket.accept(this::start);
        }
    }

    /**
     * Sets the requested socket options on the listening socket and every connection (and remembers them for the
     * next start), then reads back what was granted.
     */
    public void applySocketOptions() {
        SocketOptionsSpec spec = socketOptions.validSpec().orElse(null);
        TcpServer current = server;
        if (spec == null || current == null || state.get() != ListenerState.RUNNING) {
            return;
        }
        executor.run("ui-tcp-server-options", () -> current.setSocketOptions(spec), this::refreshSocketInfo);
    }

    /**
     * Reads the options and details of the selected client's connection (or of the listening socket when none is
     * selected) off the FX thread and shows them.
     */
    public void refreshSocketInfo() {
        TcpServer current = server;
        ClientRow client = clients.selectedProperty().get();
        if (current == null || state.get() != ListenerState.RUNNING) {
            socketInfo.clear();
            return;
        }
        socketInfo.read("ui-tcp-server-socket-info", () -> client == null
                ? new SocketInfo.Reading(ServerTexts.TEXT.get("socket.listening",
                Endpoints.describe(current.boundAddress())), current.listenerOptions(), current.listenerDetails())
                : new SocketInfo.Reading(ServerTexts.TEXT.get("socket.client", client.remote()),
                current.effectiveOptions(client.id()), current.details(client.id())),
                () -> server == current && clients.selectedProperty().get() == client);
    }

    private void applyFraming(FramingSpec spec) {
        TcpServer current = server;
        if (current == null) {
            return;
        }
        current.setFramerFactory(spec::create);
        pump.emit(new Notice(Instant.now(), 0, boundAddress, null,
                ServerTexts.TEXT.get("notice.framing", spec.describe())));
    }

    /** Closes the listener and every connection (off the FX thread). */
    @Override
    public void stop() {
        TcpServer stopping = server;
        if (stopping == null || state.get() == ListenerState.STOPPING) {
            return;
        }
        state.set(ListenerState.STOPPING);
        updateStatus();
        executor.run("ui-tcp-server-stop", stopping::stop, () -> {
            if (server == stopping) {
                server = null;
                boundAddress = null;
                state.set(ListenerState.STOPPED);
                listeningAddress.set("");
                clients.refresh(List.of());
                updateStatus();
                refreshSocketInfo();
            }
        });
    }

    /** Disconnects the client selected in the list gracefully (FIN). */
    public void disconnectSelected() {
        closeSelected(CloseMode.GRACEFUL);
    }

    /** Closes the selected client's connection with FIN, a half-close or an abort (RST). */
    public void closeSelected(CloseMode mode) {
        TcpServer current = server;
        ClientRow client = clients.selectedProperty().get();
        if (current != null && client != null) {
            executor.run("ui-tcp-server-close", () -> current.close(client.id(), mode), () -> { });
        }
    }

    private void send(byte[] bytes) {
        TcpServer current = server;
        if (current != null) {
            sendTarget.send(current, bytes);
        }
    }

    /**
     * The clients' counters change with the rows: in a flood five times a second, in the frame that updates the
     * table anyway, rather than in frames of their own that would each be laid out and drawn again. The pump
     * shows rows before it hands the pulse's batch on, so the table takes its counts in {@link #onPulse}, once
     * that batch is counted: then the table and the status bar show the same events' bytes.
     */
    private void onRowsShown() {
        traffic().updateCounters();
        countsDue = true;
    }

    /** With "this client only" on and a client selected: only that client's rows; else null (every row). */
    private Predicate<TimelineRow> scope() {
        ClientRow client = clients.selectedProperty().get();
        if (!followClient.get() || client == null) {
            return null;
        }
        long id = client.id();
        return row -> row.event().connectionId() == id;
    }

    private void onPulse(List<NetEvent> batch) {
        clients.count(batch);
        for (NetEvent event : batch) {
            if (event instanceof Failure failure && failure.operation() == Operation.START
                    && failure.kind() == FailureKind.PORT_IN_USE
                    && failure.local() instanceof UnixDomainSocketAddress unix) {
                // A file in the way of the socket: a stale one may be deleted.
                staleSocket.checkInTheWay(unix.getPath(), () -> state.get() == ListenerState.STOPPED);
            }
        }
        boolean connectionsChanged = batch.stream().anyMatch(event -> event instanceof ConnectionAccepted
                || event instanceof ConnectionClosed || event instanceof ListenerStopped);
        long now = System.nanoTime();
        // A pulse without events (a tick while the server runs) picks up what changes without an event: bytes of an
        // incomplete frame, counters of a connection whose rows are still held.
        boolean due = batch.isEmpty() && clients.refreshDue(now);
        if (server != null && (connectionsChanged || due || countsDue)) {
            clients.refresh(server.connections(), now);
        }
        countsDue = false;
        if (state.get() == ListenerState.RUNNING && server != null && !server.isRunning()) {
            // The listener died on its own (e.g. an accept error); reflect it.
            server = null;
            boundAddress = null;
            state.set(ListenerState.STOPPED);
            listeningAddress.set("");
            clients.refresh(List.of());
            refreshSocketInfo();
        }
        updateStatus();
    }

    private void updateStatus() {
        switch (state.get()) {
            case STOPPED -> {
                status.setState(ServerTexts.TEXT.get("status.stopped"));
                status.setAddresses("");
            }
            case STARTING -> {
                status.setState(ServerTexts.TEXT.get("status.starting", settings.where()));
                status.setAddresses("");
            }
            case RUNNING -> {
                String address = boundAddress == null ? "" : Endpoints.describe(boundAddress);
                int count = clients.rows().size();
                status.setState(ServerTexts.TEXT.get(count == 1 ? "status.listening.one" : "status.listening.other",
                        address, count));
                status.setAddresses(address);
            }
            case STOPPING -> status.setState(ServerTexts.TEXT.get("status.stopping"));
        }
    }

    /** Remembers the current settings for the next session. */
    @Override
    public void savePreferences() {
        settings.save();
        tls.save();
        SendTarget target = sendTarget.choiceProperty().get();
        preferences.put(PREF_SEND_TARGET, (target == null ? SendTarget.SELECTED : target).name());
        sendEditor.save(preferences.child(NODE_SEND).node());
        sendTools.save(preferences.child(NODE_SEND_TOOLS).node());
        preferences.flush();
    }

    /** Export and record of this tab's traffic. */
    public TabCapture capture() {
        return capture;
    }

    public SendEditorModel sendEditor() {
        return sendEditor;
    }

    /** The tab's auto-reply rules. */
    public RulesModel rules() {
        return rules;
    }

    /** Where the listener binds, and the warning for a wildcard. */
    public BindAddressInput bindAddress() {
        return settings.bindAddress();
    }

    /** The port to listen on, as typed, and the verdict on it. */
    public PortInput port() {
        return settings.port();
    }

    /** True while the settings of the chosen transport are valid, so Start may bind. */
    public ObservableBooleanValue canStartProperty() {
        return canStart;
    }

    /** TLS on or off, the certificate and the rest of the TLS settings (passwords are never saved). */
    public TlsServerForm tls() {
        return tls;
    }

    public BooleanProperty echoProperty() {
        return settings.echoProperty();
    }

    public ObjectProperty<Integer> maxConnectionsProperty() {
        return settings.maxConnectionsProperty();
    }

    /**
     * The most memory all clients together may make the listener hold (queued sends and echoes, unfinished frames),
     * as typed, with its verdict; empty = the default, {@link #defaultMemoryBudgetText()}. Applies at start.
     */
    public TextInput memoryBudget() {
        return settings.memoryBudget();
    }

    /** "96 MiB": the default budget, a quarter of the heap. */
    public String defaultMemoryBudgetText() {
        return settings.memoryBudget().defaultText();
    }

    public ReadOnlyObjectProperty<ListenerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ListenerState state() {
        return state.get();
    }

    /** "Listening on 127.0.0.1:40123" with the real port, or empty when stopped. */
    public ReadOnlyStringProperty listeningAddressProperty() {
        return listeningAddress.getReadOnlyProperty();
    }

    public ObservableList<ClientRow> clients() {
        return clients.rows();
    }

    public ObjectProperty<ClientRow> selectedClientProperty() {
        return clients.selectedProperty();
    }

    /** "This client only": the timeline shows only the selected client's rows while on. */
    public BooleanProperty followClientProperty() {
        return followClient;
    }

    /** Which rows the timeline shows: null for all, else only the followed client's (see {@link #followClientProperty}). */
    public ObjectBinding<Predicate<TimelineRow>> timelineScopeProperty() {
        return timelineScope;
    }

    /** What the empty clients list says: "No clients connected", with how many have left once some have. */
    public StringBinding noClientsTextProperty() {
        return noClientsText;
    }

    public ObjectProperty<SendTarget> sendTargetProperty() {

        return sendTarget.choiceProperty();
    }

    /** The path of a stale socket file that blocked the last start and may be deleted, or empty. */
    public ReadOnlyStringProperty staleSocketPathProperty() {
        return staleSocket.pathProperty();
    }

    /** Transport and socket path, framing, socket options and split send. */
    public StreamSettings stream() {
        return stream;
    }

    /** Details of the selected client's connection, or of the listening socket; null when stopped. */
    public ReadOnlyObjectProperty<ConnectionDetails> detailsProperty() {
        return socketInfo.detailsProperty();
    }

    /** Which socket {@link #detailsProperty()} describes, e.g. "connection of client 127.0.0.1:50000". */
    public ReadOnlyStringProperty detailsSubjectProperty() {
        return socketInfo.subjectProperty();
    }
}
