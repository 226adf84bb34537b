package com.socketworkbench.engine.options;

import java.time.Duration;

/**
 * Socket options the user asked for; {@code null} means "leave the operating system's default".
 *
 * @param lingerSeconds     SO_LINGER: -1 off (close returns at once, unsent data still goes out in the background),
 *                          0 abort (close discards unsent data and sends RST), n wait up to n seconds
 * @param ipTos             IP_TOS / IPv6 traffic class byte, 0-255
 * @param readIdleTimeout   not a kernel option: how long the connection layer waits for bytes before reporting
 *                          silence (what Python's settimeout() does for recv)
 * @param connectTimeout    not a kernel option: how long the connection layer waits for connect() to finish
 * @param broadcast         SO_BROADCAST, datagram sockets only
 * @param multicastTtl      IP_MULTICAST_TTL 0-255, datagram sockets only
 * @param multicastLoopback IP_MULTICAST_LOOP, datagram sockets only
 */
public record SocketOptionsSpec(Boolean reuseAddress, Boolean tcpNoDelay, Boolean keepAlive, Integer receiveBuffer,
                                Integer sendBuffer, Integer lingerSeconds, Integer ipTos, Duration readIdleTimeout,
                                Duration connectTimeout, Boolean broadcast, Integer multicastTtl,
                                Boolean multicastLoopback) {

    /** Nothing requested: every option keeps its default. */
    public static final SocketOptionsSpec NONE =
            new SocketOptionsSpec(null, null, null, null, null, null, null, null, null, null, null, null);

    public SocketOptionsSpec {
        if (receiveBuffer != null && receiveBuffer < 1) {
            throw new IllegalArgumentException("the receive buffer (SO_RCVBUF) must be at least 1 byte, not "
                    + receiveBuffer);
        }
        if (sendBuffer != null && sendBuffer < 1) {
            throw new IllegalArgumentException("the send buffer (SO_SNDBUF) must be at least 1 byte, not "
                    + sendBuffer);
        }
        if (lingerSeconds != null && (lingerSeconds < -1 || lingerSeconds > 65_535)) {
            throw new IllegalArgumentException("linger (SO_LINGER) must be -1 (off), 0 (abort on close) or up to"
                    + " 65535 seconds, not " + lingerSeconds);
        }
        if (ipTos != null && (ipTos < 0 || ipTos > 255)) {
            throw new IllegalArgumentException("the type-of-service byte (IP_TOS) must be between 0 and 255, not "
                    + ipTos);
        }
        if (multicastTtl != null && (multicastTtl < 0 || multicastTtl > 255)) {
            throw new IllegalArgumentException("the multicast TTL must be between 0 and 255, not " + multicastTtl);
        }
        requireNonNegative(readIdleTimeout, "the read idle timeout");
        requireNonNegative(connectTimeout, "the connect timeout");
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static void requireNonNegative(Duration d, String what) {
        if (d != null && d.isNegative()) {
            throw new IllegalArgumentException(what + " cannot be negative");
        }
    }
}
