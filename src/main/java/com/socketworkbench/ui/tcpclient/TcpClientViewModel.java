// Over 400 lines: the TCP client tab's one view model; a third is one-line accessors the view binds to, and its parts (ConnectSettings, ClientState, TabCapture, the send editor model) hold the logic.
package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.repeat.SendSink;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tcp.SendPlan;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.sendfile.SendTools;
import com.socketworkbench.ui.stream.FramingEditorModel;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.ui.stream.SocketOptionsModel;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.stream.SocketInfo;
import com.socketworkbench.ui.stream.SplitSendModel;
import com.socketworkbench.ui.stream.StreamSettings;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.engine.capture.CaptureTransport;
import com.socketworkbench.engine.rules.RuleTee;
import com.socketworkbench.ui.rules.RulesModel;
import com.socketworkbench.ui.capture.TabCapture;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tls.TlsClientForm;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * State and actions of the TCP Client tab. A new {@link TcpClient} per connect, made from the
 * {@link ConnectSettings}, feeds the tab's {@link EventPump}; connecting is asynchronous and can be cancelled; the
 * outcome comes back to the FX thread once.
 */
public final class TcpClientViewModel extends SocketTabModel {
    /** The send editor's settings live in this child node of the tab's preferences. */
    static final String NODE_SEND = "send";
    static final String NODE_SEND_TOOLS = "sendTools";
    /** How often the pending bytes of an incomplete frame are read from the engine. */
    private static final long PENDING_REFRESH_NANOS = 250_000_000L;

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final EventPump pump = traffic().pump();
    private final TabStatus status = traffic().status();
    private final ConnectSettings settings;
    private final SendEditorModel sendEditor;
    private final StreamSettings stream;
    private final FramingEditorModel framing;
    private final SocketOptionsModel socketOptions;
    private final SplitSendModel split;
    private final SocketInfo socketInfo;
    private final TabCapture capture;
    private final SendTools sendTools;
    private final RulesModel rules;
    private final ReadOnlyIntegerWrapper pendingBytes = new ReadOnlyIntegerWrapper(this, "pendingBytes");

