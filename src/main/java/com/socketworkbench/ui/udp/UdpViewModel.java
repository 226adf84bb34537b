// Over 400 lines: the UDP tab's one view model; much of it is one-line accessors the view binds to, and its parts (UdpTarget, MulticastModel, UdpStats, UdpSettings, the send tools) hold the logic.
package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.sendfile.SendTools;
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
import com.socketworkbench.engine.capture.CaptureTransport;
import com.socketworkbench.engine.rules.RuleTee;
import com.socketworkbench.ui.rules.RulesModel;
import com.socketworkbench.ui.capture.TabCapture;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * State and actions of the UDP tab. One {@link UdpEndpoint} at a time feeds the tab's {@link EventPump}: made by
 * Start, or by the first send (or connect) while stopped, when the engine binds a free port itself and its
 * ListenerStarted event moves the tab to RUNNING. Binding, stopping and disconnecting run off the FX thread; their
 * outcome comes back once. The typed settings live in {@link UdpSettings}, the target with connected mode and
 * "Reply to sender" in {@link UdpTarget}, multicast in {@link MulticastModel}, the counters in {@link UdpStats}.
 */
public final class UdpViewModel extends SocketTabModel {
    /** The send editor's settings live in this child node of the tab's preferences. */
    static final String NODE_SEND = "send";
    static final String NODE_SEND_TOOLS = "sendTools";
    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final EventPump pump = traffic().pump();
    private final TabStatus status = traffic().status();
    private final boolean linux = ReceiveBufferText.isLinux();
    private final UdpStats stats;
    private final UdpSettings settings;
    private final MulticastModel multicast;
    private final UdpTarget target;
    private final SendTools sendTools;
    private final SendEditorModel sendEditor;
    private final TabCapture capture;
    private final RulesModel rules;

