package com.socketworkbench.engine.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class HostInfoTest {

    @Test
    void loopbackInterfaceComesFirstWithItsAddress() {
        List<HostInfo.NetworkInterfaceInfo> interfaces = HostInfo.listInterfaces();
        assertFalse(interfaces.isEmpty());
        HostInfo.NetworkInterfaceInfo lo = interfaces.getFirst();
        assertTrue(lo.loopback(), lo.toString());
        assertTrue(lo.up());
        assertNull(lo.hardwareAddress(), "loopback has no MAC address");
        assertTrue(lo.addresses().stream().anyMatch(a -> a.cidr().equals("127.0.0.1/8") || a.cidr().equals("::1/128")),
                lo.addresses().toString());
        assertTrue(interfaces.stream().flatMap(i -> i.addresses().stream())
                .allMatch(a -> a.family().equals("IPv4") == !a.address().contains(":")));
    }

    @Test
    void aScopedAddressShowsItsPrefixAfterTheAddressAndItsZoneApart() {
        HostInfo.InterfaceAddressInfo loopback6 = new HostInfo.InterfaceAddressInfo("::1%lo", 128, null, "IPv6");
        assertEquals("::1/128", loopback6.cidr(), "a zone glued to a prefix (::1%lo/128) reads as neither");
        assertEquals("lo", loopback6.zone());
        assertEquals("::1/128 (lo)", loopback6.display());
        HostInfo.InterfaceAddressInfo linkLocal = new HostInfo.InterfaceAddressInfo("fe80::1%eth0", 64, null, "IPv6");
        assertEquals("fe80::1/64 (eth0)", linkLocal.display());
        HostInfo.InterfaceAddressInfo v4 = new HostInfo.InterfaceAddressInfo("127.0.0.1", 8, "127.255.255.255", "IPv4");
        assertNull(v4.zone());
        assertEquals("127.0.0.1/8", v4.display());
    }

    @Test
    void noRealInterfaceAddressShowsAZoneInsideItsCidr() {
        List<HostInfo.InterfaceAddressInfo> all = HostInfo.listInterfaces().stream()
                .flatMap(i -> i.addresses().stream()).toList();
        assertFalse(all.isEmpty());
        for (HostInfo.InterfaceAddressInfo address : all) {
            assertFalse(address.cidr().contains("%"), address.cidr());
            assertTrue(address.display().startsWith(address.cidr()), address.display());
        }
    }

    @Test
    void namesComeFromTheNameService() throws Exception {
        NameService scripted = new NameService() {
            @Override
            public InetAddress[] lookup(String host) throws UnknownHostException {
                return new InetAddress[]{InetAddress.getByAddress(host, new byte[]{127, 0, 1, 1})};
            }

            @Override
            public String reverseLookup(InetAddress address) {
                return "workbench.example.test";
            }
        };
        HostInfo info = HostInfo.collect(new Resolver(scripted), Duration.ofSeconds(2)).get(5, TimeUnit.SECONDS);
        assertEquals(HostInfo.localHostName(), info.hostName());
        assertEquals("workbench.example.test", info.canonicalName());
        assertNull(info.nameNote());
        assertEquals(HostInfo.listInterfaces().size(), info.interfaces().size());
    }

    @Test
    void anUnresolvableHostNameIsExplained() throws Exception {
        NameService unknown = new NameService() {
            @Override
            public InetAddress[] lookup(String host) throws UnknownHostException {
                throw new UnknownHostException(host + ": Name or service not known");
            }

            @Override
            public String reverseLookup(InetAddress address) {
                throw new AssertionError("no reverse look-up without an address");
            }
        };
        HostInfo info = HostInfo.collect(new Resolver(unknown), Duration.ofSeconds(2)).get(5, TimeUnit.SECONDS);
        assertNull(info.canonicalName());
        assertTrue(info.nameNote().startsWith("the host name " + info.hostName() + " does not resolve: Unknown host"),
                info.nameNote());
    }
}
