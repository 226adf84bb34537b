package com.socketworkbench.engine.udp;

/**
 * What a {@link UdpEndpoint} binds to.
 *
 * @param bindHost           an IP literal or host name; "0.0.0.0" binds all IPv4 addresses, "::" binds IPv6 and IPv4
 *                           (dual stack), "127.0.0.1"/"::1" only loopback. Null or blank means "0.0.0.0".
 * @param port               0 (any free port) to 65535
 * @param receiveBufferBytes the SO_RCVBUF to ask for; the system may grant less (see
 *                           {@link UdpEndpoint#effectiveReceiveBuffer()})
 * @param broadcast          the initial SO_BROADCAST setting
 * @param reuseAddress       SO_REUSEADDR, set before binding: the port may be bound by other sockets that set it too
 *                           (several receivers of one multicast or broadcast port); every socket on the port must
 *                           have it on
 */
public record UdpConfig(String bindHost, int port, int receiveBufferBytes, boolean broadcast, boolean reuseAddress) {

    /** Large, so that a burst on loopback is not dropped by the kernel before the receive thread reads it. */
    public static final int DEFAULT_RECEIVE_BUFFER = 4 * 1024 * 1024;

    public UdpConfig {
        bindHost = bindHost == null || bindHost.isBlank() ? "0.0.0.0" : bindHost.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(UdpText.TEXT.get("config.port", port));
        }
        if (receiveBufferBytes <= 0) {
            throw new IllegalArgumentException(UdpText.TEXT.get("config.buffer", receiveBufferBytes));

        }
    }

    /** Without SO_REUSEADDR: the port is this socket's alone. */
    public UdpConfig(String bindHost, int port, int receiveBufferBytes, boolean broadcast) {
        this(bindHost, port, receiveBufferBytes, broadcast, false);
    }

    /** The default receive buffer, broadcast and address reuse off. */
    public static UdpConfig of(String bindHost, int port) {
        return new UdpConfig(bindHost, port, DEFAULT_RECEIVE_BUFFER, false, false);
    }

    /** This config with SO_REUSEADDR {@code on}. */
    public UdpConfig withReuseAddress(boolean on) {
        return new UdpConfig(bindHost, port, receiveBufferBytes, broadcast, on);
    }
}
