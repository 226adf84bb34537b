package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.HoldTimeoutAction;
import com.socketworkbench.engine.relay.RelayConfig;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.engine.relay.RelayTransport;
import com.socketworkbench.ui.input.BindAddressInput;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Duration;

/**
 * What the relay listens on and forwards to, and how it treats what passes, as typed and remembered in the tab's
 * preferences: transport, bind address, listen port, target host and port, the UDP pair idle time and the TCP
 * connect timeout, the intercept toggles, the hold timeout and its action, and the faults of each direction. {@link #save()} writes them back.
 */
final class RelaySettings {
    static final String PREF_TRANSPORT = "transport";
    static final String PREF_BIND = "bindHost";
    static final String PREF_LISTEN_PORT = "listenPort";
    static final String PREF_TARGET_HOST = "targetHost";
    static final String PREF_TARGET_PORT = "targetPort";
    static final String PREF_INTERCEPT_C2S = "interceptC2S";
    static final String PREF_INTERCEPT_S2C = "interceptS2C";
    static final String PREF_HOLD_TIMEOUT = "holdTimeout";
    static final String PREF_HOLD_ACTION = "holdTimeoutAction";
    static final String PREF_CLIENT_TLS = "clientTls";
    static final String PREF_SERVER_TLS = "serverTls";
    static final String PREF_UDP_IDLE = "udpPairIdle";
    static final String PREF_CONNECT_TIMEOUT = "connectTimeout";
    static final long MAX_HOLD_SECONDS = 3600;
    static final long MAX_UDP_IDLE_SECONDS = 86_400;
    static final long MAX_CONNECT_TIMEOUT_SECONDS = 600;

    private final AppPreferences preferences;
    private final ObjectProperty<RelayTransport> transport = new SimpleObjectProperty<>(this, "transport");
    private final BindAddressInput bindAddress;
    private final PortInput listenPort;
    private final HostInput targetHost;
    private final PortInput targetPort;
    private final BooleanProperty interceptClientToServer = new SimpleBooleanProperty(this, "interceptC2S");
    private final BooleanProperty interceptServerToClient = new SimpleBooleanProperty(this, "interceptS2C");
    private final WholeNumberInput holdTimeout;
    private final WholeNumberInput udpPairIdle;
    private final WholeNumberInput connectTimeout;
    private final ObjectProperty<HoldTimeoutAction> holdTimeoutAction =
            new SimpleObjectProperty<>(this, "holdTimeoutAction");
    private final BooleanProperty clientTls = new SimpleBooleanProperty(this, "clientTls");
    private final BooleanProperty serverTls = new SimpleBooleanProperty(this, "serverTls");
    /** Per start, never saved: a workspace opened later must not skip verification without the user saying so. */
    private final BooleanProperty serverTlsInsecure = new SimpleBooleanProperty(this, "serverTlsInsecure");
    private final FaultsInput clientToServer;
    private final FaultsInput serverToClient;
    private final BooleanBinding canStart;

    RelaySettings(AppPreferences preferences) {
        this.preferences = preferences;
        transport.set(RelayTransport.UDP.name().equals(preferences.get(PREF_TRANSPORT, ""))
                ? RelayTransport.UDP : RelayTransport.TCP);
        bindAddress = new BindAddressInput(BindAddressInput.Inbound.CONNECTIONS,
                preferences.get(PREF_BIND, "127.0.0.1"));
        listenPort = PortInput.toListenOn(preferences.get(PREF_LISTEN_PORT, "9000"));
        // A TCP port in use says nothing about the UDP port of the same number, nor about another address.
        listenPort.forgetFindingOn(bindAddress.choiceProperty(), transport);
        targetHost = new HostInput(preferences.get(PREF_TARGET_HOST, "127.0.0.1"));
        targetPort = PortInput.toReach(preferences.get(PREF_TARGET_PORT, "5000"));
        // "Nothing listens there" was about that host and transport.
        targetPort.forgetFindingOn(targetHost.textProperty(), transport);
        interceptClientToServer.set(preferences.getBoolean(PREF_INTERCEPT_C2S, false));
        interceptServerToClient.set(preferences.getBoolean(PREF_INTERCEPT_S2C, false));
        holdTimeout = new WholeNumberInput(preferences.get(PREF_HOLD_TIMEOUT, "0"),
                RelayTexts.TEXT.get("hold.timeout.what"), MAX_HOLD_SECONDS);
        udpPairIdle = new WholeNumberInput(preferences.get(PREF_UDP_IDLE,
                Long.toString(RelayConfig.DEFAULT_UDP_PAIR_IDLE.toSeconds())), RelayTexts.TEXT.get("udp.idle.what"),
                1, MAX_UDP_IDLE_SECONDS);
        connectTimeout = new WholeNumberInput(preferences.get(PREF_CONNECT_TIMEOUT,
                Long.toString(RelayConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds())),
                RelayTexts.TEXT.get("connect.timeout.what"), 1, MAX_CONNECT_TIMEOUT_SECONDS);
        holdTimeoutAction.set(HoldTimeoutAction.DROP.name().equals(preferences.get(PREF_HOLD_ACTION, ""))
                ? HoldTimeoutAction.DROP : HoldTimeoutAction.FORWARD);
        clientTls.set(preferences.getBoolean(PREF_CLIENT_TLS, false));
        serverTls.set(preferences.getBoolean(PREF_SERVER_TLS, false));
        clientToServer = new FaultsInput(RelayDirection.CLIENT_TO_SERVER, preferences);
        serverToClient = new FaultsInput(RelayDirection.SERVER_TO_CLIENT, preferences);
        // Only the timing field of the chosen transport counts: a hidden field never blocks a start.
        canStart = Bindings.createBooleanBinding(() -> listenPort.isValid() && targetHost.isValid()
                        && targetPort.isValid() && (transport.get() == RelayTransport.UDP ? udpPairIdle.isValid()
                        : connectTimeout.isValid()),
                listenPort.validProperty(), targetHost.validProperty(), targetPort.validProperty(), transport,
                udpPairIdle.validProperty(), connectTimeout.validProperty());
    }

