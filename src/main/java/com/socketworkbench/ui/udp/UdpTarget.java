package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.repeat.SendSink;
import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the UDP tab's datagrams go and how they get there: the target host and port, connected mode (the socket
 * connected to the target, so only its datagrams arrive and an ICMP "port unreachable" is reported), "Reply to
 * sender" from the selected timeline row, and why a send cannot go now. Sends and connects go through the tab's
 * endpoint, made on demand; connecting and disconnecting run off the FX thread. FX thread only.
 */
final class UdpTarget {
    private final HostInput host;
    private final PortInput port;
    private final ObservableValue<ListenerState> state;
    private final UiExecutor executor;
    private final Supplier<UdpEndpoint> inUse;
    private final Supplier<UdpEndpoint> forSending;
    private final BooleanProperty connectedMode = new SimpleBooleanProperty(this, "connectedMode");
    private final ObjectProperty<TimelineRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyStringWrapper sendMessage = new ReadOnlyStringWrapper(this, "sendMessage", "");
    private final ReadOnlyStringWrapper connectedPeer = new ReadOnlyStringWrapper(this, "connectedPeer", "");
    private final BooleanBinding canReply;
    private final IntegerBinding datagramSize;
    private boolean adjustingConnectedMode;

    /**
     * @param editor     the send editor, kept from sending while its datagram cannot go to the target (its hint says
     *                   why: no valid target, the socket starting or stopping, a payload too large for one datagram)
     * @param inUse      the tab's endpoint, or null while it has none
     * @param forSending the tab's endpoint, made when it has none (the engine binds it on demand)
     */
    UdpTarget(HostInput host, PortInput port, ObservableValue<ListenerState> state, SendEditorModel editor,
              UiExecutor executor, Supplier<UdpEndpoint> inUse, Supplier<UdpEndpoint> forSending,
              Subscriptions subscriptions) {
        this.host = host;
        this.port = port;
        this.state = state;
        this.executor = executor;
        this.inUse = inUse;
        this.forSending = forSending;
        datagramSize = Bindings.createIntegerBinding(() -> editor.encode().map(bytes -> bytes.length).orElse(-1),
                editor.textProperty(), editor.formatProperty(), editor.charsetProperty(),
                editor.lineEndingProperty(), editor.escapesProperty(), editor.fieldsProperty());
        subscriptions.bind(editor.targetHintProperty(), Bindings.createStringBinding(this::problem,
                state, host.textProperty(), port.textProperty(), datagramSize));
        subscriptions.bind(editor.targetReadyProperty(), editor.targetHintProperty().isEmpty());
        canReply = Bindings.createBooleanBinding(() -> senderOf(selectedRow.get()).isPresent()
                && !connectedMode.get(), selectedRow, connectedMode);
        subscriptions.listen(connectedMode, (obs, old, on) -> {
            if (!adjustingConnectedMode) {
                if (on) {
                    connect();
                } else {
                    disconnect();
                }
            }
        });
    }

    private String problem() {
        String problem = addressProblem();
        if (!problem.isEmpty()) {
            return problem;
        }
        int size = datagramSize.get();
        return size < 0 ? "" : DatagramSizeCheck.problem(host.textProperty().get(), size);
    }

    private String addressProblem() {
        return switch (state.getValue()) {
            case STARTING -> UdpText.TEXT.get("target.starting");
            case STOPPING -> UdpText.TEXT.get("target.stopping");
            default -> {
                if (!host.isValid()) {
                    yield UdpText.TEXT.get("target.enter.host");
                }
                yield port.port() < 1 ? UdpText.TEXT.get("target.enter.port") : "";
            }
        };
    }

    /** Sends one datagram to the target. */
    void send(byte[] bytes) {
        String to = host.host();
        int toPort = port.port();
        UdpEndpoint sending = forSending.get();
        sendMessage.set("");
        // What went out, and any failure (shown in sendMessage too, by the pulse), arrives as engine events.
        sending.send(to, toPort, bytes);
    }

    /** Periodic sends and a file's datagrams go to the target typed now; null while it is not valid. */
    SendSink sink() {
        if (!addressProblem().isEmpty()) {
            return null;
        }
        String to = host.host();
        int toPort = port.port();
        UdpEndpoint sending = forSending.get();
        return bytes -> sending.send(to, toPort, bytes);
    }

    private void connect() {
        String problem = addressProblem();
        if (!problem.isEmpty()) {
            sendMessage.set(UdpText.TEXT.get("target.connected.needs", problem));
            setConnectedModeQuietly(false);
            return;
        }
        String to = host.host();
        int toPort = port.port();
        UdpEndpoint connecting = forSending.get();
        sendMessage.set("");
        executor.onFx(connecting.connect(to, toPort), (peer, failure) -> {
            if (inUse.get() != connecting) {
                return;
            }
            if (failure != null) {
                // Why it failed arrives as the engine's Failure event (and in sendMessage through the pulse).
                setConnectedModeQuietly(false);
            } else if (connectedMode.get()) {
                connectedPeer.set(UdpText.TEXT.get("target.connected.to", Endpoints.describe(peer)));

            } else {
                // Switched off while connecting.
                executor.run("ui-udp-disconnect", connecting::disconnect, () -> { });
            }
        });
    }

    private void disconnect() {
        UdpEndpoint connected = inUse.get();
        connectedPeer.set("");
        if (connected != null) {
            executor.run("ui-udp-disconnect", connected::disconnect, () -> { });
        }
    }

    /** The socket is gone: connected mode is off and no peer is shown (nothing to disconnect). */
    void socketClosed() {
        setConnectedModeQuietly(false);
        connectedPeer.set("");
    }

    private void setConnectedModeQuietly(boolean on) {
        adjustingConnectedMode = true;
        try {
            connectedMode.set(on);
        } finally {
            adjustingConnectedMode = false;
        }
    }

    /** Shows why a send or connect failed (the engine's message). */
    void showFailure(String message) {
        sendMessage.set(message);
    }

    /** The sender of the selected row when it is a received datagram, for "Reply to sender". */
    Optional<InetSocketAddress> replyTarget() {
        return senderOf(selectedRow.get());
    }

    /** Makes the selected received datagram's sender the target; false when no such row is selected. */
    boolean replyToSender() {
        Optional<InetSocketAddress> sender = replyTarget();
        sender.ifPresent(address -> {
            host.textProperty().set(Endpoints.addressText(address.getAddress()));
            port.textProperty().set(Integer.toString(address.getPort()));
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

    BooleanProperty connectedModeProperty() {
        return connectedMode;
    }

    ObjectProperty<TimelineRow> selectedRowProperty() {
        return selectedRow;
    }

    ReadOnlyStringProperty sendMessageProperty() {
        return sendMessage.getReadOnlyProperty();
    }

    ReadOnlyStringProperty connectedPeerProperty() {
        return connectedPeer.getReadOnlyProperty();
    }

    BooleanBinding canReplyBinding() {
        return canReply;
    }

    /** Size of the datagram the send editor would send now, -1 while its input is invalid. */
    IntegerBinding datagramSizeBinding() {
        return datagramSize;
    }
}
