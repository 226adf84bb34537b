package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.input.BindAddressInput;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * State and actions of the UDP tab. One {@link UdpEndpoint} at a time feeds the tab's {@link EventPump}: made by
 * Start, or by the first send (or connect) while stopped, when the engine binds a free port itself and its
 * ListenerStarted event moves the tab to RUNNING. Binding, stopping and disconnecting run off the FX thread; their
 * outcome comes back once. Multicast lives in {@link MulticastModel}, the counters in {@link UdpStats}.
 */
public final class UdpViewModel extends SocketTabModel {
    static final String PREF_BIND = "bindHost";
    static final String PREF_PORT = "port";
    static final String PREF_TARGET_HOST = "targetHost";
    static final String PREF_TARGET_PORT = "targetPort";
    static final String PREF_BROADCAST = "broadcast";
    static final String PREF_RECEIVE_BUFFER = "receiveBufferKiB";
    static final String PREF_TTL = "multicastTtl";
    static final String PREF_LOOPBACK = "multicastLoopback";
    static final int DEFAULT_PORT = 5000;
    static final int DEFAULT_RECEIVE_BUFFER_KIB = UdpConfig.DEFAULT_RECEIVE_BUFFER / 1024;
    static final int MAX_RECEIVE_BUFFER_KIB = 1024 * 1024;

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final EventPump pump = traffic().pump();
    private final TabStatus status = traffic().status();
    private final boolean linux = ReceiveBufferText.isLinux();
    private final UdpStats stats;
    private final MulticastModel multicast;
    private final SendEditorModel sendEditor;

    private final BindAddressInput bindAddress;
    private final PortInput port;
    private final HostInput targetHost;
    private final PortInput targetPort;
    private final BooleanProperty broadcast = new SimpleBooleanProperty(this, "broadcast");
    private final BooleanProperty connectedMode = new SimpleBooleanProperty(this, "connectedMode");
    private final ObjectProperty<Integer> receiveBufferKiB = new SimpleObjectProperty<>(this, "receiveBufferKiB");
    private final ObjectProperty<Integer> receiveLimit =
            new SimpleObjectProperty<>(this, "receiveLimit", UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE);
    private final ObjectProperty<TimelineRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");

