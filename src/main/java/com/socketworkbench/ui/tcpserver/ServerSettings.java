package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.BindAddressInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.stream.StreamSettings;
import com.socketworkbench.ui.stream.UnixPathInput;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;

/**
 * What the TCP server listens on and how, as typed and remembered: the bind address and port, or the socket path of
 * the Unix transport (with framing, socket options and split send in the {@link StreamSettings}), echo, the
 * connection limit and the memory budget (as typed; empty = the default, a quarter of the heap). Loaded from the
 * tab's preferences when made; {@link #save()} writes them back.
 */
final class ServerSettings {
    static final String PREF_BIND = "bindHost";
    static final String PREF_PORT = "port";
    static final String PREF_ECHO = "echo";
    static final String PREF_MAX = "maxConnections";
    static final String PREF_MEMORY_BUDGET = "memoryBudget";
    static final int DEFAULT_PORT = 5000;

    private final AppPreferences preferences;
    private final BindAddressInput bindAddress;
    private final PortInput port;
    private final StreamSettings stream;
    private final BooleanBinding canStart;
    private final BooleanProperty echo = new SimpleBooleanProperty(this, "echo");
    private final ObjectProperty<Integer> maxConnections = new SimpleObjectProperty<>(this, "maxConnections");
    private final MemoryBudgetInput memoryBudget;

    ServerSettings(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        bindAddress = new BindAddressInput(BindAddressInput.Inbound.CONNECTIONS,
                preferences.get(PREF_BIND, "127.0.0.1"));
        port = PortInput.toListenOn(Integer.toString(preferences.getInt(PREF_PORT, DEFAULT_PORT)));
        echo.set(preferences.getBoolean(PREF_ECHO, false));
        maxConnections.set(Math.max(1, preferences.getInt(PREF_MAX, TcpServerConfig.DEFAULT_MAX_CONNECTIONS)));
        memoryBudget = new MemoryBudgetInput(preferences.get(PREF_MEMORY_BUDGET, ""),
                Runtime.getRuntime().maxMemory());
        stream = new StreamSettings(preferences, subscriptions);
        port.forgetFindingOn(bindAddress.choiceProperty(), stream.transportProperty());
        UnixPathInput unixPath = stream.unixPath();
        canStart = Bindings.createBooleanBinding(() -> memoryBudget.isValid()
                        && (stream.isUnix() ? unixPath.isValid() : port.isValid()),
                stream.transportProperty(), unixPath.validProperty(), port.validProperty(),
                memoryBudget.validProperty());
    }

    /** The listener to start, or why the typed settings cannot make one. */
    TcpServerConfig config() {
        TcpServerConfig listener = stream.isUnix()
                ? TcpServerConfig.unix(Path.of(stream.unixPath().text()), maxConnections(), echo.get())
                : new TcpServerConfig(bindAddress.host(), port.port(), maxConnections(), echo.get());
        return listener.withMemoryBudget(Math.max(0, memoryBudget.bytes()));
    }

    /** "/tmp/x.sock" or "127.0.0.1 port 5000": where a start binds. */
    String where() {
        return stream.isUnix() ? stream.unixPath().text()
                : ServerTexts.TEXT.get("where.port", bindAddress.host(), port.port());

    }

    private int maxConnections() {
        Integer value = maxConnections.get();
        return value == null || value < 1 ? TcpServerConfig.DEFAULT_MAX_CONNECTIONS : value;
    }

    /** Writes every setting into the preferences; the caller flushes. */
    void save() {
        preferences.put(PREF_BIND, bindAddress.host());
        if (port.port() >= 0) {
            preferences.putInt(PREF_PORT, port.port());
        }
        preferences.putBoolean(PREF_ECHO, echo.get());
        preferences.putInt(PREF_MAX, maxConnections());
        if (memoryBudget.isValid()) {
            preferences.put(PREF_MEMORY_BUDGET, memoryBudget.text());
        }
        stream.save();
    }

    BindAddressInput bindAddress() {
        return bindAddress;
    }

    PortInput port() {
        return port;
    }

    StreamSettings stream() {
        return stream;
    }

    BooleanBinding canStartBinding() {
        return canStart;
    }

    BooleanProperty echoProperty() {
        return echo;
    }

    ObjectProperty<Integer> maxConnectionsProperty() {
        return maxConnections;
    }

    MemoryBudgetInput memoryBudget() {
        return memoryBudget;
    }
}
