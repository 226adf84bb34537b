package com.socketworkbench.engine.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real sockets on 127.0.0.1 only: set options, read back what the kernel granted. */
@Timeout(10)
class SocketOptionsApplierTest {

    private static final boolean LINUX = System.getProperty("os.name").toLowerCase().startsWith("linux");

    private static SocketOptionsSpec spec(Boolean reuse, Boolean noDelay, Boolean keepAlive, Integer rcv, Integer snd,
                                          Integer linger, Integer tos) {
        return new SocketOptionsSpec(reuse, noDelay, keepAlive, rcv, snd, linger, tos, null, null, null, null, null);
    }

    private static OptionValue value(EffectiveOptions options, String name) {
        return options.find(name).orElseThrow(() -> new AssertionError(name + " missing from " + options));
    }

    @Test
    void tcpConnectionOptionsAreSetAndReadBack() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
            EffectiveOptions on = SocketOptionsApplier.apply(client,
                    spec(true, true, true, 65_536, 32_768, 5, 0x10));
            assertEquals(new OptionValue("TCP_NODELAY", "on", "on", null), value(on, "TCP_NODELAY"));
            assertEquals(new OptionValue("SO_KEEPALIVE", "on", "on", null), value(on, "SO_KEEPALIVE"));
            assertEquals(new OptionValue("SO_REUSEADDR", "on", "on", null), value(on, "SO_REUSEADDR"));
            assertEquals(new OptionValue("SO_LINGER", "5 s", "5 s", null), value(on, "SO_LINGER"));
            assertEquals("16 (0x10)", value(on, "IP_TOS").effective());
            assertBufferGrantedOrExplained(value(on, "SO_RCVBUF"), 65_536);
            assertBufferGrantedOrExplained(value(on, "SO_SNDBUF"), 32_768);