    private final ReadOnlyObjectWrapper<ListenerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ListenerState.STOPPED);
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ReadOnlyStringWrapper receiveBufferInfo = new ReadOnlyStringWrapper(this, "receiveBufferInfo", "");
    private final ReadOnlyStringWrapper sendFrom = new ReadOnlyStringWrapper(this, "sendFrom", "");
    private final ReadOnlyStringWrapper sendMessage = new ReadOnlyStringWrapper(this, "sendMessage", "");
    private final ReadOnlyStringWrapper connectedPeer = new ReadOnlyStringWrapper(this, "connectedPeer", "");
    private final IntegerBinding datagramSize;
    private final BooleanBinding canReply;

    private UdpEndpoint endpoint;
    private InetSocketAddress boundAddress;
    private boolean boundBySending;
    private boolean adjustingConnectedMode;

    public UdpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.executor = executor;
        stats = new UdpStats(pump.counters(), status, linux, executor);
        bindAddress = new BindAddressInput(BindAddressInput.Inbound.DATAGRAMS,
                preferences.get(PREF_BIND, "127.0.0.1"));
        port = PortInput.toListenOn(Integer.toString(preferences.getInt(PREF_PORT, DEFAULT_PORT)));
        targetHost = new HostInput(preferences.get(PREF_TARGET_HOST, "127.0.0.1"));
        targetPort = PortInput.toReach(Integer.toString(preferences.getInt(PREF_TARGET_PORT, DEFAULT_PORT)));
        broadcast.set(preferences.getBoolean(PREF_BROADCAST, false));
        receiveBufferKiB.set(clamp(preferences.getInt(PREF_RECEIVE_BUFFER, DEFAULT_RECEIVE_BUFFER_KIB), 1,
                MAX_RECEIVE_BUFFER_KIB, DEFAULT_RECEIVE_BUFFER_KIB));
        multicast = new MulticastModel(clamp(preferences.getInt(PREF_TTL, 1), 0, 255, 1),
                preferences.getBoolean(PREF_LOOPBACK, true), executor, subscriptions);

        sendEditor = new SendEditorModel(subscriptions);
        sendEditor.setSender(this::send);
        // An empty datagram is a message of its own (a keep-alive, a probe); the engine sends it as one.
        sendEditor.emptyAllowedProperty().set(true);
        datagramSize = Bindings.createIntegerBinding(() -> sendEditor.encode().map(bytes -> bytes.length).orElse(-1),
                sendEditor.textProperty(), sendEditor.formatProperty(), sendEditor.charsetProperty(),
                sendEditor.lineEndingProperty());
        subscriptions.bind(sendEditor.targetHintProperty(), Bindings.createStringBinding(this::targetProblem,
                state, targetHost.textProperty(), targetPort.textProperty(), datagramSize));
        subscriptions.bind(sendEditor.targetReadyProperty(), sendEditor.targetHintProperty().isEmpty());
        canReply = Bindings.createBooleanBinding(() -> senderOf(selectedRow.get()).isPresent()
                && !connectedMode.get(), selectedRow, connectedMode);

        subscriptions.listen(broadcast, (obs, old, on) -> {
            if (endpoint != null) {
                endpoint.setBroadcast(on);
            }
        });
        subscriptions.listen(receiveLimit, (obs, old, limit) -> {
            if (endpoint != null && limit != null) {
                endpoint.setMaxDatagramSize(receiveLimit());
            }
        });
        subscriptions.listen(connectedMode, (obs, old, on) -> {
            if (!adjustingConnectedMode) {
                if (on) {
                    connect();
                } else {
                    disconnect();
                }
            }
        });
        subscriptions.listen(receiveBufferKiB, (obs, old, kib) -> {
            if (state.get() == ListenerState.STOPPED) {
                receiveBufferInfo.set(ReceiveBufferText.requested(receiveBufferBytes()));
            }
        });
        traffic().onPulse(this::onPulse, subscriptions);
        traffic().onRowsShown(stats::countersChanged, subscriptions);
        traffic().tickWhile(state.isEqualTo(ListenerState.RUNNING), subscriptions);
        markStopped();
    }

    private String targetProblem() {
        String problem = targetAddressProblem();
        if (!problem.isEmpty()) {
            return problem;
        }
        int size = datagramSize.get();
        return size < 0 ? "" : DatagramSizeCheck.problem(targetHost.textProperty().get(), size);
    }

    private String targetAddressProblem() {
        return switch (state.get()) {
            case STARTING -> "Starting…";
            case STOPPING -> "Stopping…";
            default -> {
                if (!targetHost.isValid()) {
                    yield "Enter the target host to send to";
                }
                yield targetPort.port() < 1 ? "Enter the target port (1–65535)" : "";
            }
        };
    }

    // ---------------------------------------------------------------- start / stop

    /** Start when stopped, stop when bound (also when the bind happened for a send); ignored while either runs. */
    public void toggle() {
        switch (state.get()) {
            case STOPPED -> start();
            case RUNNING -> stop();
            default -> {
            }
        }
    }

    /** Binds a new endpoint with the current settings (off the FX thread). */
    public void start() {
        if (state.get() != ListenerState.STOPPED || !port.isValid()) {
            return;
        }
        UdpEndpoint starting;
        try {
            starting = newEndpoint(port.port());
        } catch (IllegalArgumentException e) {
            pump.emit(Failure.rejected(0, Operation.START, "Could not start UDP: " + e.getMessage()));
            return;
        }
        discardUnboundEndpoint();
        use(starting);
        boundBySending = false;
        state.set(ListenerState.STARTING);
        updateStatus();
        executor.run("ui-udp-start", starting::start, address -> {
            if (endpoint == starting) {
                onBound(address);
                savePreferences();
            }
        }, failure -> {
            // The engine reported why (its Failure event); here the tab only goes back to stopped.
            if (endpoint == starting) {
                use(null);
                markStopped();
            }
        });
    }

    /** Closes the socket: leaves every group, forgets a connected peer, cancels queued sends (off the FX thread). */
    @Override
    public void stop() {
        UdpEndpoint stopping = endpoint;
        if (stopping == null || state.get() == ListenerState.STOPPING) {
            return;
        }
        state.set(ListenerState.STOPPING);
        updateStatus();
        executor.run("ui-udp-stop", stopping::close, () -> {
            if (endpoint == stopping) {
                use(null);
                markStopped();
            }
        });
    }

    /** An endpoint made for a send that never bound (e.g. its host did not resolve) is replaced on Start. */
    private void discardUnboundEndpoint() {
        UdpEndpoint unbound = endpoint;
        if (unbound != null) {
            use(null);
            executor.run("ui-udp-discard", unbound::close, () -> { });
        }
    }

    private UdpEndpoint newEndpoint(int bindPort) {
        UdpEndpoint created = new UdpEndpoint(new UdpConfig(bindAddress.host(), bindPort, receiveBufferBytes(),
                broadcast.get()), pump);
        created.setMaxDatagramSize(receiveLimit());
        multicast.configure(created);
        return created;
    }

    private void use(UdpEndpoint current) {
        endpoint = current;
        multicast.use(current, state.get() == ListenerState.RUNNING);
    }

    /** The endpoint sends and connects go through; one is made when there is none (the engine binds on demand). */
    private UdpEndpoint endpointForSending() {
        if (endpoint == null) {
            use(newEndpoint(0));
        }
        return endpoint;
    }

    private void onBound(InetSocketAddress address) {
        boundAddress = address;
        state.set(ListenerState.RUNNING);
        multicast.use(endpoint, true);
        stats.measure(endpoint);
        String where = Endpoints.describe(address);
        listeningAddress.set(boundBySending ? "Bound to " + where + " (a free port, for sending)" : "Bound to " + where);
        receiveBufferInfo.set(ReceiveBufferText.granted(receiveBufferBytes(), endpoint.effectiveReceiveBuffer(),
                linux));
        updateStatus();
    }

    private void markStopped() {
        boundAddress = null;
        boundBySending = false;
        state.set(ListenerState.STOPPED);
        multicast.use(endpoint, false);
        stats.measure(null);
        setConnectedModeQuietly(false);
        connectedPeer.set("");
        listeningAddress.set("");
        receiveBufferInfo.set(ReceiveBufferText.requested(receiveBufferBytes()));
        updateStatus();
    }

    // ---------------------------------------------------------------- sending

    private void send(byte[] bytes) {
        String host = targetHost.host();
        int to = targetPort.port();
        UdpEndpoint sending = endpointForSending();
        sendMessage.set("");
        // What went out, and any failure (shown in sendMessage too, by the pulse), arrives as engine events.
        sending.send(host, to, bytes);
    }

    private void connect() {
        String problem = targetAddressProblem();
        if (!problem.isEmpty()) {
            sendMessage.set("Connected mode needs a target: " + problem);
            setConnectedModeQuietly(false);
            return;
        }
        String host = targetHost.host();
        int to = targetPort.port();
        UdpEndpoint connecting = endpointForSending();
        sendMessage.set("");
        executor.onFx(connecting.connect(host, to), (peer, failure) -> {
            if (endpoint != connecting) {
                return;
            }
            if (failure != null) {
                // Why it failed arrives as the engine's Failure event (and in sendMessage through the pulse).
                setConnectedModeQuietly(false);
            } else if (connectedMode.get()) {
                connectedPeer.set("connected to " + Endpoints.describe(peer));
            } else {
                // Switched off while connecting.
                executor.run("ui-udp-disconnect", connecting::disconnect, () -> { });
            }
        });
    }

    private void disconnect() {
        UdpEndpoint connected = endpoint;
        connectedPeer.set("");
        if (connected != null) {
            executor.run("ui-udp-disconnect", connected::disconnect, () -> { });
        }
    }

    private void setConnectedModeQuietly(boolean on) {
        adjustingConnectedMode = true;
        try {
            connectedMode.set(on);
        } finally {
            adjustingConnectedMode = false;
        }
    }

    /** The sender of the selected row when it is a received datagram, for "Reply to sender". */
    public Optional<InetSocketAddress> replyTarget() {
        return senderOf(selectedRow.get());
    }

    /** Makes the selected received datagram's sender the target; false when no such row is selected. */
    public boolean replyToSender() {
        Optional<InetSocketAddress> sender = replyTarget();
        sender.ifPresent(address -> {
            targetHost.textProperty().set(Endpoints.addressText(address.getAddress()));
            targetPort.textProperty().set(Integer.toString(address.getPort()));
        });
        return sender.isPresent();
    }

    private static Optional<InetSocketAddress> senderOf(TimelineRow row) {
        if (row != null && row.event() instanceof BytesReceived received
                && received.remote() instanceof InetSocketAddress sender && sender.getAddress() != null) {
            return Optional.of(sender);
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- pulse

    private void onPulse(List<NetEvent> batch) {
        UdpEndpoint current = endpoint;
        for (NetEvent event : batch) {
            if (event instanceof Failure failure && current != null && failure.connectionId() == current.id()) {
                showFailure(failure);
            }
            if (event instanceof ListenerStarted started && current != null
                    && started.connectionId() == current.id() && state.get() == ListenerState.STOPPED
                    && started.local() instanceof InetSocketAddress local) {
                // The engine bound a free port by itself to send or connect.
                boundBySending = true;
                onBound(local);
            }
        }
        if (state.get() == ListenerState.RUNNING && current != null && !current.isRunning()) {
            // The engine gave the socket up (repeated receive errors).
            use(null);
            markStopped();
        }
        if (stats.pulse(System.nanoTime()) && state.get() == ListenerState.RUNNING) {
            updateStatus();
        }
    }

    /** A send's or connect's failure also shows under the Send button, a multicast one in the multicast pane. */
    private void showFailure(Failure failure) {
        switch (failure.operation()) {
            case SEND, CONNECT -> sendMessage.set(failure.message());
            case MULTICAST -> multicast.showFailure(failure.message());
            default -> {
            }
        }
    }

    private void updateStatus() {
        switch (state.get()) {
            case STOPPED -> {
                status.setState("UDP stopped");
                status.setAddresses("");
                sendFrom.set("from a free port, bound when you send");
            }
            case STARTING -> {
                status.setState("Binding UDP " + bindAddress.host() + " port " + port.port() + "…");
                status.setAddresses("");
            }
            case RUNNING -> {
                String address = boundAddress == null ? "" : Endpoints.describe(boundAddress);
                status.setState("UDP bound to " + address + " · " + stats.ratesText());
                status.setAddresses(address);
                sendFrom.set("from " + address);
            }
            case STOPPING -> status.setState("Stopping UDP…");
        }
    }

    // ---------------------------------------------------------------- preferences and life cycle

    private int receiveBufferBytes() {
        return clamp(receiveBufferKiB.get(), 1, MAX_RECEIVE_BUFFER_KIB, DEFAULT_RECEIVE_BUFFER_KIB) * 1024;
    }

    private int receiveLimit() {
        return clamp(receiveLimit.get(), 1, UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE,
                UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE);
    }

    private static int clamp(Integer value, int min, int max, int fallback) {
        return value == null ? fallback : Math.max(min, Math.min(max, value));
    }

    /** Remembers bind, port, target and options for the next session. */
    @Override
    public void savePreferences() {
        preferences.put(PREF_BIND, bindAddress.host());
        if (port.port() >= 0) {
            preferences.putInt(PREF_PORT, port.port());
        }
        if (targetHost.isValid()) {
            preferences.put(PREF_TARGET_HOST, targetHost.text());
        }
        if (targetPort.port() > 0) {
            preferences.putInt(PREF_TARGET_PORT, targetPort.port());
        }
        preferences.putBoolean(PREF_BROADCAST, broadcast.get());
        preferences.putInt(PREF_RECEIVE_BUFFER, receiveBufferBytes() / 1024);
        preferences.putInt(PREF_TTL, multicast.ttl());
        preferences.putBoolean(PREF_LOOPBACK, multicast.loopbackProperty().get());
        preferences.flush();
    }

    public SendEditorModel sendEditor() {
        return sendEditor;
    }

    public MulticastModel multicast() {
        return multicast;
    }

    public UdpStats stats() {
        return stats;
    }

    /** The endpoint in use, or null. */
    public UdpEndpoint endpoint() {
        return endpoint;
    }

    /** Where the socket binds, and the warning for a wildcard. */
    public BindAddressInput bindAddress() {
        return bindAddress;
    }

    /** The port to bind, as typed, and the verdict on it. */
    public PortInput port() {
        return port;
    }

    /** True while the bind settings are valid, so Start may bind. */
    public ObservableBooleanValue canStartProperty() {
        return port.validProperty();
    }

    /** Where Send goes: a name, an IPv4 or an IPv6 literal (brackets allowed), and the verdict on it. */
    public HostInput targetHost() {
        return targetHost;
    }

    /** The port to send to, as typed, and the verdict on it. */
    public PortInput targetPort() {
        return targetPort;
    }

    /** SO_BROADCAST, applied at once and on every later bind. */
    public BooleanProperty broadcastProperty() {
        return broadcast;
    }

    /** On: the socket is connected to the target (only its datagrams arrive; ICMP errors are reported). */
    public BooleanProperty connectedModeProperty() {
        return connectedMode;
    }

    /** SO_RCVBUF to ask for at the next start, in KiB. */
    public ObjectProperty<Integer> receiveBufferKiBProperty() {
        return receiveBufferKiB;
    }

    /** The largest datagram delivered whole; a larger one arrives cut and flagged truncated. */
    public ObjectProperty<Integer> receiveLimitProperty() {
        return receiveLimit;
    }

    /** The timeline row selected in the view (bind it), for "Reply to sender". */
    public ObjectProperty<TimelineRow> selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyObjectProperty<ListenerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ListenerState state() {
        return state.get();
    }

    /** "Bound to 127.0.0.1:40123" with the real port, or empty when stopped. */
    public ReadOnlyStringProperty listeningAddressProperty() {
        return listeningAddress.getReadOnlyProperty();
    }

    /** "granted 425,984 B — capped by net.core.rmem_max" once bound; what will be asked for before. */
    public ReadOnlyStringProperty receiveBufferInfoProperty() {
        return receiveBufferInfo.getReadOnlyProperty();
    }

    /** "from 127.0.0.1:40123": the source address peers see. */
    public ReadOnlyStringProperty sendFromProperty() {
        return sendFrom.getReadOnlyProperty();
    }

    /** Why the last send or connect failed; cleared by the next attempt. */
    public ReadOnlyStringProperty sendMessageProperty() {
        return sendMessage.getReadOnlyProperty();
    }

    /** "connected to 127.0.0.1:9999" while connected mode is on and connected. */
    public ReadOnlyStringProperty connectedPeerProperty() {
        return connectedPeer.getReadOnlyProperty();
    }

    /** Size of the datagram the send editor would send now, -1 while its input is invalid. */
    public IntegerBinding datagramSizeBinding() {
        return datagramSize;
    }

    public BooleanBinding canReplyBinding() {
        return canReply;
    }
}