    private final ReadOnlyObjectWrapper<ClientState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ClientState.DISCONNECTED);
    private final ReadOnlyStringWrapper connectionInfo = new ReadOnlyStringWrapper(this, "connectionInfo", "");
    private final ReadOnlyBooleanWrapper halfClosed = new ReadOnlyBooleanWrapper(this, "halfClosed");
    /** How the last connection ended, once one has; null before the first and while connecting again. */
    private final ObjectProperty<CloseReason> lastEnd = new SimpleObjectProperty<>(this, "lastEnd");


    private TcpClient client;
    private long lastPendingRefresh;

    public TcpClientViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.executor = executor;
        settings = new ConnectSettings(preferences, subscriptions);
        stream = settings.stream();
        framing = stream.framing();
        socketOptions = stream.socketOptions();
        split = stream.split();
        socketInfo = new SocketInfo(socketOptions, executor);
        subscriptions.listen(framing.specProperty(), (obs, old, spec) -> applyFraming(spec));
        subscriptions.listen(framing.oversizePolicyProperty(), (obs, old, policy) -> {
            if (client != null) {
                client.setOversizePolicy(framing.oversizePolicy());
            }
        });
        subscriptions.bind(socketOptions.connectTimeoutProperty(), Bindings.createObjectBinding(
                () -> Duration.ofSeconds(settings.timeoutSeconds()), settings.timeoutSecondsProperty()));

        capture = new TabCapture(traffic(), CaptureTransport.TCP, "tcp-client",
                ClientTexts.TEXT.get("capture.description"), preferences,
                executor, subscriptions);
        sendEditor = new SendEditorModel(subscriptions);
        sendEditor.load(preferences.child(NODE_SEND).node());
        sendEditor.setSender(this::send);
        rules = new RulesModel(preferences, traffic(), sendEditor.charsetProperty()::get, subscriptions);
        subscriptions.bind(sendEditor.targetReadyProperty(), state.isEqualTo(ClientState.CONNECTED)
                .and(halfClosed.not()).and(split.planProperty().isNotNull()));
        subscriptions.bind(sendEditor.targetHintProperty(), Bindings.createStringBinding(() -> {
            if (halfClosed.get()) {
                return ClientTexts.TEXT.get("hint.half.closed");
            }
            if (state.get() == ClientState.CONNECTED && !split.errorProperty().get().isEmpty()) {
                return ClientTexts.TEXT.get("hint.split", split.errorProperty().get());
            }
            // "Connect first" only before any connection: after one ended, say how it ended.
            CloseReason ended = lastEnd.get();
            return state.get() == ClientState.DISCONNECTED && ended != null
                    ? ClientTexts.TEXT.get("hint.ended", ClientTexts.TEXT.get("ended." + ended.name()))
                    : ClientTexts.TEXT.get("hint.connect.first");
        }, halfClosed, state, split.errorProperty(), lastEnd));
        traffic().onPulse(this::onPulse, subscriptions);
        traffic().onRowsShown(traffic()::updateCounters, subscriptions);
        traffic().tickWhile(state.isEqualTo(ClientState.CONNECTED), subscriptions);
        // Periodic send and send file go to the connection open when they start, and stop when it closes.
        sendTools = SendTools.create(sendEditor, state.isEqualTo(ClientState.CONNECTED), this::repeatSink,
                this::fileSink, false, executor, subscriptions);
        sendTools.load(preferences.child(NODE_SEND_TOOLS).node());
        updateStatus();
    }

    /** Connect when disconnected, cancel while connecting, disconnect when connected. */
    public void toggle() {
        switch (state.get()) {
            case DISCONNECTED -> connect();
            case CONNECTING -> cancel();
            case CONNECTED -> disconnect();
            case DISCONNECTING -> {
            }
        }
    }

    /** Starts connecting with the current settings; never blocks the FX thread. */
    public void connect() {
        if (state.get() != ClientState.DISCONNECTED || !settings.canConnectBinding().get()) {
            return;
        }
        TcpClientConfig config;
        try {
            config = settings.config();
        } catch (IllegalArgumentException e) {
            pump.emit(Failure.rejected(0, Operation.CONNECT, ClientTexts.TEXT.get("error.connect", e.getMessage())));
            return;
        }
        RuleTee rulesTee = rules.tee(traffic().engineSink());
        TcpClient connecting = new TcpClient(config, rulesTee);
        rulesTee.replyThrough((to, bytes) -> connecting.send(bytes));
        FramingSpec spec = framing.spec();
        connecting.setFramerFactory(spec::create);
        connecting.setOversizePolicy(framing.oversizePolicy());
        settings.optionsForConnect().ifPresent(connecting::setSocketOptions);
        client = connecting;
        halfClosed.set(false);
        lastEnd.set(null);
        state.set(ClientState.CONNECTING);
        updateStatus();
        executor.onFx(connecting.connect(), (local, failure) -> {
            if (client != connecting) {
                return; // cancelled meanwhile
            }
            if (failure == null) {
                state.set(ClientState.CONNECTED);
                connectionInfo.set(describe(connecting.localSocketAddress(), connecting.remoteSocketAddress()));
                savePreferences();
                refreshSocketInfo();
            } else {
                // The engine reported why (its Failure event); here the tab only goes back to disconnected.
                client = null;
                release(connecting);
                state.set(ClientState.DISCONNECTED);
                connectionInfo.set("");
            }
            updateStatus();
        });
    }

    private static String describe(SocketAddress local, SocketAddress remote) {
        return Endpoints.describe(local) + " → " + Endpoints.describe(remote);
    }

    /** Abandons a connect in progress. */
    public void cancel() {
        TcpClient connecting = client;
        if (connecting == null || state.get() != ClientState.CONNECTING) {
            return;
        }
        client = null;
        state.set(ClientState.DISCONNECTED);
        updateStatus();
        executor.run("ui-tcp-client-cancel", connecting::close, () -> { });
    }

    /** Closes the connection gracefully (off the FX thread). */
    public void disconnect() {
        TcpClient connected = client;
        if (connected == null || state.get() != ClientState.CONNECTED) {
            return;
        }
        state.set(ClientState.DISCONNECTING);
        updateStatus();
        executor.run("ui-tcp-client-disconnect", () -> {
            connected.disconnect();
            connected.close();
        }, () -> {
            if (client == connected) {
                markDisconnected();
            }
        });
    }

    /**
     * Ends the connection the chosen way: FIN (as {@link #disconnect()}), a half-close (output shut down, the
     * connection stays open for replies until the peer closes) or an abort (RST).
     */
    public void closeWith(CloseMode mode) {
        TcpClient connected = client;
        if (connected == null || state.get() != ClientState.CONNECTED) {
            return;
        }
        switch (mode) {
            case GRACEFUL -> disconnect();
            case HALF_CLOSE -> {
                halfClosed.set(true);
                updateStatus();
                executor.run("ui-tcp-client-half-close", () -> connected.close(CloseMode.HALF_CLOSE), () -> { });
            }
            case ABORT -> {
                state.set(ClientState.DISCONNECTING);
                updateStatus();
                executor.run("ui-tcp-client-abort", () -> {
                    connected.close(CloseMode.ABORT);
                    connected.close();
                }, () -> {
                    if (client == connected) {
                        markDisconnected();
                    }
                });
            }
        }
    }

    /** Sets the requested socket options on the open connection (and the next ones), then reads them back. */
    public void applySocketOptions() {
        SocketOptionsSpec spec = socketOptions.validSpec().orElse(null);
        TcpClient connected = client;
        if (spec == null || connected == null || state.get() != ClientState.CONNECTED) {
            return;
        }
        executor.run("ui-tcp-client-options", () -> connected.setSocketOptions(spec), this::refreshSocketInfo);
    }

    /** Reads the connection's options and details off the FX thread and shows them; clears them when not connected. */
    public void refreshSocketInfo() {
        TcpClient connected = client;
        if (connected == null || state.get() != ClientState.CONNECTED) {
            socketInfo.clear();
            return;
        }
        socketInfo.read("ui-tcp-client-socket-info", () -> new SocketInfo.Reading(
                ClientTexts.TEXT.get("socket.subject", Endpoints.describe(connected.remoteSocketAddress())),
                connected.effectiveOptions(),
                connected.details()), () -> client == connected);
    }

    private void applyFraming(FramingSpec spec) {
        TcpClient current = client;
        if (current == null) {
            return;
        }
        current.setFramerFactory(spec::create);
        if (state.get() == ClientState.CONNECTED) {
            pump.emit(new Notice(Instant.now(), current.id(), current.localSocketAddress(),
                    current.remoteSocketAddress(), ClientTexts.TEXT.get("notice.framing", spec.describe())));
        }
    }

    /** Stops everything this tab opened: cancel a connect or close the connection. */
    @Override
    public void stop() {
        switch (state.get()) {
            case CONNECTING -> cancel();
            case CONNECTED -> disconnect();
            default -> {
            }
        }
    }

    /** Lets a finished client end its threads, off the FX thread (close waits for them). */
    private void release(TcpClient finished) {
        executor.run("ui-tcp-client-release", finished::close, () -> { });
    }

    private void markDisconnected() {
        client = null;
        halfClosed.set(false);
        pendingBytes.set(0);
        refreshSocketInfo();
        state.set(ClientState.DISCONNECTED);
        connectionInfo.set("");
        updateStatus();
    }

    private void send(byte[] bytes) {
        TcpClient connected = client;
        SendPlan plan = split.plan();
        if (connected == null || plan == null) {
            return;
        }
        // What went out, and any failure, reaches the timeline as engine events.
        connected.send(bytes, plan);
    }

    /** Sends as Send does (the split plan), to the connection open now; null when none is. */
    private SendSink repeatSink() {
        TcpClient connected = client;
        SendPlan plan = split.plan();
        return connected == null || plan == null ? null : bytes -> connected.send(bytes, plan);
    }

    /** A file's chunks as plain writes to the connection open now; null when none is. */
    private SendSink fileSink() {
        TcpClient connected = client;
        return connected == null ? null : connected::send;
    }

    public SendTools sendTools() {
        return sendTools;
    }

    private void onPulse(List<NetEvent> batch) {
        for (NetEvent event : batch) {
            if (event instanceof ConnectionClosed closed) {
                lastEnd.set(closed.reason());
            }
        }
        // Covers a peer that closes at once, even before the connect outcome reached the FX thread.
        if (state.get() == ClientState.CONNECTED && client != null && !client.isConnected()) {
            release(client);
            markDisconnected();
        }
        long now = System.nanoTime();
        if (client != null && now - lastPendingRefresh >= PENDING_REFRESH_NANOS) {
            lastPendingRefresh = now;
            pendingBytes.set(client.pendingBytes());
        }
    }

    private void updateStatus() {
        switch (state.get()) {
            case DISCONNECTED -> {
                status.setState(ClientTexts.TEXT.get("status.not.connected"));
                status.setAddresses("");
            }
            case CONNECTING -> status.setState(ClientTexts.TEXT.get("status.connecting", settings.where()));
            case CONNECTED -> {
                status.setState(ClientTexts.TEXT.get(halfClosed.get() ? "status.half.closed" : "status.connected",
                        connectionInfo.get()));
                status.setAddresses(connectionInfo.get());
            }
            case DISCONNECTING -> status.setState(ClientTexts.TEXT.get("status.disconnecting"));
        }
    }

    /** Remembers host, port, timeout, the stream settings and the send editor for the next session. */
    @Override
    public void savePreferences() {
        settings.save();
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

    /** The host to connect to, as typed, and the verdict on it. */
    public HostInput host() {
        return settings.host();
    }

    /** The port to connect to, as typed, and the verdict on it. */
    public PortInput port() {
        return settings.port();
    }

    /** True while the settings of the chosen transport are valid, so Connect may start. */
    public ObservableBooleanValue canConnectProperty() {
        return settings.canConnectBinding();
    }

    public ObjectProperty<Integer> timeoutSecondsProperty() {
        return settings.timeoutSecondsProperty();
    }

    public ReadOnlyObjectProperty<ClientState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ClientState state() {
        return state.get();
    }

    /** True after a half-close until the connection ends: receiving goes on, sending is over. */
    public ReadOnlyBooleanProperty halfClosedProperty() {
        return halfClosed.getReadOnlyProperty();
    }

    /** TLS on or off and its settings (the insecure switch and the password are never saved). */
    public TlsClientForm tls() {
        return settings.tls();
    }

    /** Transport and socket path, framing, socket options and split send. */
    public StreamSettings stream() {
        return stream;
    }

    /** Family, type, addresses and options of the open connection; null when not connected. */
    public ReadOnlyObjectProperty<ConnectionDetails> detailsProperty() {
        return socketInfo.detailsProperty();
    }

    /** Bytes of an incomplete frame the connection holds (read from the engine a few times a second). */
    public ReadOnlyIntegerProperty pendingBytesProperty() {
        return pendingBytes.getReadOnlyProperty();
    }

    /** "127.0.0.1:53211 → 127.0.0.1:5000" while connected, else empty. */
    public ReadOnlyStringProperty connectionInfoProperty() {
        return connectionInfo.getReadOnlyProperty();
    }
}
