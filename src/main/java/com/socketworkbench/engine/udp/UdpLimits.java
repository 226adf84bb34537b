package com.socketworkbench.engine.udp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/** How many payload bytes one UDP datagram can carry, and how much an endpoint holds waiting to be sent. */
public final class UdpLimits {

    /** The 16-bit length fields cap everything at this. */
    public static final int MAX_DATAGRAM_SIZE = 65_535;
    /** 65,535 total IPv4 length − 20 IP header − 8 UDP header. */
    public static final int MAX_IPV4_PAYLOAD = 65_507;
    /** 65,535 IPv6 payload length (the 40-byte IPv6 header is not counted) − 8 UDP header. */
    public static final int MAX_IPV6_PAYLOAD = 65_527;

    /**
     * Sends (and connects) that may wait behind the one being sent. Sends queue while the send thread is busy: a name
     * that resolves slowly, a send buffer that stays full. Past this, a send is refused with a Failure. High enough
     * for a burst of small datagrams (each waiting send costs about 150 bytes besides its payload); the byte limit
     * below is what bounds the memory.
     */
    public static final int SEND_QUEUE_DATAGRAMS = 16_384;
    /** Payload bytes that may wait to be sent: 256 of the largest datagrams. */
    public static final long SEND_QUEUE_BYTES = 16L * 1024 * 1024;

    private UdpLimits() {
    }

    public static int maxPayload(InetAddress target) {
        return target instanceof Inet6Address ? MAX_IPV6_PAYLOAD : MAX_IPV4_PAYLOAD;
    }

    /** "Not sent: 65,508 bytes is more than ..." or null when the payload fits. */
    static String refusal(InetAddress target, int payloadLength) {
        int max = maxPayload(target);
        if (payloadLength <= max) {
            return null;
        }
        String why = UdpText.TEXT.get(target instanceof Inet6Address ? "too.large.why.v6" : "too.large.why.v4");
        return UdpText.TEXT.get("too.large", String.format(Locale.ROOT, "%,d", payloadLength),
                target instanceof Inet6Address ? "IPv6" : "IPv4", why);

    }
}
