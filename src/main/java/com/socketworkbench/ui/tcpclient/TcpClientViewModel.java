package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.ui.common.AppPreferences;
import com.socketworkbench.ui.common.Background;
import com.socketworkbench.ui.common.EventPump;
import com.socketworkbench.ui.common.SendEditorModel;
import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabStatus;
import com.socketworkbench.ui.common.TimelineModel;
import com.socketworkbench.ui.common.UiFailures;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * State and actions of the TCP Client tab. A new {@link TcpClient} per connect feeds the tab's {@link EventPump};
 * connecting is asynchronous and can be cancelled; the outcome comes back to the FX thread once.
 */
public final class TcpClientViewModel {
    static final String PREF_HOST = "host";
    static final String PREF_PORT = "port";
    static final String PREF_TIMEOUT = "connectTimeoutSeconds";
    static final int DEFAULT_PORT = 5000;

    private final AppPreferences preferences;
    private final TimelineModel timeline = new TimelineModel();
    private final EventPump pump = new EventPump(timeline);
    private final TabStatus status = new TabStatus();
    private final SendEditorModel sendEditor;

    private final StringProperty host = new SimpleStringProperty(this, "host");
    private final IntegerProperty port = new SimpleIntegerProperty(this, "port");
    private final ObjectProperty<Integer> timeoutSeconds = new SimpleObjectProperty<>(this, "timeoutSeconds");
    private final ReadOnlyObjectWrapper<ClientState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ClientState.DISCONNECTED);
    private final ReadOnlyStringWrapper connectionInfo = new ReadOnlyStringWrapper(this, "connectionInfo", "");

    private TcpClient client;
    private Consumer<String> onFailure = message -> { };

    public TcpClientViewModel(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        host.set(preferences.get(PREF_HOST, "127.0.0.1"));
        port.set(preferences.getInt(PREF_PORT, DEFAULT_PORT));
        timeoutSeconds.set(Math.max(1, preferences.getInt(PREF_TIMEOUT,
                (int) TcpClientConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds())));

        sendEditor = new SendEditorModel(subscriptions);
        sendEditor.setSender(this::send);
        subscriptions.bind(sendEditor.targetReadyProperty(), state.isEqualTo(ClientState.CONNECTED));
        sendEditor.targetHintProperty().set("Connect first");
        subscriptions.add(pump.onPulse(this::onPulse));
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
        if (state.get() != ClientState.DISCONNECTED || port.get() < 1 || host.get() == null || host.get().isBlank()) {
            return;
        }
        TcpClientConfig config;
        try {
            config = new TcpClientConfig(host.get(), port.get(), Duration.ofSeconds(timeoutSeconds()));
        } catch (IllegalArgumentException e) {
            pump.emit(UiFailures.of(e, "connect", 0, null, null));
            return;
        }
        TcpClient connecting = new TcpClient(config, pump);
        client = connecting;
        state.set(ClientState.CONNECTING);
        updateStatus();
        Background.onFx(connecting.connect(), (local, failure) -> {
            if (client != connecting) {
                return; // cancelled meanwhile
            }
            if (failure == null) {
                state.set(ClientState.CONNECTED);
                connectionInfo.set(describe(local, connecting.remoteAddress()));
                savePreferences();
            } else {
                client = null;
                release(connecting);
                state.set(ClientState.DISCONNECTED);
                connectionInfo.set("");
                if (!UiFailures.alreadyReported(failure)) {
                    pump.emit(UiFailures.of(failure, "connect to " + config.host() + ":" + config.port(), 0, null,
                            null));
                }
            }
            updateStatus();
        });
    }

    private static String describe(InetSocketAddress local, InetSocketAddress remote) {
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
        Background.run("ui-tcp-client-cancel", connecting::close, () -> { });
    }

    /** Closes the connection gracefully (off the FX thread). */
    public void disconnect() {
        TcpClient connected = client;
        if (connected == null || state.get() != ClientState.CONNECTED) {
            return;
        }
        state.set(ClientState.DISCONNECTING);
        updateStatus();
        Background.run("ui-tcp-client-disconnect", () -> {
            connected.disconnect();
            connected.close();
        }, () -> {
            if (client == connected) {
                markDisconnected();
            }
        });
    }

    /** Stops everything this tab opened: cancel a connect or close the connection. */
    public void stop() {
        switch (state.get()) {
            case CONNECTING -> cancel();
            case CONNECTED -> disconnect();
            default -> {
            }
        }
    }

    /** Lets a finished client end its threads, off the FX thread (close waits for them). */
    private static void release(TcpClient finished) {
        Background.run("ui-tcp-client-release", finished::close, () -> { });
    }

    private void markDisconnected() {
        client = null;
        state.set(ClientState.DISCONNECTED);
        connectionInfo.set("");
        updateStatus();
    }

    private void send(byte[] bytes) {
        TcpClient connected = client;
        if (connected == null) {
            return;
        }
        connected.send(bytes).whenComplete((ignored, failure) -> {
            if (failure != null && !UiFailures.alreadyReported(failure)) {
                pump.emit(UiFailures.of(failure, "send", connected.id(), connected.localAddress(),
                        connected.remoteAddress()));
            }
        });
    }

    private void onPulse(List<NetEvent> batch) {
        String lastFailure = null;
        for (NetEvent event : batch) {
            if (event instanceof Failure failure) {
                lastFailure = failure.message();
            }
        }
        // Covers a peer that closes at once, even before the connect outcome reached the FX thread.
        if (state.get() == ClientState.CONNECTED && client != null && !client.isConnected()) {
            release(client);
            markDisconnected();
        }
        status.updateCounters(pump.counters());
        if (lastFailure != null) {
            onFailure.accept(lastFailure);
        }
    }

    private void updateStatus() {
        switch (state.get()) {
            case DISCONNECTED -> {
                status.setState("Not connected");
                status.setAddresses("");
            }
            case CONNECTING -> status.setState("Connecting to " + host.get() + ":" + port.get() + "…");
            case CONNECTED -> {
                status.setState("Connected " + connectionInfo.get());
                status.setAddresses(connectionInfo.get());
            }
            case DISCONNECTING -> status.setState("Disconnecting…");
        }
    }

    private int timeoutSeconds() {
        Integer value = timeoutSeconds.get();
        return value == null || value < 1 ? (int) TcpClientConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds() : value;
    }

    /** Remembers host, port and timeout for the next session. */
    public void savePreferences() {
        if (host.get() != null && !host.get().isBlank()) {
            preferences.put(PREF_HOST, host.get());
        }
        if (port.get() > 0) {
            preferences.putInt(PREF_PORT, port.get());
        }
        preferences.putInt(PREF_TIMEOUT, timeoutSeconds());
        preferences.flush();
    }

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

    public StringProperty hostProperty() {
        return host;
    }

    /** The port to connect to, -1 while the field is invalid. */
    public IntegerProperty portProperty() {
        return port;
    }

    public ObjectProperty<Integer> timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyObjectProperty<ClientState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ClientState state() {
        return state.get();
    }

    /** "127.0.0.1:53211 → 127.0.0.1:5000" while connected, else empty. */
    public ReadOnlyStringProperty connectionInfoProperty() {
        return connectionInfo.getReadOnlyProperty();
    }
}
