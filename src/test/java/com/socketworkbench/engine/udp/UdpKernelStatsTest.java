package com.socketworkbench.engine.udp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpKernelStatsTest {

    // Shape of /proc/net/snmp on Linux 6.x: each section is a header line followed by a value line.
    private static final String SNMP = """
            Ip: Forwarding DefaultTTL InReceives InHdrErrors
            Ip: 1 64 12345 0
            Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
            Udp: 5521 17 42 6000 40 0 2 9 0
            UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
            UdpLite: 0 0 7 0 7 0 0 0 0
            """;

    private static final String SNMP6 = """
            Ip6InReceives                   	301
            Udp6InDatagrams                 	120
            Udp6NoPorts                     	3
            Udp6InErrors                    	5
            Udp6RcvbufErrors                	4
            UdpLite6RcvbufErrors            	99
            """;

    // /proc/net/udp rows: "sl: local rem st tx_queue:rx_queue tr:when retrnsmt uid timeout inode ref pointer drops".
    private static final String PROC_NET_UDP = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              123: 0100007F:1388 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 40001 2 0000000000000000 17
              124: 00000000:1388 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 40002 2 0000000000000000 3
              125: 0100007F:9C40 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 40003 2 0000000000000000 250
            """;

    private static final String PROC_NET_UDP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              7: 00000000000000000000000001000000:1388 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 40004 2 0000000000000000 5
            """;

    @Test
    void parsesTheUdpSectionByHeaderName() {
        Map<String, Long> udp = UdpKernelStats.parseSnmp(SNMP, "Udp");
        assertEquals(40L, udp.get("RcvbufErrors"));
        assertEquals(42L, udp.get("InErrors"));
        assertEquals(5521L, udp.get("InDatagrams"));
        assertEquals(9, udp.size());
        assertEquals(7L, UdpKernelStats.parseSnmp(SNMP, "UdpLite").get("RcvbufErrors"), "UdpLite is separate");
        assertTrue(UdpKernelStats.parseSnmp("garbage\n", "Udp").isEmpty());
    }

    @Test
    void parsesSnmp6NameValueLines() {
        Map<String, Long> v6 = UdpKernelStats.parseSnmp6(SNMP6);
        assertEquals(4L, v6.get("Udp6RcvbufErrors"));
        assertEquals(5L, v6.get("Udp6InErrors"));
    }

    @Test
    void addsIpv4AndIpv6CountersFromTheFiles(@TempDir Path dir) throws IOException {
        Path snmp = Files.writeString(dir.resolve("snmp"), SNMP);
        Path snmp6 = Files.writeString(dir.resolve("snmp6"), SNMP6);
        assertEquals(OptionalLong.of(44), UdpKernelStats.receiveBufferErrors(snmp, snmp6));
        assertEquals(OptionalLong.of(47), UdpKernelStats.inErrors(snmp, snmp6));
        assertEquals(OptionalLong.of(40), UdpKernelStats.receiveBufferErrors(snmp, dir.resolve("absent6")),
                "IPv4 alone when there is no snmp6");
    }

    @Test
    void isEmptyWhenTheFilesAreAbsent(@TempDir Path dir) {
        assertEquals(OptionalLong.empty(), UdpKernelStats.receiveBufferErrors(dir.resolve("a"), dir.resolve("b")));
        assertEquals(OptionalLong.empty(), UdpKernelStats.inErrors(dir.resolve("a"), dir.resolve("b")));
    }

    @Test
    void sumsPerSocketDropsForTheLocalPort() {
        assertEquals(OptionalLong.of(20), UdpKernelStats.parseSocketDrops(PROC_NET_UDP, 5000));
        assertEquals(OptionalLong.of(250), UdpKernelStats.parseSocketDrops(PROC_NET_UDP, 40000));
        assertEquals(OptionalLong.empty(), UdpKernelStats.parseSocketDrops(PROC_NET_UDP, 5001));
        assertEquals(OptionalLong.empty(), UdpKernelStats.parseSocketDrops("", 5000));
        assertEquals(OptionalLong.of(5), UdpKernelStats.parseSocketDrops(PROC_NET_UDP6, 5000));
    }

    @Test
    void readsTheRealFilesOnLinux() {
        if (Files.isReadable(UdpKernelStats.SNMP)) {
            assertTrue(UdpKernelStats.receiveBufferErrors().isPresent());
            assertTrue(UdpKernelStats.receiveBufferErrors().getAsLong() >= 0);
        } else {
            assertEquals(OptionalLong.empty(), UdpKernelStats.receiveBufferErrors());
        }
    }
}
