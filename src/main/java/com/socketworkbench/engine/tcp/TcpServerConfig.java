package com.socketworkbench.engine.tcp;

/**
 * What a {@link TcpServer} listens on.
 *
 * @param bindHost       a local address or name ("127.0.0.1", "::1", "localhost"); null or blank = all interfaces
 * @param port           0 to 65535; 0 lets the system pick a free port
 * @param maxConnections connections beyond this are accepted and closed at once (reported as rejected)
 * @param echo           whether every received frame is written back to its sender
 */
public record TcpServerConfig(String bindHost, int port, int maxConnections, boolean echo) {
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;

    public TcpServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be a number from 0 to 65535 (0 = any free port)");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("The maximum number of connections must be at least 1");
        }
        bindHost = bindHost == null ? "" : bindHost.strip();
    }

    public TcpServerConfig(String bindHost, int port) {
        this(bindHost, port, DEFAULT_MAX_CONNECTIONS, false);
    }

    /** True when the server listens on all interfaces. */
    public boolean bindsAllInterfaces() {
        return bindHost.isEmpty();
    }
}
