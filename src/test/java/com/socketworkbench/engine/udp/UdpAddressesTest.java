package com.socketworkbench.engine.udp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UdpAddressesTest {

    private static String text(String literal) {
        return UdpAddresses.host(InetAddress.ofLiteral(literal));
    }

    @Test
    void writesIpv6TheShortWay() {
        assertEquals("::1", text("0:0:0:0:0:0:0:1"));
        assertEquals("::", text("0:0:0:0:0:0:0:0"));
        assertEquals("ff05::1:3", text("ff05:0:0:0:0:0:1:3"));
        assertEquals("2001:db8::1", text("2001:0db8:0:0:0:0:0:1"));
        assertEquals("1:0:0:1::1", text("1:0:0:1:0:0:0:1"), "the longest zero run is the one shortened");
        assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("1:2:3:4:5:6:7:8", text("1:2:3:4:5:6:7:8"));
    }

    @Test
    void describesSocketAddressesWithBracketsForIpv6() {
        assertEquals("127.0.0.1:5000", UdpAddresses.describe(new InetSocketAddress("127.0.0.1", 5000)));
        assertEquals("[::1]:5000", UdpAddresses.describe(new InetSocketAddress("::1", 5000)));
        assertEquals("example.invalid:53", UdpAddresses.describe(InetSocketAddress.createUnresolved("example.invalid",
                53)));
    }

    @Test
    void ipv4MappedLiteralsAreIpv4() {
        assertEquals("127.0.0.1", text("::ffff:127.0.0.1"));
        assertEquals(UdpLimits.MAX_IPV4_PAYLOAD, UdpLimits.maxPayload(InetAddress.ofLiteral("::ffff:127.0.0.1")));
        assertEquals(UdpLimits.MAX_IPV6_PAYLOAD, UdpLimits.maxPayload(InetAddress.ofLiteral("::1")));
    }
}
