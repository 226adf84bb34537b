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
import com.socketworkbench.engine.net.StaleSocketCheck;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.ConnectionInfo;
import com.socketworkbench.engine.tcp.SendPlan;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.stream.FramingEditorModel;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.ui.stream.SocketOptionsModel;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.stream.SplitSendModel;
import com.socketworkbench.ui.stream.StreamSettings;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.stream.Transport;
import com.socketworkbench.ui.input.BindAddressInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.stream.UnixPathInput;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State and actions of the TCP Server tab. Owns the tab's {@link EventPump} (the server's event sink), creates a
 * {@link TcpServer} per start, and mirrors its connections into {@link #clients()} on the pump tick. Binding and
 * stopping run off the FX thread; their outcome comes back once.
 */
public final class TcpServerViewModel extends SocketTabModel {
    static final String PREF_BIND = "bindHost";
    static final String PREF_PORT = "port";
    static final String PREF_ECHO = "echo";
    static final String PREF_MAX = "maxConnections";
    static final int DEFAULT_PORT = 5000;
    /** How often the client list is re-read from the engine when no connect/close forces it sooner. */
    private static final long CLIENT_REFRESH_NANOS = 250_000_000L;

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final EventPump pump = traffic().pump();
    private final TabStatus status = traffic().status();
    private final SendEditorModel sendEditor;
    private final StreamSettings stream;
    private final FramingEditorModel framing;
    private final SocketOptionsModel socketOptions;
    private final SplitSendModel split;
    private final ReadOnlyObjectWrapper<ConnectionDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper detailsSubject = new ReadOnlyStringWrapper(this, "detailsSubject", "");

    private final BindAddressInput bindAddress;
    private final PortInput port;
    private final BooleanBinding canStart;
    private final BooleanProperty echo = new SimpleBooleanProperty(this, "echo");
    private final ObjectProperty<Integer> maxConnections = new SimpleObjectProperty<>(this, "maxConnections");
    private final ReadOnlyObjectWrapper<ListenerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ListenerState.STOPPED);
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ObservableList<ClientRow> clients = FXCollections.observableArrayList();
    private final Map<Long, ClientRow> clientsById = new HashMap<>();
    private final ObjectProperty<ClientRow> selectedClient = new SimpleObjectProperty<>(this, "selectedClient");
    private final ObjectProperty<SendTarget> sendTarget = new SimpleObjectProperty<>(this, "sendTarget", SendTarget.SELECTED);
    private final ReadOnlyStringWrapper staleSocketPath = new ReadOnlyStringWrapper(this, "staleSocketPath", "");

    private TcpServer server;
    private SocketAddress boundAddress;
    private long lastClientRefresh;

    public TcpServerViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.executor = executor;
        bindAddress = new BindAddressInput(BindAddressInput.Inbound.CONNECTIONS,
                preferences.get(PREF_BIND, "127.0.0.1"));
        port = PortInput.toListenOn(Integer.toString(preferences.getInt(PREF_PORT, DEFAULT_PORT)));
        echo.set(preferences.getBoolean(PREF_ECHO, false));
        maxConnections.set(Math.max(1, preferences.getInt(PREF_MAX, TcpServerConfig.DEFAULT_MAX_CONNECTIONS)));
        stream = new StreamSettings(preferences, subscriptions);
        framing = stream.framing();
        socketOptions = stream.socketOptions();
        split = stream.split();
        UnixPathInput unixPath = stream.unixPath();
        canStart = Bindings.createBooleanBinding(() -> stream.isUnix() ? unixPath.isValid() : port.isValid(),
                stream.transportProperty(), unixPath.validProperty(), port.validProperty());
        subscriptions.listen(framing.specProperty(), (obs, old, spec) -> applyFraming(spec));
        subscriptions.listen(framing.oversizePolicyProperty(), (obs, old, policy) -> {
            if (server != null) {
                server.setOversizePolicy(framing.oversizePolicy());
            }
        });
        subscriptions.listen(selectedClient, (obs, old, now) -> refreshSocketInfo());
        // A new path or transport makes an offer about the old path meaningless.
        subscriptions.listen(unixPath.textProperty(), (obs, old, now) -> staleSocketPath.set(""));
        subscriptions.listen(stream.transportProperty(), (obs, old, now) -> staleSocketPath.set(""));

        sendEditor = new SendEditorModel(subscriptions);
        sendEditor.setSender(this::send);
        subscriptions.bind(sendEditor.targetReadyProperty(), Bindings.createBooleanBinding(this::targetReady,
                state, sendTarget, selectedClient, clients, split.planProperty()));
        subscriptions.bind(sendEditor.targetHintProperty(), Bindings.createStringBinding(this::targetHint,
                state, sendTarget, selectedClient, clients, split.errorProperty()));
        subscriptions.listen(echo, (obs, old, on) -> {
            if (server != null) {
                server.setEcho(on);
            }
        });
        traffic().onPulse(this::onPulse, subscriptions);
        traffic().onRowsShown(this::onRowsShown, subscriptions);
        traffic().tickWhile(state.isEqualTo(ListenerState.RUNNING), subscriptions);
        updateStatus();
    }

    private boolean targetReady() {
        if (state.get() != ListenerState.RUNNING || clients.isEmpty() || split.plan() == null) {
            return false;
        }
        return sendTarget.get() == SendTarget.ALL || selectedClient.get() != null;
    }

    private String targetHint() {
        if (state.get() != ListenerState.RUNNING) {
            return "Start the server first";
        }
        if (clients.isEmpty()) {
            return "No client connected yet";
        }
        if (!split.errorProperty().get().isEmpty()) {
            return "Split: " + split.errorProperty().get();
        }
        return sendTarget.get() == SendTarget.SELECTED && selectedClient.get() == null
                ? "Select a client in the list, or send to all clients" : "";
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
            config = stream.isUnix()
                    ? TcpServerConfig.unix(Path.of(stream.unixPath().text()), maxConnections(), echo.get())
                    : new TcpServerConfig(bindAddress.host(), port.port(), maxConnections(), echo.get());
        } catch (IllegalArgumentException e) {
            pump.emit(Failure.rejected(0, Operation.START, "Could not start the server: " + e.getMessage()));
            return;
        }
        staleSocketPath.set("");
        TcpServer starting = new TcpServer(config, pump);
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
            state.set(ListenerState.RUNNING);
            listeningAddress.set("Listening on " + Endpoints.describe(boundAddress));
            savePreferences();
            updateStatus();
            refreshSocketInfo();
        }, failure -> {
            // The engine reported why (its Failure event); here the tab only goes back to stopped.
            if (server != starting) {
                return;
            }
            server = null;
            state.set(ListenerState.STOPPED);
            updateStatus();
        });
    }

    /** A file in the way of a Unix socket: if nobody listens on it, the view offers to delete it. */
    private void offerToDeleteIfStale(Path path) {
        executor.run("ui-unix-path-check", () -> TcpServer.checkUnixPath(path), found -> {
            if (found == StaleSocketCheck.STALE_SOCKET && state.get() == ListenerState.STOPPED) {
                staleSocketPath.set(path.toString());
            }
        }, failure -> { });
    }

    /**
     * Deletes the stale socket file offered in {@link #staleSocketPathProperty()} (the engine checks again that
     * nobody listens and never deletes anything but a socket file), then starts the server on it.
     */
    public void deleteStaleSocketAndStart() {
        String offered = staleSocketPath.get();
        if (offered.isEmpty() || state.get() != ListenerState.STOPPED) {
            return;
        }
        Path path = Path.of(offered);
        staleSocketPath.set("");
        // The engine reports the outcome to the timeline: a Notice, or the Failure that says why nothing was deleted.
        executor.run("ui-unix-delete-stale", () -> TcpServer.deleteStaleSocket(path, pump), deleted -> {
            if (deleted) {
                start();
            }
        }, failure -> { });
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
        ClientRow client = selectedClient.get();
        if (current == null || state.get() != ListenerState.RUNNING) {
            socketOptions.showEffective("", null);
            details.set(null);
            detailsSubject.set("");
            return;
        }
        record Snapshot(String subject, EffectiveOptions options, ConnectionDetails details) {
        }
        executor.run("ui-tcp-server-socket-info", () -> client == null
                ? new Snapshot("listening socket " + Endpoints.describe(current.boundAddress()),
                current.listenerOptions(), current.listenerDetails())
                : new Snapshot("connection of client " + client.remote(), current.effectiveOptions(client.id()),
                current.details(client.id())), snapshot -> {
            if (server != current || selectedClient.get() != client) {
                return;
            }
            socketOptions.showEffective(snapshot.details() == null ? "" : snapshot.subject(), snapshot.options());
            details.set(snapshot.details());
            detailsSubject.set(snapshot.details() == null ? "" : snapshot.subject());
        }, failure -> { });
    }

    private void applyFraming(FramingSpec spec) {
        TcpServer current = server;
        if (current == null) {
            return;
        }
        current.setFramerFactory(spec::create);
        pump.emit(new Notice(Instant.now(), 0, boundAddress, null, "Framing is now " + spec.describe()
                + ": it applies to bytes that arrive from now on"));
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
                refreshClients(List.of());
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
        ClientRow client = selectedClient.get();
        if (current != null && client != null) {
            executor.run("ui-tcp-server-close", () -> current.close(client.id(), mode), () -> { });
        }
    }

    private void send(byte[] bytes) {
        TcpServer current = server;
        if (current == null) {
            return;
        }
        ClientRow client = selectedClient.get();
        SendPlan plan = split.plan();
        if (plan == null) {
            return;
        }
        // What went out, and any failure, reaches the timeline as engine events.
        if (sendTarget.get() == SendTarget.ALL || client == null) {
            current.sendToAll(bytes, plan);
        } else {
            current.send(client.id(), bytes, plan);
        }
    }

    /**
     * The clients' counters change with the rows: in a flood five times a second, in the frame that updates the
     * table anyway, rather than in frames of their own that would each be laid out and drawn again.
     */
    private void onRowsShown() {
        traffic().updateCounters();
        if (server != null) {
            lastClientRefresh = System.nanoTime();
            refreshClients(server.connections());
        }
    }

    private void onPulse(List<NetEvent> batch) {
        for (NetEvent event : batch) {
            if (event instanceof Failure failure && failure.operation() == Operation.START
                    && failure.kind() == FailureKind.PORT_IN_USE
                    && failure.local() instanceof UnixDomainSocketAddress unix) {
                // A file in the way of the socket: a stale one may be deleted.
                offerToDeleteIfStale(unix.getPath());
            }
        }
        boolean connectionsChanged = batch.stream().anyMatch(event -> event instanceof ConnectionAccepted
                || event instanceof ConnectionClosed || event instanceof ListenerStopped);
        long now = System.nanoTime();
        // A pulse without events (a tick while the server runs) picks up what changes without an event: bytes of an
        // incomplete frame, counters of a connection whose rows are still held.
        boolean due = batch.isEmpty() && now - lastClientRefresh >= CLIENT_REFRESH_NANOS;
        if (server != null && (connectionsChanged || due)) {
            lastClientRefresh = now;
            refreshClients(server.connections());
        }
        if (state.get() == ListenerState.RUNNING && server != null && !server.isRunning()) {
            // The listener died on its own (e.g. an accept error); reflect it.
            server = null;
            boundAddress = null;
            state.set(ListenerState.STOPPED);
            listeningAddress.set("");
            refreshClients(List.of());
            refreshSocketInfo();
        }
        updateStatus();
    }

    private void refreshClients(List<ConnectionInfo> connections) {
        Set<Long> alive = new HashSet<>();
        List<ClientRow> arrived = new ArrayList<>();
        for (ConnectionInfo info : connections) {
            alive.add(info.id());
            ClientRow row = clientsById.get(info.id());
            if (row == null) {
                row = new ClientRow(info);
                clientsById.put(info.id(), row);
                arrived.add(row);
            } else {
                row.update(info);
            }
        }
        if (clientsById.size() > alive.size()) {
            clientsById.keySet().retainAll(alive);
            clients.removeIf(row -> !alive.contains(row.id()));
        }
        // One list change for a burst of connections, however many arrived.
        clients.addAll(arrived);
    }

    private void updateStatus() {
        switch (state.get()) {
            case STOPPED -> {
                status.setState("Server stopped");
                status.setAddresses("");
            }
            case STARTING -> {
                status.setState(stream.isUnix() ? "Starting server on " + stream.unixPath().text() + "…"
                        : "Starting server on " + bindAddress.host() + " port " + port.port() + "…");
                status.setAddresses("");
            }
            case RUNNING -> {
                String address = boundAddress == null ? "" : Endpoints.describe(boundAddress);
                int count = clients.size();
                status.setState("Listening on " + address + " · " + count + (count == 1 ? " client" : " clients"));
                status.setAddresses(address);
            }
            case STOPPING -> status.setState("Stopping server…");
        }
    }

    private int maxConnections() {
        Integer value = maxConnections.get();
        return value == null || value < 1 ? TcpServerConfig.DEFAULT_MAX_CONNECTIONS : value;
    }

    /** Remembers the current settings for the next session. */
    @Override
    public void savePreferences() {
        preferences.put(PREF_BIND, bindAddress.host());
        if (port.port() >= 0) {
            preferences.putInt(PREF_PORT, port.port());
        }
        preferences.putBoolean(PREF_ECHO, echo.get());
        preferences.putInt(PREF_MAX, maxConnections());
        stream.save();
        preferences.flush();
    }

    public SendEditorModel sendEditor() {
        return sendEditor;
    }

    /** Where the listener binds, and the warning for a wildcard. */
    public BindAddressInput bindAddress() {
        return bindAddress;
    }

    /** The port to listen on, as typed, and the verdict on it. */
    public PortInput port() {
        return port;
    }

    /** True while the settings of the chosen transport are valid, so Start may bind. */
    public ObservableBooleanValue canStartProperty() {
        return canStart;
    }

    public BooleanProperty echoProperty() {
        return echo;
    }

    public ObjectProperty<Integer> maxConnectionsProperty() {
        return maxConnections;
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
        return clients;
    }

    public ObjectProperty<ClientRow> selectedClientProperty() {
        return selectedClient;
    }

    public ObjectProperty<SendTarget> sendTargetProperty() {
        return sendTarget;
    }

    /** The path of a stale socket file that blocked the last start and may be deleted, or empty. */
    public ReadOnlyStringProperty staleSocketPathProperty() {
        return staleSocketPath.getReadOnlyProperty();
    }

    /** Transport and socket path, framing, socket options and split send. */
    public StreamSettings stream() {
        return stream;
    }

    /** Details of the selected client's connection, or of the listening socket; null when stopped. */
    public ReadOnlyObjectProperty<ConnectionDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Which socket {@link #detailsProperty()} describes, e.g. "connection of client 127.0.0.1:50000". */
    public ReadOnlyStringProperty detailsSubjectProperty() {
        return detailsSubject.getReadOnlyProperty();
    }
}
