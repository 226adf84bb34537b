package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.options.SocketOptionsSpec;

import java.time.Duration;
import java.util.Objects;

/**
 * What a server (or client) decides for all its connections and may change while they run; each connection reads
 * the current values when it needs them.
 */
final class ConnectionSettings {
    private volatile boolean echo;
    private volatile OversizePolicy oversizePolicy = OversizePolicy.DROP_CONNECTION;
    private volatile SocketOptionsSpec socketOptions = SocketOptionsSpec.NONE;

    ConnectionSettings(boolean echo) {
        this.echo = echo;
    }

    boolean echo() {
        return echo;
    }

    void setEcho(boolean echo) {
        this.echo = echo;
    }

    OversizePolicy oversizePolicy() {
        return oversizePolicy;
    }

    void setOversizePolicy(OversizePolicy policy) {
        oversizePolicy = Objects.requireNonNull(policy, "policy");
    }

    SocketOptionsSpec socketOptions() {
        return socketOptions;
    }

    void setSocketOptions(SocketOptionsSpec spec) {
        socketOptions = Objects.requireNonNull(spec, "spec");
    }

    /** 0 = no read idle timeout. A timeout below a millisecond counts as one millisecond. */
    long readIdleTimeoutMillis() {
        Duration timeout = socketOptions.readIdleTimeout();
        if (timeout == null || timeout.isZero()) {
            return 0;
        }
        return Math.max(1, timeout.toMillis());
    }
}
