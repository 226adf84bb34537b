package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.net.UnixSocketPaths;

import java.nio.file.Path;

/**
 * What a {@link TcpServer} listens on: a TCP address and port, or — when {@code unixPath} is set — a Unix domain
 * socket at that file path ({@link #unix(Path)}). Everything else (connections, framing, echo, sending, close modes)
 * is the same for both.
 *
 * @param bindHost       a local address or name ("127.0.0.1", "::1", "localhost"); null or blank = all interfaces.
 *                       Ignored (stored as "") for a Unix domain socket
 * @param port           0 to 65535; 0 lets the system pick a free port. Ignored (stored as 0) for a Unix domain socket
 * @param maxConnections connections beyond this are accepted and closed at once (reported as rejected)
 * @param echo           whether every received frame is written back to its sender
 * @param unixPath       null for TCP; otherwise the socket file to create, stored absolute and normalised. Checked
 *                       here: a path longer than the system allows ({@link UnixSocketPaths#maxPathBytes()}, 106
 *                       bytes on Linux) is rejected before any socket is opened
 * @throws IllegalArgumentException with a message fit for the user for a bad port, maximum or socket path
 */
public record TcpServerConfig(String bindHost, int port, int maxConnections, boolean echo, Path unixPath) {
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;

    public TcpServerConfig {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("The maximum number of connections must be at least 1");
        }
        if (unixPath != null) {
            unixPath = UnixSocketPaths.validate(unixPath);
            bindHost = "";
            port = 0;
        } else {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be a number from 0 to 65535 (0 = any free port)");
            }
            bindHost = bindHost == null ? "" : bindHost.strip();
        }
    }

    /** A TCP server. */
    public TcpServerConfig(String bindHost, int port, int maxConnections, boolean echo) {
        this(bindHost, port, maxConnections, echo, null);
    }

    /** A TCP server with the default maximum of connections, echo off. */
    public TcpServerConfig(String bindHost, int port) {
        this(bindHost, port, DEFAULT_MAX_CONNECTIONS, false);
    }

    /** A Unix domain socket server at {@code path}, with the default maximum of connections, echo off. */
    public static TcpServerConfig unix(Path path) {
        return unix(path, DEFAULT_MAX_CONNECTIONS, false);
    }

    /** A Unix domain socket server at {@code path}. */
    public static TcpServerConfig unix(Path path, int maxConnections, boolean echo) {
        if (path == null) {
            throw new IllegalArgumentException("Enter the file path of the Unix domain socket, e.g. /tmp/app.sock");
        }
        return new TcpServerConfig("", 0, maxConnections, echo, path);
    }

    /** True for a Unix domain socket server. */
    public boolean isUnix() {
        return unixPath != null;
    }

    /** True when a TCP server listens on all interfaces. */
    public boolean bindsAllInterfaces() {
        return !isUnix() && bindHost.isEmpty();
    }
}
