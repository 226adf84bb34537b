package com.socketworkbench.engine.udp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UdpLimitsTest {

    @Test
    void anIpv4MappedAddressHasTheIpv4Limit() {
        assertEquals(UdpLimits.MAX_IPV4_PAYLOAD, UdpLimits.maxPayload(InetAddress.ofLiteral("::ffff:127.0.0.1")));
        assertEquals(UdpLimits.MAX_IPV6_PAYLOAD, UdpLimits.maxPayload(InetAddress.ofLiteral("::1")));
        assertEquals(65_535 - 20 - 8, UdpLimits.MAX_IPV4_PAYLOAD);
        assertEquals(65_535 - 8, UdpLimits.MAX_IPV6_PAYLOAD);
    }

    @Test
    void explainsARefusalOnlyAboveTheLimit() {
        InetAddress v4 = InetAddress.ofLiteral("127.0.0.1");
        assertNull(UdpLimits.refusal(v4, 65_507));
        assertEquals("Not sent: 65,508 bytes is more than one UDP datagram to an IPv4 address can carry (at most "
                + "65,507 = 65,535 − 20 IP header − 8 UDP header)", UdpLimits.refusal(v4, 65_508));
        assertNull(UdpLimits.refusal(InetAddress.ofLiteral("::1"), 65_527));
    }
}
