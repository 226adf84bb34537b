package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.udp.UdpLimits;

import java.net.InetAddress;
import java.util.Locale;

/**
 * Refuses a payload that no single UDP datagram to the target can carry, before anything is sent. The limit depends
 * on the target's family; a host name is checked against the IPv6 limit here (the larger one) and the engine checks
 * the resolved address again.
 */
final class DatagramSizeCheck {
    private DatagramSizeCheck() {
    }

    /** The largest payload for {@code host}: "127.0.0.1" → 65,507; "::1", "[::1]" or a name → 65,527. */
    static int maxPayload(String host) {
        String text = host == null ? "" : host.strip();
        if (text.contains(":")) {
            return UdpLimits.MAX_IPV6_PAYLOAD;
        }
        try {
            return UdpLimits.maxPayload(InetAddress.ofLiteral(text));
        } catch (IllegalArgumentException aName) {
            return UdpLimits.MAX_IPV6_PAYLOAD;
        }
    }

    /** Why {@code size} bytes cannot go to {@code host} in one datagram, or empty when they can. */
    static String problem(String host, int size) {
        int max = maxPayload(host);
        if (size <= max) {
            return "";
        }
        boolean v6 = max == UdpLimits.MAX_IPV6_PAYLOAD;
        String why = UdpText.TEXT.get(v6 ? "size.why.v6" : "size.why.v4");
        return UdpText.TEXT.get("size.too.large", UdpText.count(size), v6 ? "IPv6" : "IPv4", UdpText.count(max), why);

    }
}
