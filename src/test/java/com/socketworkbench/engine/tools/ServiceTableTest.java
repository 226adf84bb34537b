package com.socketworkbench.engine.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceTableTest {

    private static final String SAMPLE = """
            # Network services, Internet style
            tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer
            echo\t\t7/tcp
            echo\t\t7/udp
            discard\t\t9/tcp\t\tsink null
            http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP

            domain\t\t53/tcp\t\t\t\t# Domain Name Server
            domain\t\t53/udp
            broken
            bad\t\t99999/tcp
            odd\t\tabc
            """;

    @Test
    void parsesNamesPortsAliasesAndComments() {
        ServiceTable table = ServiceTable.parse(SAMPLE, "sample");
        assertEquals(7, table.entries().size());
        assertEquals(new ServiceTable.ServiceEntry("http", 80, "tcp", List.of("www"), "WorldWideWeb HTTP"),
                table.entries().get(4));
        assertEquals(new ServiceTable.ServiceEntry("discard", 9, "tcp", List.of("sink", "null"), null),
                table.entries().get(3));
        assertEquals("80/tcp", table.entries().get(4).portAndProtocol());
        assertEquals(List.of(
                "line 10: 'broken' has no port/protocol",
                "line 11: 'bad\t\t99999/tcp' has port 99999, which is not a number from 0 to 65535",
                "line 12: 'odd\t\tabc' has 'abc' where port/protocol such as 80/tcp is expected"), table.problems());
        assertEquals("sample", table.source());
    }

    @Test
    void looksUpBothWaysLikeGetservbynameAndGetservbyport() {
        ServiceTable table = ServiceTable.parse(SAMPLE, "sample");
        assertEquals(List.of(80), table.byName("http", "tcp"));
        assertEquals(List.of(80), table.byName("WWW", "tcp"), "aliases count, case-insensitively");
        assertEquals(List.of(), table.byName("http", "udp"));
        assertEquals(List.of(53), table.byName("domain", null));
        assertEquals(2, table.findByName("domain", null).size());
        assertEquals(List.of("domain"), table.byPort(53, "udp"));
        assertEquals(List.of("echo"), table.byPort(7, null));
        assertEquals(List.of(), table.byPort(8, "tcp"));
    }

    @Test
    void builtInTableHasTheClassics() {
        ServiceTable table = ServiceTable.builtIn();
        assertEquals(List.of(), table.problems());
        assertTrue(table.entries().size() >= 50, "size " + table.entries().size());
        assertEquals(List.of(7), table.byName("echo", "tcp"));
        assertEquals(List.of(9), table.byName("discard", "udp"));
        assertEquals(List.of(13), table.byName("daytime", "tcp"));
        assertEquals(List.of(20), table.byName("ftp-data", "tcp"));
        assertEquals(List.of(21), table.byName("ftp", "tcp"));
        assertEquals(List.of(22), table.byName("ssh", "tcp"));
        assertEquals(List.of(23), table.byName("telnet", "tcp"));
        assertEquals(List.of(25), table.byName("smtp", "tcp"));
        assertEquals(List.of(53), table.byName("domain", "udp"));
        assertEquals(List.of(80), table.byName("http", "tcp"));
        assertEquals(List.of(110), table.byName("pop3", "tcp"));
        assertEquals(List.of(123), table.byName("ntp", "udp"));
        assertEquals(List.of(143), table.byName("imap", "tcp"));
        assertEquals(List.of(161), table.byName("snmp", "udp"));
        assertEquals(List.of(389), table.byName("ldap", "tcp"));
        assertEquals(List.of(443), table.byName("https", "tcp"));
        assertEquals(List.of("ssh"), table.byPort(22, "tcp"));
        assertEquals("built-in table", table.source());
    }

    @Test
    void loadFallsBackToTheBuiltInTable(@TempDir Path dir) {
        assertEquals("built-in table", ServiceTable.load(dir.resolve("no-such-services")).source());
        ServiceTable system = ServiceTable.load();
        assertTrue(system.byName("ssh", "tcp").contains(22), "from " + system.source());
    }
}
