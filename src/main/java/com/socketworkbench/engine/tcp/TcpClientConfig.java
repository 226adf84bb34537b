package com.socketworkbench.engine.tcp;

import java.time.Duration;

/**
 * Where a {@link TcpClient} connects to.
 *
 * @param host           a name, an IPv4 literal or an IPv6 literal with or without brackets ("::1", "[::1]")
 * @param port           1 to 65535
 * @param connectTimeout how long to wait for the connection to be established; null = the default (5 s)
 */
public record TcpClientConfig(String host, int port, Duration connectTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public TcpClientConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Enter a host name or address to connect to");
        }
        host = host.strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port must be a number from 1 to 65535");
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("The connect timeout must be longer than zero");
        }
    }

    public TcpClientConfig(String host, int port) {
        this(host, port, DEFAULT_CONNECT_TIMEOUT);
    }

    /** The host without the brackets of an IPv6 literal: "[::1]" → "::1". */
    String hostForResolution() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