            client.connect(server.getLocalAddress());
            EffectiveOptions off = SocketOptionsApplier.apply(client, spec(null, false, false, null, null, 0, null));
            assertEquals("off", value(off, "TCP_NODELAY").effective());
            assertEquals("off", value(off, "SO_KEEPALIVE").effective());
            assertEquals("0 s (abort)", value(off, "SO_LINGER").effective());
            assertEquals("close() will reset the connection (RST) and discard unsent data",
                    value(off, "SO_LINGER").note());
            assertNull(value(off, "IP_TOS").requested(), "not requested this time");
            assertEquals("16 (0x10)", value(off, "IP_TOS").effective(), "still what was set before");
            assertTrue(off.summary().contains("TCP_NODELAY off"), off.summary());
        }
    }

    private static void assertBufferGrantedOrExplained(OptionValue v, int requested) {
        assertEquals(requested + " bytes", v.requested());
        int effective = Integer.parseInt(v.effective().replace(" bytes", ""));
        assertTrue(effective >= requested || v.note().contains("capped") || v.note().contains("reduced"), v.toString());
        if (LINUX) {
            assertTrue(v.note().contains("Linux reserves twice this (" + 2L * effective + " bytes)"), v.note());
        }
    }

    @Test
    void aHugeReceiveBufferIsCappedAndTheNoteNamesTheKernelLimit() throws IOException {
        OptionalLong rmemMax = KernelLimits.system().rmemMax();
        try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
            EffectiveOptions options = SocketOptionsApplier.apply(client,
                    spec(null, null, null, 1 << 30, null, null, null));
            OptionValue rcv = value(options, "SO_RCVBUF");
            int effective = Integer.parseInt(rcv.effective().replace(" bytes", ""));
            assertTrue(effective < 1 << 30, "no kernel grants 1 GiB by default: " + rcv);
            if (rmemMax.isPresent() && effective == rmemMax.getAsLong()) {
                assertTrue(rcv.note().startsWith("capped at the kernel limit net.core.rmem_max = "
                        + rmemMax.getAsLong() + " bytes (/proc/sys/net/core/rmem_max)"), rcv.note());
            } else {
                assertTrue(rcv.note().startsWith("reduced by the operating system"), rcv.note());
            }
        }
    }

    @Test
    void udpOnlyOptionsWorkOnADatagramChannelAndTcpOnesAreReportedUnsupported() throws IOException {
        try (DatagramChannel udp = DatagramChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            SocketOptionsSpec spec = new SocketOptionsSpec(null, true, null, null, null, null, null,
                    Duration.ofSeconds(3), Duration.ofSeconds(1), true, 4, false);
            EffectiveOptions options = SocketOptionsApplier.apply(udp, spec);
            assertEquals(new OptionValue("SO_BROADCAST", "on", "on", null), value(options, "SO_BROADCAST"));
            assertEquals(new OptionValue("IP_MULTICAST_TTL", "4", "4", null), value(options, "IP_MULTICAST_TTL"));
            assertEquals(new OptionValue("IP_MULTICAST_LOOP", "off", "off", null), value(options, "IP_MULTICAST_LOOP"));
            assertEquals(new OptionValue("TCP_NODELAY", "on", OptionValue.NOT_SUPPORTED,
                    "a UDP socket has no TCP_NODELAY: it belongs to TCP connections"), value(options, "TCP_NODELAY"));
            assertEquals(new OptionValue("read idle timeout", "3 s", "3 s", null),
                    value(options, "read idle timeout"));
            assertEquals(OptionValue.NOT_SUPPORTED, value(options, "connect timeout").effective());
            assertTrue(value(options, "IP_MULTICAST_TTL").meaning().contains("routers"));
        }
    }

    @Test
    void broadcastOnATcpSocketIsExplainedNotThrown() throws IOException {
        try (SocketChannel tcp = SocketChannel.open(StandardProtocolFamily.INET)) {
            SocketOptionsSpec spec = new SocketOptionsSpec(null, null, null, null, null, null, null, null,
                    Duration.ofMillis(1500), true, null, null);
            EffectiveOptions options = SocketOptionsApplier.apply(tcp, spec);
            assertEquals(new OptionValue("SO_BROADCAST", "on", OptionValue.NOT_SUPPORTED,
                    "a TCP connection has no SO_BROADCAST: only datagram (UDP) sockets broadcast or multicast"),
                    value(options, "SO_BROADCAST"));
            assertEquals("1.5 s", value(options, "connect timeout").effective());
        }
    }

    @Test
    void listeningSocketTakesReuseAddressAndExplainsConnectionOnlyOptions() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            EffectiveOptions before = SocketOptionsApplier.apply(server, spec(true, true, null, null, 4096, null, null));
            assertEquals(new OptionValue("SO_REUSEADDR", "on", "on", null), value(before, "SO_REUSEADDR"));
            assertEquals("a TCP listening socket has no TCP_NODELAY: it applies to connections; a listening socket"
                    + " only accepts them", value(before, "TCP_NODELAY").note());
            assertEquals(OptionValue.NOT_SUPPORTED, value(before, "SO_SNDBUF").effective());

            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            EffectiveOptions after = SocketOptionsApplier.apply(server, spec(true, null, null, null, null, null, null));
            assertEquals("set after bind: it only affects a later bind", value(after, "SO_REUSEADDR").note());
        }
    }

    @Test
    void readListsEverySupportedOptionWithoutRequests() throws IOException {
        try (SocketChannel tcp = SocketChannel.open(StandardProtocolFamily.INET)) {
            EffectiveOptions options = SocketOptionsApplier.read(tcp);
            assertEquals(tcp.supportedOptions().size(), options.values().size());
            assertTrue(options.values().stream().noneMatch(OptionValue::wasRequested));
            assertEquals("SO_REUSEADDR", options.values().getFirst().name(), "display order starts with SO_REUSEADDR");
            assertEquals("off", value(options, "SO_LINGER").effective(), "linger is off by default");
        }
    }

    @Test
    void bufferNotesExplainDoublingCapsAndMinimums() {
        OptionalLong max = OptionalLong.of(212_992);
        assertEquals("Linux reserves twice this (131072 bytes) to cover its bookkeeping overhead (socket(7)); Java"
                        + " reports half of the kernel's figure; setting it turns off Linux's automatic buffer tuning"
                        + " for this socket",
                OptionExplanations.bufferNote("SO_RCVBUF", 65_536, 65_536, true, max, true, false));
        assertTrue(OptionExplanations.bufferNote("SO_RCVBUF", 1 << 20, 212_992, true, max, false, false)
                .startsWith("capped at the kernel limit net.core.rmem_max = 212992 bytes"
                        + " (/proc/sys/net/core/rmem_max); only root can raise it"));
        assertTrue(OptionExplanations.bufferNote("SO_SNDBUF", 10, 2304, true, max, true, false)
                .startsWith("raised to the kernel's minimum"));
        assertEquals("", OptionExplanations.bufferNote("SO_SNDBUF", 8192, 8192, false, OptionalLong.empty(),
                false, false));
        assertTrue(OptionExplanations.bufferNote("SO_RCVBUF", 1 << 20, 1 << 20, false, OptionalLong.empty(), true,
                true).contains("window scale"));
    }

    @Test
    void specRejectsImpossibleValues() {
        assertEquals("linger (SO_LINGER) must be -1 (off), 0 (abort on close) or up to 65535 seconds, not -2",
                assertThrows(IllegalArgumentException.class, () -> spec(null, null, null, null, null, -2, null))
                        .getMessage());
        assertEquals("the type-of-service byte (IP_TOS) must be between 0 and 255, not 256",
                assertThrows(IllegalArgumentException.class, () -> spec(null, null, null, null, null, null, 256))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec(null, null, null, 0, null, null, null));
        assertTrue(SocketOptionsSpec.NONE.isEmpty());
    }
}
