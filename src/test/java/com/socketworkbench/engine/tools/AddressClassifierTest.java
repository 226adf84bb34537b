package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.tools.AddressLabel.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure arithmetic on address literals; nothing here sends a packet. */
class AddressClassifierTest {

    private static List<Kind> kinds(String address, Integer prefix) {
        return AddressClassifier.classify(address, prefix).stream().map(AddressLabel::kind).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.3.4, LOOPBACK", "0.0.0.0, WILDCARD", "0.1.2.3, THIS_NETWORK",
            "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.0.1, PRIVATE",
            "172.32.0.1, GLOBAL", "100.64.0.1, SHARED_CGNAT", "100.127.255.255, SHARED_CGNAT", "100.128.0.1, GLOBAL",
            "169.254.10.20, LINK_LOCAL", "224.0.0.251, MULTICAST", "239.1.2.3, MULTICAST",
            "255.255.255.255, LIMITED_BROADCAST", "240.0.0.1, RESERVED", "192.0.2.7, DOCUMENTATION",
            "198.51.100.1, DOCUMENTATION", "203.0.113.255, DOCUMENTATION", "198.18.0.1, BENCHMARKING",
            "8.8.8.8, GLOBAL",
            "::, WILDCARD", "::1, LOOPBACK", "fe80::1, LINK_LOCAL", "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL",
            "ff02::1, MULTICAST", "2001:db8::1, DOCUMENTATION", "2606:4700::1111, GLOBAL", "64:ff9b::c000:201, TRANSLATION",
            "2002:c000:201::1, TRANSLATION", "fec0::1, RESERVED", "4000::1, RESERVED",
    })
    void singleCategory(String address, Kind kind) {
        assertEquals(List.of(kind), kinds(address, null));
    }

    @Test
    void explanationsAreSpecific() {
        AddressLabel wildcard = AddressClassifier.classify("0.0.0.0", null).getFirst();
        assertTrue(wildcard.explanation().contains("every local interface"), wildcard.explanation());
        assertEquals("private (RFC 1918, 172.16.0.0/12)", AddressClassifier.classify("172.20.1.1", null).getFirst()
                .label());
        assertEquals("multicast (ff00::/8), link-local scope, all nodes",
                AddressClassifier.classify("ff02::1", null).getFirst().label());
        assertEquals("multicast (ff00::/8), global scope", AddressClassifier.classify("ff0e::101", null).getFirst()
                .label());
        assertEquals("multicast (224.0.0.0/4), local network control: never forwarded by routers",
                AddressClassifier.classify("224.0.0.1", null).getFirst().label());
    }

    @Test
    void directedBroadcastAndNetworkAddressNeedThePrefix() {
        assertEquals(List.of(Kind.PRIVATE), kinds("192.168.1.255", null));
        List<AddressLabel> labels = AddressClassifier.classify("192.168.1.255", 24);
        assertEquals(List.of(Kind.PRIVATE, Kind.DIRECTED_BROADCAST), labels.stream().map(AddressLabel::kind).toList());
        assertEquals("directed broadcast of 192.168.1.0/24", labels.get(1).label());
        assertEquals(List.of(Kind.PRIVATE, Kind.NETWORK_ADDRESS), kinds("10.0.0.0/8", null));
        assertEquals(List.of(Kind.PRIVATE), kinds("192.168.0.255/23", null), "inside 192.168.0.0/23, not its broadcast");
        assertEquals(List.of(Kind.PRIVATE, Kind.DIRECTED_BROADCAST), kinds("192.168.1.255/23", null));
        assertEquals(List.of(Kind.DIRECTED_BROADCAST, Kind.GLOBAL), kinds("8.8.9.255", 23));
        assertEquals(List.of(Kind.PRIVATE), kinds("10.0.0.1", 31), "/31 has no broadcast (RFC 3021)");
        assertEquals(List.of(Kind.DOCUMENTATION, Kind.NO_BROADCAST, Kind.NETWORK_ADDRESS), kinds("2001:db8::", 64));
    }

    @Test
    void ipv4MappedAddressesAlsoClassifyTheirIpv4Part() {
        List<AddressLabel> labels = AddressClassifier.classify("::ffff:127.0.0.1", null);
        assertEquals(List.of(Kind.IPV4_MAPPED, Kind.LOOPBACK), labels.stream().map(AddressLabel::kind).toList());
        assertEquals("IPv4 loopback (127.0.0.0/8)", labels.get(1).label());
    }

    @Test
    void badInputIsExplained() {
        assertEquals("the prefix length must be between 0 and 32 for IPv4, not 33",
                assertThrows(IllegalArgumentException.class, () -> AddressClassifier.classify("10.0.0.1", 33))
                        .getMessage());
        assertEquals("300 is out of range in '10.0.0.300' (each part is 0-255)",
                assertThrows(IllegalArgumentException.class, () -> AddressClassifier.classify("10.0.0.300", null))
                        .getMessage());
    }
}
