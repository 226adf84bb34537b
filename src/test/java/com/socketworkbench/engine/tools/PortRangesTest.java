package com.socketworkbench.engine.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortRangesTest {

    private static final PortRanges.KernelPorts LINUX_DEFAULTS = new PortRanges.KernelPorts(
            Optional.of(new PortRanges.PortInterval(32768, 60999)), OptionalInt.of(1024));

    @Test
    void ianaRangeBoundaries() {
        assertEquals(PortRanges.Range.WELL_KNOWN, PortRanges.classify(0, PortRanges.KernelPorts.UNKNOWN).range());
        assertEquals(PortRanges.Range.WELL_KNOWN, PortRanges.classify(1023, PortRanges.KernelPorts.UNKNOWN).range());
        assertEquals(PortRanges.Range.REGISTERED, PortRanges.classify(1024, PortRanges.KernelPorts.UNKNOWN).range());
        assertEquals(PortRanges.Range.REGISTERED, PortRanges.classify(49151, PortRanges.KernelPorts.UNKNOWN).range());
        assertEquals(PortRanges.Range.DYNAMIC, PortRanges.classify(49152, PortRanges.KernelPorts.UNKNOWN).range());
        assertEquals(PortRanges.Range.DYNAMIC, PortRanges.classify(65535, PortRanges.KernelPorts.UNKNOWN).range());
        assertEquals("70000 is not a port: port numbers are 16 bits, 0 to 65535",
                assertThrows(IllegalArgumentException.class, () -> PortRanges.classify(70000)).getMessage());
    }

    @Test
    void explanationsMentionRootAndTheLinuxEphemeralRange() {
        PortRanges.PortClass ssh = PortRanges.classify(22, LINUX_DEFAULTS);
        assertEquals("well-known (system) port", ssh.label());
        assertTrue(ssh.explanation().contains("On Linux binding one needs root or CAP_NET_BIND_SERVICE."),
                ssh.explanation());
        assertFalse(ssh.inEphemeral());

        PortRanges.PortClass client = PortRanges.classify(40000, LINUX_DEFAULTS);
        assertEquals(PortRanges.Range.REGISTERED, client.range());
        assertTrue(client.inEphemeral(), "Linux's range starts below IANA's dynamic range");
        assertTrue(client.explanation().endsWith("Linux picks client (ephemeral) ports from 32768–60999"
                + " (net.ipv4.ip_local_port_range): this port is in that range, so the kernel may give it to an"
                + " outgoing connection and a server binding it later can find it taken."), client.explanation());

        assertFalse(PortRanges.classify(62000, LINUX_DEFAULTS).inEphemeral());
        assertTrue(PortRanges.classify(0, LINUX_DEFAULTS).explanation().startsWith("Port 0 is not used on the"
                + " wire: binding to port 0 asks the operating system for any free ephemeral port."));
    }

    @Test
    void kernelSettingsAreReadFromProcSys(@TempDir Path procSys) throws IOException {
        Files.createDirectories(procSys.resolve("net/ipv4"));
        Files.writeString(procSys.resolve("net/ipv4/ip_local_port_range"), "32768\t60999\n");
        Files.writeString(procSys.resolve("net/ipv4/ip_unprivileged_port_start"), "80\n");
        PortRanges.KernelPorts kernel = PortRanges.KernelPorts.read(procSys);
        assertEquals(Optional.of(new PortRanges.PortInterval(32768, 60999)), kernel.ephemeral());
        assertEquals(OptionalInt.of(80), kernel.unprivilegedStart());
        assertTrue(PortRanges.classify(443, kernel).explanation().contains("this kernel lets anyone bind from port"
                + " 80 (net.ipv4.ip_unprivileged_port_start)"));
        assertEquals(PortRanges.KernelPorts.UNKNOWN, PortRanges.KernelPorts.read(procSys.resolve("missing")));
    }
}
