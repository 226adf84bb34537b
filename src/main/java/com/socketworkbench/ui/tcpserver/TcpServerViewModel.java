package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.tcp.ConnectionInfo;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.common.AppPreferences;
import com.socketworkbench.ui.common.Background;
import com.socketworkbench.ui.common.EventPump;
import com.socketworkbench.ui.common.SendEditorModel;
import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabStatus;
import com.socketworkbench.ui.common.TimelineModel;
import com.socketworkbench.ui.common.UiFailures;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * State and actions of the TCP Server tab. Owns the tab's {@link EventPump} (the server's event sink), creates a
 * {@link TcpServer} per start, and mirrors its connections into {@link #clients()} on the pump tick. Binding and
 * stopping run off the FX thread; their outcome comes back once.
 */
public final class TcpServerViewModel {
    static final String PREF_BIND = "bindHost";
    static final String PREF_PORT = "port";
    static final String PREF_ECHO = "echo";
    static final String PREF_MAX = "maxConnections";
    static final int DEFAULT_PORT = 5000;
    /** How often the client list is re-read from the engine when no connect/close forces it sooner. */
    private static final long CLIENT_REFRESH_NANOS = 250_000_000L;

    private final AppPreferences preferences;
    private final TimelineModel timeline = new TimelineModel();
    private final EventPump pump = new EventPump(timeline);
    private final TabStatus status = new TabStatus();
    private final SendEditorModel sendEditor;

    private final StringProperty bindHost = new SimpleStringProperty(this, "bindHost");
    private final IntegerProperty port = new SimpleIntegerProperty(this, "port");
    private final BooleanProperty echo = new SimpleBooleanProperty(this, "echo");
    private final ObjectProperty<Integer> maxConnections = new SimpleObjectProperty<>(this, "maxConnections");
    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(this, "state", ServerState.STOPPED);
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ObservableList<ClientRow> clients = FXCollections.observableArrayList();
    private final Map<Long, ClientRow> clientsById = new HashMap<>();
    private final ObjectProperty<ClientRow> selectedClient = new SimpleObjectProperty<>(this, "selectedClient");
    private final ObjectProperty<SendTarget> sendTarget = new SimpleObjectProperty<>(this, "sendTarget", SendTarget.SELECTED);

    private TcpServer server;
    private InetSocketAddress boundAddress;
    private long lastClientRefresh;
    private Consumer<String> onFailure = message -> { };

    public TcpServerViewModel(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        bindHost.set(preferences.get(PREF_BIND, "127.0.0.1"));
        port.set(preferences.getInt(PREF_PORT, DEFAULT_PORT));
        echo.set(preferences.getBoolean(PREF_ECHO, false));
        maxConnections.set(Math.max(1, preferences.getInt(PREF_MAX, TcpServerConfig.DEFAULT_MAX_CONNECTIONS)));

        sendEditor = new SendEditorModel(subscriptions);
        sendEditor.setSender(this::send);
        subscriptions.bind(sendEditor.targetReadyProperty(), Bindings.createBooleanBinding(this::targetReady,
                state, sendTarget, selectedClient, clients));
        subscriptions.bind(sendEditor.targetHintProperty(), Bindings.createStringBinding(this::targetHint,
                state, sendTarget, selectedClient, clients));
        subscriptions.listen(echo, (obs, old, on) -> {
            if (server != null) {
                server.setEcho(on);
            }
        });
        subscriptions.add(pump.onPulse(this::onPulse));
        updateStatus();
    }

    private boolean targetReady() {
        if (state.get() != ServerState.RUNNING || clients.isEmpty()) {
            return false;
        }
        return sendTarget.get() == SendTarget.ALL || selectedClient.get() != null;
    }

    private String targetHint() {
        if (state.get() != ServerState.RUNNING) {
            return "Start the server first";
        }
        if (clients.isEmpty()) {
            return "No client connected yet";
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
        if (state.get() != ServerState.STOPPED || port.get() < 0) {
            return;
        }
        TcpServerConfig config;
        try {
            config = new TcpServerConfig(bindHost.get(), port.get(), maxConnections(), echo.get());
        } catch (IllegalArgumentException e) {
            pump.emit(UiFailures.of(e, "start the server", 0, null, null));
            return;
        }
        TcpServer starting = new TcpServer(config, pump);
        server = starting;
        state.set(ServerState.STARTING);
        updateStatus();
        Background.run("ui-tcp-server-start", starting::start, address -> {
            if (server != starting) {
                return;
            }
            boundAddress = address;
            state.set(ServerState.RUNNING);
            listeningAddress.set("Listening on " + Endpoints.describe(address));
            savePreferences();
            updateStatus();
        }, failure -> {
            if (server != starting) {
                return;
            }
            server = null;
            state.set(ServerState.STOPPED);
            updateStatus();
            // The engine reports bind problems as a Failure event itself; anything else still deserves a row.
            if (!UiFailures.alreadyReported(failure)) {
                pump.emit(UiFailures.of(failure, "start the server", 0, null, null));
            }
        });
    }

    /** Closes the listener and every connection (off the FX thread). */
    public void stop() {
        TcpServer stopping = server;
        if (stopping == null || state.get() == ServerState.STOPPING) {
            return;
        }
        state.set(ServerState.STOPPING);
        updateStatus();
        Background.run("ui-tcp-server-stop", stopping::stop, () -> {
            if (server == stopping) {
                server = null;
                boundAddress = null;
                state.set(ServerState.STOPPED);
                listeningAddress.set("");
                refreshClients(List.of());
                updateStatus();
            }
        });
    }

    /** Disconnects the client selected in the list. */
    public void disconnectSelected() {
        TcpServer current = server;
        ClientRow client = selectedClient.get();
        if (current != null && client != null) {
            Background.run("ui-tcp-server-disconnect", () -> current.disconnect(client.id()), () -> { });
        }
    }

    private void send(byte[] bytes) {
        TcpServer current = server;
        if (current == null) {
            return;
        }
        ClientRow client = selectedClient.get();
        CompletableFuture<Void> sending = sendTarget.get() == SendTarget.ALL || client == null
                ? current.sendToAll(bytes)
                : current.send(client.id(), bytes);
        long connectionId = client == null ? 0 : client.id();
        sending.whenComplete((ignored, failure) -> {
            if (failure != null && !UiFailures.alreadyReported(failure)) {
                pump.emit(UiFailures.of(failure, "send", connectionId, boundAddress, null));
            }
        });
    }

    private void onPulse(List<NetEvent> batch) {
        boolean connectionsChanged = false;
        String lastFailure = null;
        for (NetEvent event : batch) {
            switch (event) {
                case ConnectionAccepted ignored -> connectionsChanged = true;
                case ConnectionClosed ignored -> connectionsChanged = true;
                case Failure failure -> lastFailure = failure.message();
                case ListenerStopped ignored -> connectionsChanged = true;
                default -> {
                }
            }
        }
        long now = System.nanoTime();
        if (server != null && (connectionsChanged || now - lastClientRefresh >= CLIENT_REFRESH_NANOS)) {
            lastClientRefresh = now;
            refreshClients(server.connections());
        }
        if (state.get() == ServerState.RUNNING && server != null && !server.isRunning()) {
            // The listener died on its own (e.g. an accept error); reflect it.
            server = null;
            boundAddress = null;
            state.set(ServerState.STOPPED);
            listeningAddress.set("");
            refreshClients(List.of());
        }
        status.updateCounters(pump.counters());
        updateStatus();
        if (lastFailure != null) {
            onFailure.accept(lastFailure);
        }
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
                status.setState("Starting server on " + bindHost.get() + " port " + port.get() + "…");
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
    public void savePreferences() {
        preferences.put(PREF_BIND, bindHost.get());
        if (port.get() >= 0) {
            preferences.putInt(PREF_PORT, port.get());
        }
        preferences.putBoolean(PREF_ECHO, echo.get());
        preferences.putInt(PREF_MAX, maxConnections());
        preferences.flush();
    }

    /** Stops the pump and remembers settings; the server must have been stopped already (see the tab). */
    public void dispose() {
        savePreferences();
        pump.dispose();
    }

    /** Called with a failure's user message when one arrives (the view shows a notification). */
    public void setOnFailure(Consumer<String> onFailure) {
        this.onFailure = onFailure;
    }

    public EventPump pump() {
        return pump;
    }

    public TimelineModel timeline() {
        return timeline;
    }

    public TabStatus status() {
        return status;
    }

    public SendEditorModel sendEditor() {
        return sendEditor;
    }

    public StringProperty bindHostProperty() {
        return bindHost;
    }

    /** The port to bind, -1 while the field is invalid. */
    public IntegerProperty portProperty() {
        return port;
    }

    public BooleanProperty echoProperty() {
        return echo;
    }

    public ObjectProperty<Integer> maxConnectionsProperty() {
        return maxConnections;
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ServerState state() {
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
}