    /**
     * The relay to start, without TLS (see {@link RelayTls}); throws {@link IllegalArgumentException} with the
     * engine's words when it cannot be.
     */
    RelayConfig config() {
        // The field of the other transport may be invalid (it is hidden): its default is used, which it ignores.
        Duration connect = connectTimeout.isValid() ? Duration.ofSeconds(connectTimeout.value())
                : RelayConfig.DEFAULT_CONNECT_TIMEOUT;
        Duration idle = udpPairIdle.isValid() ? Duration.ofSeconds(udpPairIdle.value())
                : RelayConfig.DEFAULT_UDP_PAIR_IDLE;
        return new RelayConfig(transport.get(), bindAddress.host(), listenPort.port(), targetHost.host(),
                targetPort.port(), connect, idle);
    }

    /** "127.0.0.1:5000", as typed: where a start forwards (no name is looked up). */
    String target() {
        return hostPort(targetHost.host(), targetPort.text());
    }

    /** "127.0.0.1:9000", as typed: where a start listens. */
    String listen() {
        return hostPort(bindAddress.host(), listenPort.text());
    }

    static String hostPort(String host, String port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Writes every setting into the preferences; the caller flushes. */
    void save() {
        preferences.put(PREF_TRANSPORT, transport.get().name());
        preferences.put(PREF_BIND, bindAddress.host());
        if (listenPort.isValid()) {
            preferences.put(PREF_LISTEN_PORT, listenPort.text());
        }
        preferences.put(PREF_TARGET_HOST, targetHost.text());
        if (targetPort.isValid()) {
            preferences.put(PREF_TARGET_PORT, targetPort.text());
        }
        preferences.putBoolean(PREF_INTERCEPT_C2S, interceptClientToServer.get());
        preferences.putBoolean(PREF_INTERCEPT_S2C, interceptServerToClient.get());
        preferences.put(PREF_HOLD_TIMEOUT, holdTimeout.text());
        preferences.put(PREF_HOLD_ACTION, holdTimeoutAction.get().name());
        preferences.put(PREF_UDP_IDLE, udpPairIdle.text());
        preferences.put(PREF_CONNECT_TIMEOUT, connectTimeout.text());
        preferences.putBoolean(PREF_CLIENT_TLS, clientTls.get());
        preferences.putBoolean(PREF_SERVER_TLS, serverTls.get());
        clientToServer.save(preferences);
        serverToClient.save(preferences);
    }

    FaultsInput faults(RelayDirection direction) {
        return direction == RelayDirection.CLIENT_TO_SERVER ? clientToServer : serverToClient;
    }

    BooleanProperty intercept(RelayDirection direction) {
        return direction == RelayDirection.CLIENT_TO_SERVER ? interceptClientToServer : interceptServerToClient;
    }

    BooleanProperty clientTlsProperty() {
        return clientTls;
    }

    BooleanProperty serverTlsProperty() {
        return serverTls;
    }

    BooleanProperty serverTlsInsecureProperty() {
        return serverTlsInsecure;
    }

    ObjectProperty<RelayTransport> transportProperty() {
        return transport;
    }

    BindAddressInput bindAddress() {
        return bindAddress;
    }

    PortInput listenPort() {
        return listenPort;
    }

    HostInput targetHost() {
        return targetHost;
    }

    PortInput targetPort() {
        return targetPort;
    }

    WholeNumberInput holdTimeout() {
        return holdTimeout;
    }

    /** Seconds without a datagram either way before a UDP pair ends. */
    WholeNumberInput udpPairIdle() {
        return udpPairIdle;
    }

    /** Seconds a TCP pair waits for the target to accept. */
    WholeNumberInput connectTimeout() {
        return connectTimeout;
    }

    ObjectProperty<HoldTimeoutAction> holdTimeoutActionProperty() {
        return holdTimeoutAction;
    }

    BooleanBinding canStartBinding() {
        return canStart;
    }
}
