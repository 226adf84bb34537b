package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.UnixPeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pcapng export of hand-made event lists, read back with the tests' own reader. */
class PcapngExportTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 45_000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 5_000);
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456789Z");

    @TempDir
    Path dir;

    private static Instant at(int micros) {
        return T0.plusNanos(micros * 1_000L);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private List<DecodedPacket> export(List<NetEvent> events, CaptureTransport transport) throws Exception {
        Path file = dir.resolve("capture.pcapng");
        PcapngExport.write(events, transport, file);
        return CaptureChecks.decode(CaptureChecks.readAll(List.of(file)));
    }

    @Test
    void aClientConnectionIsAHandshakeItsBytesEachWayAndAFinExchangeStartedByUs() throws Exception {
        List<NetEvent> events = List.of(
                new ConnectionOpened(at(0), 1, CLIENT, SERVER),
                new BytesSent(at(10), 1, CLIENT, SERVER, ascii("hello")),
                new BytesReceived(at(20), 1, CLIENT, SERVER, ascii("world!")),
                new ConnectionClosed(at(30), 1, CLIENT, SERVER, CloseReason.LOCAL_CLOSE, "FIN sent (graceful close)"));
        Path file = dir.resolve("client.pcapng");

        ExportSummary summary = PcapngExport.write(events, CaptureTransport.TCP, file, "TCP client tab");

        assertEquals(4, summary.eventsWritten());
        assertEquals(0, summary.eventsSkipped());
        assertEquals(List.of(file), summary.files());
        PcapngReader.Capture capture = PcapngReader.read(file);
        assertTrue(capture.sectionOption(1).endsWith("TCP client tab"), capture.sectionOption(1));
        List<DecodedPacket> packets = CaptureChecks.decode(CaptureChecks.readAll(List.of(file)));
        assertEquals(3 + 1 + 1 + 3, packets.size());
        DecodedPacket syn = packets.getFirst();
        assertEquals(CLIENT, syn.source());
        assertTrue(syn.has(DecodedPacket.SYN) && !syn.has(DecodedPacket.ACK));
        assertEquals(TcpFlow.MAX_SEGMENT, syn.tcpOption(2));
        assertEquals(TcpFlow.WINDOW_SCALE, syn.tcpOption(3));
        assertEquals(SERVER, packets.get(1).source());
        assertTrue(packets.get(1).has(DecodedPacket.SYN) && packets.get(1).has(DecodedPacket.ACK));
        DecodedPacket firstFin = packets.get(5);
        assertTrue(firstFin.has(DecodedPacket.FIN));
        assertEquals(CLIENT, firstFin.source(), "we closed first");
        assertTrue(packets.get(6).has(DecodedPacket.FIN));
        assertEquals(SERVER, packets.get(6).source());
        assertFalse(packets.get(7).has(DecodedPacket.FIN));

        List<TcpStreams.Connection> streams = TcpStreams.rebuild(packets);
        assertEquals(1, streams.size());
        assertEquals(CLIENT, streams.getFirst().client.from);
        assertArrayEquals(ascii("hello"), streams.getFirst().client.bytes());
        assertArrayEquals(ascii("world!"), streams.getFirst().server.bytes());
        assertTrue(streams.getFirst().closed);
    }

    @Test
    void everyPacketTakesItsEventsTimeToTheMicrosecond() throws Exception {
        List<NetEvent> events = List.of(
                new ConnectionOpened(at(0), 1, CLIENT, SERVER),
                new BytesSent(at(17), 1, CLIENT, SERVER, new byte[100_000]),
                new ConnectionClosed(at(1_000_001), 1, CLIENT, SERVER, CloseReason.PEER_CLOSED, ""));
        Path file = dir.resolve("times.pcapng");
        PcapngExport.write(events, CaptureTransport.TCP, file);

        List<Long> times = PcapngReader.read(file).packets().stream().map(PcapngReader.Packet::timestamp).toList();

        long t0 = CaptureChecks.micros(T0);
        assertEquals(List.of(t0, t0, t0, t0 + 17, t0 + 17, t0 + 1_000_001, t0 + 1_000_001, t0 + 1_000_001), times);
    }

    @Test
    void anAcceptedConnectionHasThePeerAsClient() throws Exception {
        List<DecodedPacket> packets = export(List.of(
                new ConnectionAccepted(at(0), 7, SERVER, CLIENT),
                new BytesReceived(at(1), 7, SERVER, CLIENT, ascii("ping")),
                new BytesSent(at(2), 7, SERVER, CLIENT, ascii("pong"))), CaptureTransport.TCP);

        assertEquals(CLIENT, packets.getFirst().source());
        assertTrue(packets.getFirst().has(DecodedPacket.SYN));
        TcpStreams.Connection connection = TcpStreams.rebuild(packets).getFirst();
        assertEquals(CLIENT, connection.client.from);
        assertArrayEquals(ascii("ping"), connection.client.bytes());
        assertArrayEquals(ascii("pong"), connection.server.bytes());
        assertFalse(connection.closed, "no close event, no close");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} by {3}")
    @CsvSource(delimiter = '|', value = {
            "PEER_CLOSED      | ''                                | FIN | remote",
            "LOCAL_CLOSE      | FIN sent (graceful close)         | FIN | local",
            "TIMEOUT          | no data for 5 s                   | FIN | local",
            "LISTENER_STOPPED | ''                                | FIN | local",
            "RESET            | ''                                | RST | remote",
            "LOCAL_CLOSE      | RST sent (abort: SO_LINGER 0)     | RST | local",
            "ERROR            | Broken pipe                       | RST | local"})
    void theCloseFollowsTheReason(CloseReason reason, String detail, String flag, String by) throws Exception {
        List<DecodedPacket> packets = export(List.of(
                new ConnectionOpened(at(0), 1, CLIENT, SERVER),
                new BytesSent(at(1), 1, CLIENT, SERVER, ascii("x")),
                new ConnectionClosed(at(2), 1, CLIENT, SERVER, reason, detail)), CaptureTransport.TCP);

        DecodedPacket first = packets.get(4);
        int expectedFlag = flag.equals("FIN") ? DecodedPacket.FIN : DecodedPacket.RST;
        assertTrue(first.has(expectedFlag), "first closing segment has " + flag);
        assertEquals(by.equals("local") ? CLIENT : SERVER, first.source());
        assertEquals(flag.equals("FIN") ? 7 : 5, packets.size());
        List<TcpStreams.Connection> streams = TcpStreams.rebuild(packets);
        assertTrue(streams.getFirst().closed);
        assertArrayEquals(ascii("x"), streams.getFirst().client.bytes());
    }

    @Test
    void dataOfAConnectionNotSeenOpeningGetsAHandshakeAtItsFirstRowWithAComment() throws Exception {
        List<NetEvent> events = List.of(
                new BytesReceived(at(0), 3, SERVER, CLIENT, ascii("late")),
                new BytesSent(at(1), 3, SERVER, CLIENT, ascii("reply")),
                new ConnectionClosed(at(2), 3, SERVER, CLIENT, CloseReason.PEER_CLOSED, ""),
                new ConnectionClosed(at(3), 4, SERVER, new InetSocketAddress("127.0.0.1", 45_001),
                        CloseReason.RESET, ""));
        Path file = dir.resolve("late.pcapng");
        ExportSummary summary = PcapngExport.write(events, CaptureTransport.TCP, file);

        assertEquals(4, summary.eventsWritten());
        List<PcapngReader.Packet> raw = CaptureChecks.readAll(List.of(file));
        assertEquals(PacketSynthesizer.LATE_HANDSHAKE, raw.getFirst().comment());
        List<DecodedPacket> packets = CaptureChecks.decode(raw);
        assertEquals(CLIENT, packets.getFirst().source(), "the lower port (5000) is taken for the server");
        List<TcpStreams.Connection> streams = TcpStreams.rebuild(packets);
        assertEquals(2, streams.size());
        assertArrayEquals(ascii("late"), streams.getFirst().client.bytes());
        assertArrayEquals(ascii("reply"), streams.getFirst().server.bytes());
        assertTrue(streams.get(1).closed && streams.get(1).client.rst, "a close alone is a handshake and its RST");
    }

    @Test
    void aListenerAmongTheEventsTellsWhoWasTheServerOfALateConnection() throws Exception {
        InetSocketAddress highServer = new InetSocketAddress("127.0.0.1", 60_000);
        List<DecodedPacket> packets = export(List.of(
                new ListenerStarted(at(0), 0, new InetSocketAddress("0.0.0.0", 60_000), null, "TCP"),
                new BytesReceived(at(1), 1, highServer, CLIENT, ascii("a"))), CaptureTransport.TCP);

        assertEquals(CLIENT, packets.getFirst().source(), "the peer of the listening port is the client");
    }

    @Test
    void aSecondConnectionOfOneClientIdIsANewConnection() throws Exception {
        InetSocketAddress secondLocal = new InetSocketAddress("127.0.0.1", 45_002);
        List<DecodedPacket> packets = export(List.of(
                new ConnectionOpened(at(0), 1, CLIENT, SERVER),
                new BytesSent(at(1), 1, CLIENT, SERVER, ascii("first")),
                new ConnectionClosed(at(2), 1, CLIENT, SERVER, CloseReason.LOCAL_CLOSE, ""),
                new ConnectionOpened(at(3), 1, secondLocal, SERVER),
                new BytesSent(at(4), 1, secondLocal, SERVER, ascii("second"))), CaptureTransport.TCP);

        List<TcpStreams.Connection> streams = TcpStreams.rebuild(packets);
        assertEquals(2, streams.size());
        assertArrayEquals(ascii("first"), streams.get(0).client.bytes());
        assertArrayEquals(ascii("second"), streams.get(1).client.bytes());
    }

    @Test
    void ipv6ConnectionsAreIpv6Packets() throws Exception {
        InetSocketAddress client6 = new InetSocketAddress("::1", 45_000);
        InetSocketAddress server6 = new InetSocketAddress("::1", 5_000);
        List<NetEvent> events = List.of(
                new ConnectionOpened(at(0), 1, client6, server6),
                new BytesSent(at(1), 1, client6, server6, new byte[70_000]),
                new ConnectionClosed(at(2), 1, client6, server6, CloseReason.PEER_CLOSED, ""));
        List<DecodedPacket> packets = export(events, CaptureTransport.TCP);

        assertTrue(packets.stream().allMatch(p -> p.ipVersion() == 6));
        CaptureChecks.assertStreams(CaptureChecks.expectedTcp(events), TcpStreams.rebuild(packets));
    }

    @Test
    void anIpv4PeerOfAnIpv6SocketIsWrittenAsAnIpv4MappedAddress() throws Exception {
        InetSocketAddress local6 = new InetSocketAddress("::1", 5_000);
        List<DecodedPacket> packets = export(List.of(
                new ConnectionAccepted(at(0), 1, local6, CLIENT),
                new BytesReceived(at(1), 1, local6, CLIENT, ascii("mixed"))), CaptureTransport.TCP);

        assertTrue(packets.stream().allMatch(p -> p.ipVersion() == 6));
        assertArrayEquals(ascii("mixed"), TcpStreams.rebuild(packets).getFirst().client.bytes());
    }

    @Test
    void udpRowsAreOneDatagramEachFromTheirSender() throws Exception {
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 7_000);
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 7_001);
        List<NetEvent> events = List.of(
                new ListenerStarted(at(0), 1, local, null, "UDP"),
                new BytesSent(at(1), 1, local, peer, ascii("out")),
                new BytesReceived(at(2), 1, local, peer, ascii("in")),
                new BytesReceived(at(3), 1, local, peer, new byte[0]),
                new BytesReceived(at(4), 1, local, peer, ascii("cut"), 1, true),
                new BytesSent(at(5), 1, local, peer, new byte[65_508]));
        Path file = dir.resolve("udp.pcapng");

        ExportSummary summary = PcapngExport.write(events, CaptureTransport.UDP, file);

        assertEquals(4, summary.eventsWritten());
        assertEquals(Map.of(SkipReason.NO_PACKET, 1L, SkipReason.TOO_LARGE, 1L), summary.skipped());
        List<PcapngReader.Packet> raw = CaptureChecks.readAll(List.of(file));
        List<DecodedPacket> packets = CaptureChecks.decode(raw);
        assertEquals(4, packets.size());
        assertEquals(local, packets.get(0).source());
        assertArrayEquals(ascii("out"), packets.get(0).payload());
        assertEquals(peer, packets.get(1).source());
        assertEquals(local, packets.get(1).destination());
        assertArrayEquals(ascii("in"), packets.get(1).payload());
        assertEquals(0, packets.get(2).payload().length);
        assertEquals(UdpDatagrams.TRUNCATED, raw.get(3).comment());
        assertNull(raw.get(2).comment());
    }

    @Test
    void theLargestDatagramsFitOnePacketInEachFamily() throws Exception {
        InetSocketAddress local6 = new InetSocketAddress("::1", 7_000);
        InetSocketAddress peer6 = new InetSocketAddress("::1", 7_001);
        List<DecodedPacket> packets = export(List.of(
                new BytesSent(at(0), 1, new InetSocketAddress("127.0.0.1", 7_000),
                        new InetSocketAddress("127.0.0.1", 7_001), new byte[65_507]),
                new BytesSent(at(1), 1, local6, peer6, new byte[65_527])), CaptureTransport.UDP);

        assertEquals(65_507, packets.get(0).payload().length);
        assertEquals(65_527, packets.get(1).payload().length);
    }

    @Test
    void aWildcardLocalAddressTakesThePeersFamily() throws Exception {
        List<DecodedPacket> packets = export(List.of(new BytesReceived(at(0), 1, new InetSocketAddress("::", 7_000),
                new InetSocketAddress("127.0.0.1", 7_001), ascii("x"))), CaptureTransport.UDP);

        assertEquals(4, packets.getFirst().ipVersion());
        assertEquals(new InetSocketAddress("0.0.0.0", 7_000), packets.getFirst().destination());
    }

    @Test
    void unixSocketRowsAndRowsThatAreNotTrafficAreLeftOutAndCounted() throws Exception {
        UnixDomainSocketAddress path = UnixDomainSocketAddress.of("/tmp/app.sock");
        UnixPeerAddress peer = new UnixPeerAddress(Path.of("/tmp/app.sock"), 1);
        List<NetEvent> events = List.of(
                new ListenerStarted(at(0), 0, path, null, "UNIX"),
                new ConnectionAccepted(at(1), 1, path, peer),
                new BytesReceived(at(2), 1, path, peer, ascii("unix")),
                new Notice(at(3), 1, path, peer, "a notice"),
                new Failure(at(4), 1, path, peer, Operation.SEND, FailureKind.BROKEN_PIPE, "gone", ""),
                new BytesSent(at(5), 2, null, SERVER, ascii("x")),
                new ConnectionClosed(at(6), 1, path, peer, CloseReason.PEER_CLOSED, ""));
        Path file = dir.resolve("unix.pcapng");

        ExportSummary summary = PcapngExport.write(events, CaptureTransport.TCP, file);

        assertEquals(0, summary.eventsWritten());
        assertEquals(Map.of(SkipReason.UNIX_SOCKET, 3L, SkipReason.NO_PACKET, 3L, SkipReason.UNKNOWN_ADDRESS, 1L),
                summary.skipped());
        assertTrue(summary.describe().contains("3 Unix domain socket rows"), summary.describe());
        assertEquals(List.of(), PcapngReader.read(file).packets());
    }

    @Test
    void aTcpRowWithoutBytesIsLeftOut() throws Exception {
        Path file = dir.resolve("empty.pcapng");
        ExportSummary summary = PcapngExport.write(List.of(new ConnectionOpened(at(0), 1, CLIENT, SERVER),
                new BytesSent(at(1), 1, CLIENT, SERVER, new byte[0])), CaptureTransport.TCP, file);

        assertEquals(Map.of(SkipReason.NO_BYTES, 1L), summary.skipped());
        assertEquals(3, PcapngReader.read(file).packets().size());
    }

    @Test
    void aPathThatCannotBeWrittenFailsWithAPlainMessageAndLeavesNothingBehind() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "x");
        Path target = notAFolder.resolve("capture.pcapng");

        CaptureFileException error = assertThrows(CaptureFileException.class, () -> PcapngExport.write(
                List.of(new ConnectionOpened(at(0), 1, CLIENT, SERVER)), CaptureTransport.TCP, target));

        assertEquals(FailureKind.INVALID_INPUT, error.kind());
        assertTrue(error.getMessage().startsWith("Cannot write " + target + ": "), error.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(notAFolder), files.toList());
        }
    }
}
