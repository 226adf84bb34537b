package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.net.UnixSocketPaths;

import com.socketworkbench.engine.tls.TlsClientSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a {@link TcpClient} connects to: a TCP host and port, or — when {@code unixPath} is set — the Unix domain
 * socket at that file path ({@link #unix(Path)}).
 *
 * @param host           a name, an IPv4 literal or an IPv6 literal with or without brackets ("::1", "[::1]").
 *                       Ignored (stored as "") for a Unix domain socket
 * @param port           1 to 65535. Ignored (stored as 0) for a Unix domain socket
 * @param connectTimeout how long to wait for the connection to be established; null = the default (5 s). A Unix
 *                       domain connect never waits: it succeeds or fails at once
 * @param unixPath       null for TCP; otherwise the socket file of the server, stored absolute and normalised and
 *                       checked for length ({@link UnixSocketPaths#maxPathBytes()}) here
 * @param tls            null for plain TCP; otherwise TLS over the connection, handshaken before any data
 *                       (not over a Unix domain socket)
 * @throws IllegalArgumentException with a message fit for the user for a missing host, a bad port, timeout or path
 */
public record TcpClientConfig(String host, int port, Duration connectTimeout, Path unixPath,
                              TlsClientSettings tls) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public TcpClientConfig {
        if (unixPath != null && tls != null) {
            // A Unix channel has no socket adaptor for the JDK's TLS socket to layer over.
            throw new IllegalArgumentException(TcpText.TEXT.get("config.tls.unix"));
        }
        if (unixPath != null) {
            unixPath = UnixSocketPaths.validate(unixPath);
            host = "";
            port = 0;
        } else {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException(TcpText.TEXT.get("config.client.host"));
            }
            host = host.strip();
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(TcpText.TEXT.get("config.client.port"));
            }
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException(TcpText.TEXT.get("config.connect.timeout"));
        }
    }

    /** A plain (not TLS) client. */
    public TcpClientConfig(String host, int port, Duration connectTimeout, Path unixPath) {
        this(host, port, connectTimeout, unixPath, null);
    }

    /** A TCP client. */
    public TcpClientConfig(String host, int port, Duration connectTimeout) {
        this(host, port, connectTimeout, null);
    }

    /** A TCP client with the default connect timeout. */
    public TcpClientConfig(String host, int port) {
        this(host, port, DEFAULT_CONNECT_TIMEOUT);
    }

    /** A client of the Unix domain socket at {@code path}. */
    public static TcpClientConfig unix(Path path) {
        if (path == null) {
            throw new IllegalArgumentException(TcpText.TEXT.get("config.unix.path"));

        }
        return new TcpClientConfig("", 0, DEFAULT_CONNECT_TIMEOUT, path);
    }

    /** The same client speaking TLS as {@code settings} say; null for plain. */
    public TcpClientConfig withTls(TlsClientSettings settings) {
        return new TcpClientConfig(host, port, connectTimeout, unixPath, settings);
    }

    /** True for a client of a Unix domain socket. */
    public boolean isUnix() {
        return unixPath != null;
    }

    /** The host without the brackets of an IPv6 literal: "[::1]" → "::1". */
    String hostForResolution() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
