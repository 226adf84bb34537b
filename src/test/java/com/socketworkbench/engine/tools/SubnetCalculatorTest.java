package com.socketworkbench.engine.tools;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubnetCalculatorTest {

    @Test
    void classicSlash24() {
        SubnetCalculator.Subnet s = SubnetCalculator.calculate("192.168.1.10/24");
        assertEquals(new SubnetCalculator.Subnet("192.168.1.10", false, 24, "192.168.1.0", "255.255.255.0",
                "0.0.0.255", "192.168.1.255", "192.168.1.1", "192.168.1.254", BigInteger.valueOf(254),
                BigInteger.valueOf(256), null), s);
        assertEquals("192.168.1.0/24", s.cidr());
    }

    @Test
    void netmaskInsteadOfPrefix() {
        assertEquals(20, SubnetCalculator.calculate("10.1.2.3/255.255.240.0").prefixLength());
        SubnetCalculator.Subnet s = SubnetCalculator.calculate("10.1.2.3 255.255.240.0");
        assertEquals("10.1.0.0", s.network());
        assertEquals("10.1.15.255", s.broadcast());
        assertEquals("0.0.15.255", s.wildcardMask());
        assertEquals(BigInteger.valueOf(4094), s.hostCount());
    }

    @Test
    void slash31AndSlash32FollowRfc3021() {
        SubnetCalculator.Subnet p2p = SubnetCalculator.calculate("10.0.0.1/31");
        assertEquals("10.0.0.0", p2p.firstHost());
        assertEquals("10.0.0.1", p2p.lastHost());
        assertNull(p2p.broadcast());
        assertEquals(BigInteger.TWO, p2p.hostCount());
        assertEquals("/31 is a point-to-point link: both addresses are hosts and there is no broadcast (RFC 3021).",
                p2p.note());

        SubnetCalculator.Subnet host = SubnetCalculator.calculate("203.0.113.9/32");
        assertEquals("203.0.113.9", host.firstHost());
        assertEquals("203.0.113.9", host.lastHost());
        assertEquals("255.255.255.255", host.netmask());
        assertEquals(BigInteger.ONE, host.hostCount());
        assertNull(host.broadcast());
    }

    @Test
    void slash0CoversEverything() {
        SubnetCalculator.Subnet all = SubnetCalculator.calculate("1.2.3.4/0");
        assertEquals("0.0.0.0", all.network());
        assertEquals("0.0.0.0", all.netmask());
        assertEquals("255.255.255.255", all.broadcast());
        assertEquals(BigInteger.valueOf(4_294_967_294L), all.hostCount());
    }

    @Test
    void ipv6HasNoBroadcastAndHugeCounts() {
        SubnetCalculator.Subnet s = SubnetCalculator.calculate("2001:db8::1/64");
        assertEquals("2001:db8::", s.network());
        assertEquals("ffff:ffff:ffff:ffff::", s.netmask());
        assertNull(s.broadcast());
        assertNull(s.wildcardMask());
        assertEquals("2001:db8::", s.firstHost());
        assertEquals("2001:db8::ffff:ffff:ffff:ffff", s.lastHost());
        assertEquals(BigInteger.TWO.pow(64), s.hostCount());
        assertEquals("2001:db8::/64", s.cidr());

        SubnetCalculator.Subnet wide = SubnetCalculator.calculate("2001:db8:abcd:12::/48");
        assertEquals("2001:db8:abcd::", wide.network());
        assertEquals(BigInteger.TWO.pow(80), wide.totalAddresses());
        assertEquals(BigInteger.ONE, SubnetCalculator.calculate("::1/128").hostCount());
    }

    @Test
    void badInputIsExplained() {
        assertEquals("'192.168.1.10' has no prefix length: add one, e.g. 192.168.1.10/24",
                assertThrows(IllegalArgumentException.class, () -> SubnetCalculator.calculate("192.168.1.10"))
                        .getMessage());
        assertEquals("/33 is out of range: IPv4 prefixes go from 0 to 32",
                assertThrows(IllegalArgumentException.class, () -> SubnetCalculator.calculate("10.0.0.1/33"))
                        .getMessage());
        assertEquals("255.0.255.0 is not a valid netmask: its one-bits must come first without gaps (e.g."
                        + " 255.255.255.0)",
                assertThrows(IllegalArgumentException.class, () -> SubnetCalculator.calculate("10.0.0.1/255.0.255.0"))
                        .getMessage());
        assertEquals("'x' in '10.0.0.1/x' is not a prefix length (a number 0-32, or a netmask such as"
                        + " 255.255.255.0)",
                assertThrows(IllegalArgumentException.class, () -> SubnetCalculator.calculate("10.0.0.1/x"))
                        .getMessage());
    }
}
