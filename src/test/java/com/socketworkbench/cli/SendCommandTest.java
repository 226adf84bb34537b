package com.socketworkbench.cli;

import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code send} against loopback JDK peers, and its argument errors (exit codes 0, 1, 2 with their messages). */
class SendCommandTest {

    @Test
    void tcpSendsEscapedTextAndPrintsTheReplyAsAHexDump() throws Exception {
        try (var peer = LoopbackPeers.tcp(7, received -> received)) {
            CliRun run = CliRun.of("send", "tcp", "127.0.0.1", Integer.toString(peer.port()), "HELLO\\r\\n",
                    "--wait", "5000");
            assertEquals(0, run.exitCode(), run::toString);
            assertArrayEquals("HELLO\r\n".getBytes(StandardCharsets.US_ASCII), peer.received);
            assertTrue(run.out().contains("Sent 7 bytes to 127.0.0.1:" + peer.port() + " over TCP."), run::toString);
            assertTrue(run.out().contains("Received 7 bytes in "), run::toString);
            assertTrue(run.out().contains("00000000  48 45 4c 4c 4f 0d 0a"), run::toString);
            assertTrue(run.out().contains("|HELLO..|"), run::toString);
        }
    }

    @Test
    void aWholeCommandLineInOneArgumentIsSplitLikeAShellWould() throws Exception {
        // What mvn exec:exec -Dapp.args="..." passes: one argument; quotes group, backslashes stay escapes.
        try (var peer = LoopbackPeers.tcp(13, received -> received)) {
            CliRun run = CliRun.of("send tcp 127.0.0.1 " + peer.port() + " \"HELLO WORLD\\r\\n\" --wait 5s");
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("HELLO WORLD\r\n", new String(peer.received, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void hexDataIsSentAsBytes() throws Exception {
        try (var peer = LoopbackPeers.tcp(4, received -> new byte[]{0x00, (byte) 0xff})) {
            CliRun run = CliRun.of("send", "tcp", "127.0.0.1", Integer.toString(peer.port()), "01 02 0xfe,ff",
                    "--hex", "--wait", "5s");
            assertEquals(0, run.exitCode(), run::toString);
            assertArrayEquals(new byte[]{1, 2, (byte) 0xfe, (byte) 0xff}, peer.received);
            assertTrue(run.out().contains("00000000  00 ff"), run::toString);
        }
    }

    @Test
    void fieldsFillInAChecksumAndABadFieldIsRefusedAtItsPosition() throws Exception {
        try (var peer = LoopbackPeers.tcp(8, received -> null)) {
            CliRun run = CliRun.of("send", "tcp", "127.0.0.1", Integer.toString(peer.port()),
                    "01 03 00 00 00 0A {{crc16-modbus}}", "--hex", "--fields", "--wait", "100");
            assertEquals(0, run.exitCode(), run::toString);
            assertArrayEquals(new byte[]{1, 3, 0, 0, 0, 0x0A, (byte) 0xC5, (byte) 0xCD}, peer.received);
        }
        CliRun bad = CliRun.of("send", "tcp", "127.0.0.1", "9", "AB{{nonsense}}", "--fields");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("nonsense"), bad::toString);
    }

    @Test
    void aSilentPeerIsSentToAndTheOutputSaysNoReplyCame() throws Exception {
        try (var peer = LoopbackPeers.tcp(2, received -> null)) {
            CliRun run = CliRun.of("send", "tcp", "127.0.0.1", Integer.toString(peer.port()), "hi", "--wait", "200");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("Sent 2 bytes"), run::toString);
            assertTrue(run.out().contains("No reply within 200 ms."), run::toString);
        }
    }

    @Test
    void udpPrintsTheDatagramThatCameBackAndItsSender() throws Exception {
        try (var peer = LoopbackPeers.udp(received -> "pong".getBytes(StandardCharsets.US_ASCII))) {
            CliRun run = CliRun.of("send", "udp", "127.0.0.1", Integer.toString(peer.port()), "ping", "--wait", "500");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("Sent 4 bytes to 127.0.0.1:" + peer.port() + " over UDP."), run::toString);
            assertTrue(run.out().contains("Received 4 bytes from 127.0.0.1:" + peer.port()), run::toString);
            assertTrue(run.out().contains("00000000  70 6f 6e 67"), run::toString);
        }
    }

    @Test
    void aRefusedConnectionExitsWithOneAndNamesHostAndPort() throws Exception {
        int port = LoopbackPeers.closedTcpPort();
        CliRun run = CliRun.of("send", "tcp", "127.0.0.1", Integer.toString(port), "hi");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("Connection refused by 127.0.0.1:" + port + ": nothing listens there.", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void aUdpDatagramNobodyListensForExitsWithOne() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = probe.getLocalPort();
        }
        // Loopback answers a datagram to a closed port with ICMP port unreachable, which the connected socket sees.
        CliRun run = CliRun.of("send", "udp", "127.0.0.1", Integer.toString(port), "hi", "--wait", "5s");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Nothing listens on 127.0.0.1:" + port), run::toString);
    }

    @Test
    void anUnresolvableHostExitsWithOne() {
        // The test hosts file (jdk.net.hosts.file) knows no such name, so the look-up fails at once and offline.
        CliRun run = CliRun.of("send", "tcp", "no-such-host.invalid", "5020", "hi");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Cannot resolve host 'no-such-host.invalid'."), run::toString);
    }

    @Test
    void aBadPortIsAUsageErrorNamingThePort() {
        for (String port : new String[]{"70000", "0", "http", "-1"}) {
            CliRun run = CliRun.of("send", "tcp", "127.0.0.1", port, "hi");
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("Invalid port '" + port + "': a port is a whole number from 1 to 65535."),
                    run::toString);
            assertTrue(run.err().contains("See 'socket-workbench send --help'"), run::toString);
        }
    }

