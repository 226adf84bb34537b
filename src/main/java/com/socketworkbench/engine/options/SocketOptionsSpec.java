package com.socketworkbench.engine.options;

import com.socketworkbench.engine.text.Texts;
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
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.options.options");

    /** Nothing requested: every option keeps its default. */
    public static final SocketOptionsSpec NONE =
            new SocketOptionsSpec(null, null, null, null, null, null, null, null, null, null, null, null);

    public SocketOptionsSpec {
        if (receiveBuffer != null && receiveBuffer < 1) {
            throw new IllegalArgumentException(TEXT.get("error.receiveBuffer", receiveBuffer));
        }
        if (sendBuffer != null && sendBuffer < 1) {
            throw new IllegalArgumentException(TEXT.get("error.sendBuffer", sendBuffer));
        }
        if (lingerSeconds != null && (lingerSeconds < -1 || lingerSeconds > 65_535)) {
            throw new IllegalArgumentException(TEXT.get("error.linger", lingerSeconds));
        }
        if (ipTos != null && (ipTos < 0 || ipTos > 255)) {
            throw new IllegalArgumentException(TEXT.get("error.tos", ipTos));
        }
        if (multicastTtl != null && (multicastTtl < 0 || multicastTtl > 255)) {
            throw new IllegalArgumentException(TEXT.get("error.multicastTtl", multicastTtl));
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
