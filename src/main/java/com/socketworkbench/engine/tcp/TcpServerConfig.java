package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.net.UnixSocketPaths;
import com.socketworkbench.engine.tls.TlsServerSettings;

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
 * @param memoryBudget   the most bytes all connections together may hold in memory for their peers: queued sends
 *                       and echoes, unfinished frames; 0 = the default, {@link #defaultMemoryBudget()}. See
 *                       {@link TcpServer} for what happens above it
 * @param tls            null for plain; otherwise every accepted client is handshaken as a TLS server first
 * @throws IllegalArgumentException with a message fit for the user for a bad port, maximum, socket path or budget
 */
public record TcpServerConfig(String bindHost, int port, int maxConnections, boolean echo, Path unixPath,
                              long memoryBudget, TlsServerSettings tls) {
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    /** The smallest memory budget: a few frames of a chatty protocol. */
    public static final long MIN_MEMORY_BUDGET = ByteSizes.MIB;
    /** The default memory budget is this fraction of the heap (-Xmx): a quarter. */
    public static final int HEAP_FRACTION = 4;

    public TcpServerConfig {
        if (maxConnections < 1) {
            throw new IllegalArgumentException(TcpText.TEXT.get("config.max.connections"));
        }
        if (memoryBudget != 0 && memoryBudget < MIN_MEMORY_BUDGET) {
            throw new IllegalArgumentException(TcpText.TEXT.get("config.memory.budget",
                    ByteSizes.format(MIN_MEMORY_BUDGET)));
        }
        if (unixPath != null && tls != null) {
            // A Unix channel has no socket adaptor for the JDK's TLS socket to layer over.
            throw new IllegalArgumentException(TcpText.TEXT.get("config.tls.unix"));
        }
        if (unixPath != null) {
            unixPath = UnixSocketPaths.validate(unixPath);
            bindHost = "";
            port = 0;
        } else {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(TcpText.TEXT.get("config.server.port"));
            }
            bindHost = bindHost == null ? "" : bindHost.strip();
        }
    }

    /** A plain (not TLS) server. */
    public TcpServerConfig(String bindHost, int port, int maxConnections, boolean echo, Path unixPath,
                           long memoryBudget) {
        this(bindHost, port, maxConnections, echo, unixPath, memoryBudget, null);
    }

    /** With the default memory budget. */
    public TcpServerConfig(String bindHost, int port, int maxConnections, boolean echo, Path unixPath) {
        this(bindHost, port, maxConnections, echo, unixPath, 0);
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
            throw new IllegalArgumentException(TcpText.TEXT.get("config.unix.path"));

        }
        return new TcpServerConfig("", 0, maxConnections, echo, path);
    }

    /** The same server with a memory budget of {@code bytes} (0 = the default). */
    public TcpServerConfig withMemoryBudget(long bytes) {
        return new TcpServerConfig(bindHost, port, maxConnections, echo, unixPath, bytes, tls);
    }

    /** The same server speaking TLS as {@code settings} say; null for plain. */
    public TcpServerConfig withTls(TlsServerSettings settings) {
        return new TcpServerConfig(bindHost, port, maxConnections, echo, unixPath, memoryBudget, settings);
    }

    /** The budget this config gives: its own, or the default. */
    public long effectiveMemoryBudget() {
        return memoryBudget == 0 ? defaultMemoryBudget() : memoryBudget;
    }

    /** A quarter of the heap this JVM may grow to: room for the timeline, the UI and a second listener. */
    public static long defaultMemoryBudget() {
        return Math.max(MIN_MEMORY_BUDGET, Runtime.getRuntime().maxMemory() / HEAP_FRACTION);
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