    @Test
    void anOddHexDigitIsAUsageErrorWithItsPosition() {
        CliRun run = CliRun.of("send", "tcp", "127.0.0.1", "5020", "48 4", "--hex");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Invalid DATA: Odd number of hex digits: the digit '4' at position 4"),
                run::toString);
    }

    @Test
    void anUnknownEscapeIsAUsageErrorWithItsPosition() {
        CliRun run = CliRun.of("send", "udp", "127.0.0.1", "5020", "ab\\q");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("at position 3"), run::toString);
    }

    @Test
    void badProtocolWaitAndCharsetAreUsageErrors() {
        CliRun protocol = CliRun.of("send", "sctp", "127.0.0.1", "5020", "x");
        assertEquals(2, protocol.exitCode(), protocol::toString);
        assertTrue(protocol.err().startsWith("Unknown protocol 'sctp': use tcp or udp."), protocol::toString);
        CliRun wait = CliRun.of("send", "tcp", "127.0.0.1", "5020", "x", "--wait", "soon");
        assertEquals(2, wait.exitCode(), wait::toString);
        assertTrue(wait.err().startsWith("Invalid --wait 'soon'"), wait::toString);
        CliRun charset = CliRun.of("send", "tcp", "127.0.0.1", "5020", "x", "--charset", "klingon");
        assertEquals(2, charset.exitCode(), charset::toString);
        assertTrue(charset.err().startsWith("Unknown character set 'klingon'."), charset::toString);
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsWithTwo() {
        CliRun run = CliRun.of("frobnicate", "now");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Unknown command 'frobnicate'."), run::toString);
        assertTrue(run.err().contains("Usage: socket-workbench"), run::toString);
        assertTrue(run.err().contains("send"), run::toString);
    }

    @Test
    void missingArgumentsAndUnknownOptionsAreUsageErrors() {
        CliRun missing = CliRun.of("send", "tcp", "127.0.0.1");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().startsWith("Missing PORT"), missing::toString);
        CliRun unknown = CliRun.of("send", "tcp", "127.0.0.1", "5020", "x", "--bogus");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().startsWith("Unknown option or argument: --bogus"), unknown::toString);
    }

    @Test
    void helpAndVersionExitWithZero() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("Usage: socket-workbench"), help::toString);
        CliRun sendHelp = CliRun.of("send", "--help");
        assertEquals(0, sendHelp.exitCode(), sendHelp::toString);
        assertTrue(sendHelp.out().contains("--wait=MS"), sendHelp::toString);
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().startsWith("Socket Workbench "), version::toString);
        CliRun none = CliRun.of();
        assertEquals(2, none.exitCode(), none::toString);
        assertFalse(none.err().isEmpty(), none::toString);
    }
}