    private final ReadOnlyObjectWrapper<ListenerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ListenerState.STOPPED);
    private final ReadOnlyStringWrapper listeningAddress = new ReadOnlyStringWrapper(this, "listeningAddress", "");
    private final ReadOnlyStringWrapper receiveBufferInfo = new ReadOnlyStringWrapper(this, "receiveBufferInfo", "");
    private final ReadOnlyStringWrapper sendFrom = new ReadOnlyStringWrapper(this, "sendFrom", "");

    private UdpEndpoint endpoint;
    private InetSocketAddress boundAddress;
    private boolean boundBySending;

    public UdpViewModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.executor = executor;
        stats = new UdpStats(pump.counters(), status, linux, executor);
        settings = new UdpSettings(preferences);
        multicast = new MulticastModel(settings.savedMulticastTtl(), settings.savedMulticastLoopback(), executor,
                subscriptions);
        settings.restoreMulticast(multicast);

        sendEditor = new SendEditorModel(subscriptions);
        sendEditor.load(preferences.child(NODE_SEND).node());
        // An empty datagram is a message of its own (a keep-alive, a probe); the engine sends it as one.
        sendEditor.emptyAllowedProperty().set(true);
        target = new UdpTarget(settings.targetHost(), settings.targetPort(), state, sendEditor, executor,
                () -> endpoint, this::endpointForSending, subscriptions);
        sendEditor.setSender(target::send);
        // Periodic send and send file go to the target typed when they start; stopping the socket stops them.
        sendTools = SendTools.create(sendEditor, state.isNotEqualTo(ListenerState.STOPPING), target::sink,
                target::sink, true, executor, subscriptions);
        sendTools.load(preferences.child(NODE_SEND_TOOLS).node());
        rules = new RulesModel(preferences, traffic(), sendEditor.charsetProperty()::get, subscriptions);

        subscriptions.listen(settings.broadcastProperty(), (obs, old, on) -> {
            if (endpoint != null) {
                endpoint.setBroadcast(on);
            }
        });
        subscriptions.listen(settings.receiveLimitProperty(), (obs, old, limit) -> {
            if (endpoint != null && limit != null) {
                endpoint.setMaxDatagramSize(settings.receiveLimit());
            }
        });
        subscriptions.listen(settings.receiveBufferKiBProperty(), (obs, old, kib) -> {
            if (state.get() == ListenerState.STOPPED) {
                receiveBufferInfo.set(ReceiveBufferText.requested(settings.receiveBufferBytes()));
            }
        });
        capture = new TabCapture(traffic(), CaptureTransport.UDP, "udp", UdpText.TEXT.get("capture.description"),
                preferences, executor,
                subscriptions);
        traffic().onPulse(this::onPulse, subscriptions);
        traffic().onRowsShown(stats::countersChanged, subscriptions);
        traffic().tickWhile(state.isEqualTo(ListenerState.RUNNING), subscriptions);
        markStopped();
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
        if (state.get() != ListenerState.STOPPED || !settings.port().isValid()) {
            return;
        }
        UdpEndpoint starting;
        try {
            starting = newEndpoint(settings.port().port());
        } catch (IllegalArgumentException e) {
            pump.emit(Failure.rejected(0, Operation.START, UdpText.TEXT.get("error.start", e.getMessage())));
            return;
        }
        discardUnboundEndpoint();
        use(starting);
        boundBySending = false;
        state.set(ListenerState.STARTING);
        updateStatus();
        executor.run("ui-udp-start", starting::start, address -> {
            if (endpoint == starting) {
                settings.port().forgetFinding();
                onBound(address);
                savePreferences();
            }
        }, failure -> {
            // The engine reported why (its Failure event, in the banner); a port in use is also shown at the field.
            if (endpoint == starting) {
                settings.port().startFailed(failure);
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
        RuleTee rulesTee = rules.tee(traffic().engineSink());
        UdpEndpoint created = new UdpEndpoint(settings.config(bindPort), rulesTee);
        rulesTee.replyThrough((to, bytes) -> {
            if (to.remote() instanceof InetSocketAddress sender) {
                created.send(sender, bytes);
            }
        });
        created.setMaxDatagramSize(settings.receiveLimit());
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
        listeningAddress.set(UdpText.TEXT.get(boundBySending ? "bound.to.sending" : "bound.to", where));
        receiveBufferInfo.set(ReceiveBufferText.granted(settings.receiveBufferBytes(),
                endpoint.effectiveReceiveBuffer(), linux));
        updateStatus();
    }

    private void markStopped() {
        boundAddress = null;
        boundBySending = false;
        state.set(ListenerState.STOPPED);
        multicast.use(endpoint, false);
        stats.measure(null);
        target.socketClosed();
        listeningAddress.set("");
        receiveBufferInfo.set(ReceiveBufferText.requested(settings.receiveBufferBytes()));
        updateStatus();
    }

    /** The sender of the selected row when it is a received datagram, for "Reply to sender". */
    public Optional<InetSocketAddress> replyTarget() {
        return target.replyTarget();
    }

    /** Makes the selected received datagram's sender the target; false when no such row is selected. */
    public boolean replyToSender() {
        return target.replyToSender();
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
            case SEND, CONNECT -> target.showFailure(failure.message());
            case MULTICAST -> multicast.showFailure(failure.message());
            default -> {
            }
        }
    }

    private void updateStatus() {
        switch (state.get()) {
            case STOPPED -> {
                status.setState(UdpText.TEXT.get("status.stopped"));
                status.setAddresses("");
                sendFrom.set(UdpText.TEXT.get("from.free.port"));
            }
            case STARTING -> {
                status.setState(UdpText.TEXT.get("status.binding", settings.bindAddress().host(),
                        settings.port().port()));
                status.setAddresses("");
            }
            case RUNNING -> {
                String address = boundAddress == null ? "" : Endpoints.describe(boundAddress);
                status.setState(UdpText.TEXT.get("status.bound", address, stats.ratesText()));
                status.setAddresses(address);
                sendFrom.set(UdpText.TEXT.get("from.address", address));
            }
            case STOPPING -> status.setState(UdpText.TEXT.get("status.stopping"));

        }
    }

    // ---------------------------------------------------------------- preferences and life cycle

    /** Remembers bind, port, target, options, multicast and the send editor for the next session. */
    @Override
    public void savePreferences() {
        settings.save(multicast);
        sendEditor.save(preferences.child(NODE_SEND).node());
        sendTools.save(preferences.child(NODE_SEND_TOOLS).node());
        preferences.flush();
    }

    /** Export and record of this tab's traffic. */
    public TabCapture capture() {
        return capture;
    }

    public SendTools sendTools() {
        return sendTools;
    }

    public SendEditorModel sendEditor() {
        return sendEditor;
    }

    /** The tab's auto-reply rules. */
    public RulesModel rules() {
        return rules;
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
        return settings.bindAddress();
    }

    /** The port to bind, as typed, and the verdict on it. */
    public PortInput port() {
        return settings.port();
    }

    /** True while the bind settings are valid, so Start may bind. */
    public ObservableBooleanValue canStartProperty() {
        return settings.port().validProperty();
    }

    /** Where Send goes: a name, an IPv4 or an IPv6 literal (brackets allowed), and the verdict on it. */
    public HostInput targetHost() {
        return settings.targetHost();
    }

    /** The port to send to, as typed, and the verdict on it. */
    public PortInput targetPort() {
        return settings.targetPort();
    }

    /** SO_BROADCAST, applied at once and on every later bind. */
    public BooleanProperty broadcastProperty() {
        return settings.broadcastProperty();
    }

    /** SO_REUSEADDR for the next start: other sockets that set it too may bind the same port. */
    public BooleanProperty reuseAddressProperty() {
        return settings.reuseAddressProperty();
    }

    /** On: the socket is connected to the target (only its datagrams arrive; ICMP errors are reported). */
    public BooleanProperty connectedModeProperty() {
        return target.connectedModeProperty();
    }

    /** SO_RCVBUF to ask for at the next start, in KiB. */
    public ObjectProperty<Integer> receiveBufferKiBProperty() {
        return settings.receiveBufferKiBProperty();
    }

    /** The largest datagram delivered whole; a larger one arrives cut and flagged truncated. */
    public ObjectProperty<Integer> receiveLimitProperty() {
        return settings.receiveLimitProperty();
    }

    /** The timeline row selected in the view (bind it), for "Reply to sender". */
    public ObjectProperty<TimelineRow> selectedRowProperty() {
        return target.selectedRowProperty();
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
        return target.sendMessageProperty();
    }

    /** "connected to 127.0.0.1:9999" while connected mode is on and connected. */
    public ReadOnlyStringProperty connectedPeerProperty() {
        return target.connectedPeerProperty();
    }

    /** Size of the datagram the send editor would send now, -1 while its input is invalid. */
    public IntegerBinding datagramSizeBinding() {
        return target.datagramSizeBinding();
    }

    public BooleanBinding canReplyBinding() {
        return target.canReplyBinding();
    }
}
