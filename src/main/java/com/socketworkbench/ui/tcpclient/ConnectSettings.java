package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.engine.options.SocketOptionsSpec;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.stream.StreamSettings;
import com.socketworkbench.ui.stream.UnixPathInput;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tls.TlsClientForm;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the TCP client connects, as typed and remembered: host, port and connect timeout, or the socket path of the
 * Unix transport (with framing, socket options and split send in the {@link StreamSettings}). Loaded from the tab's
 * preferences when made; {@link #save()} writes them back.
 */
final class ConnectSettings {
    static final String PREF_HOST = "host";
    static final String PREF_PORT = "port";
    static final String PREF_TIMEOUT = "connectTimeoutSeconds";
    static final int DEFAULT_PORT = 5000;

    private final AppPreferences preferences;
    private final HostInput host;
    private final PortInput port;
    private final ObjectProperty<Integer> timeoutSeconds = new SimpleObjectProperty<>(this, "timeoutSeconds");
    private final StreamSettings stream;
    private final TlsClientForm tls;
    private final BooleanBinding canConnect;

    ConnectSettings(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        host = new HostInput(preferences.get(PREF_HOST, "127.0.0.1"));
        port = PortInput.toReach(Integer.toString(preferences.getInt(PREF_PORT, DEFAULT_PORT)));
        timeoutSeconds.set(Math.max(1, preferences.getInt(PREF_TIMEOUT,
                (int) TcpClientConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds())));
        stream = new StreamSettings(preferences, subscriptions);
        tls = new TlsClientForm(preferences);
        UnixPathInput unixPath = stream.unixPath();
        canConnect = Bindings.createBooleanBinding(() -> stream.isUnix() ? unixPath.isValid()
                        : host.isValid() && port.isValid() && tls.validProperty().get(), stream.transportProperty(),
                unixPath.validProperty(), host.validProperty(), port.validProperty(), tls.validProperty());
    }

    /** The connection to open, or why the typed settings cannot make one. */
    TcpClientConfig config() {
        if (stream.isUnix()) {
            return TcpClientConfig.unix(Path.of(stream.unixPath().text()));
        }
        // The handshake gets as long as the connect: one timeout the user sets for "getting through".
        Duration timeout = Duration.ofSeconds(timeoutSeconds());
        return new TcpClientConfig(host.host(), port.port(), timeout).withTls(tls.settings(timeout));
    }


    /**
     * The socket options to set on a new connection, when any. The connect timeout alone is in the config already:
     * only real requests are worth setting (and the engine's notice about them).
     */
    Optional<SocketOptionsSpec> optionsForConnect() {
        return stream.socketOptions().validSpec().filter(options -> !withoutConnectTimeout(options).isEmpty());
    }

    private static SocketOptionsSpec withoutConnectTimeout(SocketOptionsSpec spec) {
        return new SocketOptionsSpec(spec.reuseAddress(), spec.tcpNoDelay(), spec.keepAlive(), spec.receiveBuffer(),
                spec.sendBuffer(), spec.lingerSeconds(), spec.ipTos(), spec.readIdleTimeout(), null, spec.broadcast(),
                spec.multicastTtl(), spec.multicastLoopback());
    }

    /** "/tmp/x.sock" or "127.0.0.1:5000": where a connect goes. */
    String where() {
        return stream.isUnix() ? stream.unixPath().text() : host.host() + ":" + port.port();
    }

    /** The connect timeout in seconds, the default while the field holds none. */
    int timeoutSeconds() {
        Integer value = timeoutSeconds.get();
        return value == null || value < 1 ? (int) TcpClientConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds() : value;
    }

    /** Writes every setting into the preferences; the caller flushes. */
    void save() {
        // A value with a verdict is saved while it is valid; an unfinished one keeps the last good one.
        if (host.isValid()) {
            preferences.put(PREF_HOST, host.host());
        }
        if (port.port() > 0) {
            preferences.putInt(PREF_PORT, port.port());
        }
        preferences.putInt(PREF_TIMEOUT, timeoutSeconds());
        stream.save();
        tls.save();
    }

    HostInput host() {
        return host;
    }

    PortInput port() {
        return port;
    }

    ObjectProperty<Integer> timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    StreamSettings stream() {
        return stream;
    }

    TlsClientForm tls() {
        return tls;
    }

    BooleanBinding canConnectBinding() {
        return canConnect;
    }
}
