package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Events of real loopback traffic through the engine (TcpServer, TcpClient, UdpEndpoint on 127.0.0.1 and ::1,
 * port 0), exported as pcapng and read back: each TCP direction reassembles to exactly the bytes of the events,
 * handshakes, FINs and RSTs are where the events put them, UDP datagrams are one per event, times match.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PcapngLoopbackTest {
    @TempDir
    Path dir;

    private static void assumeLoopback(String host) throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            assumeTrue(probe.isBound(), host + " is usable");
        } catch (java.io.IOException e) {
            assumeTrue(false, host + " is not usable here: " + e.getMessage());
        }
    }

    private List<PcapngReader.Packet> exportAndRead(List<NetEvent> events, CaptureTransport transport,
                                                   long expectedWritten) throws Exception {
        Path file = dir.resolve(transport + "-" + System.nanoTime() + ".pcapng");
        ExportSummary summary = PcapngExport.write(events, transport, file);
        assertEquals(expectedWritten, summary.eventsWritten(), summary.describe());
        return CaptureChecks.readAll(List.of(file));
    }

    private static long traffic(List<NetEvent> events) {
        return events.stream().filter(e -> e instanceof DataEvent || e instanceof ConnectionAccepted
                || e instanceof ConnectionOpened || e instanceof ConnectionClosed).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void aTcpServersConnectionsRebuildByteForByte(String host) throws Exception {
        assumeLoopback(host);
        List<NetEvent> events = new LoopbackTraffic(1).tcpServerSession(host, 1, 65_535, 200_000, 7);

        List<PcapngReader.Packet> packets = exportAndRead(events, CaptureTransport.TCP, traffic(events));

        List<DecodedPacket> decoded = CaptureChecks.decode(packets);
        int version = host.contains(":") ? 6 : 4;
        assertTrue(decoded.stream().allMatch(p -> p.ipVersion() == version));
        List<TcpStreams.Connection> connections = TcpStreams.rebuild(decoded);
        assertEquals(3, connections.size());
        for (TcpStreams.Connection connection : connections) {
            ConnectionAccepted accepted = events.stream().filter(e -> e instanceof ConnectionAccepted a
                    && connection.client.from.equals(a.remote())).map(ConnectionAccepted.class::cast).findFirst()
                    .orElseThrow();
            assertEquals(accepted.remote(), connection.client.from, "the accepted peer sent the SYN");
        }
        CaptureChecks.assertStreams(CaptureChecks.expectedTcp(events), connections);
        CaptureChecks.assertCloses(events, connections);
        CaptureChecks.assertTimes(events.stream().filter(e -> e instanceof DataEvent
                || e instanceof ConnectionAccepted || e instanceof ConnectionClosed).toList(), packets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void aTcpClientsConnectionRebuildsByteForByte(String host) throws Exception {
        assumeLoopback(host);
        List<NetEvent> events = new LoopbackTraffic(2).tcpClientSession(host, 1, 65_535, 200_000);

        List<PcapngReader.Packet> packets = exportAndRead(events, CaptureTransport.TCP, traffic(events));

        List<TcpStreams.Connection> connections = TcpStreams.rebuild(CaptureChecks.decode(packets));
        assertEquals(1, connections.size());
        ConnectionOpened opened = events.stream().filter(ConnectionOpened.class::isInstance)
                .map(ConnectionOpened.class::cast).findFirst().orElseThrow();
        assertEquals(opened.local(), connections.getFirst().client.from, "we sent the SYN");
        CaptureChecks.assertStreams(CaptureChecks.expectedTcp(events), connections);
        CaptureChecks.assertCloses(events, connections);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void udpDatagramsAreOnePacketPerEventWithTheirBytesAndTime(String host) throws Exception {
        assumeLoopback(host);
        int largest = host.contains(":") ? 65_527 : 65_507;
        List<List<NetEvent>> both = new LoopbackTraffic(3).udpSession(host, 0, 1, 1_000, largest);

        for (List<NetEvent> events : both) {
            List<DataEvent> data = events.stream().filter(DataEvent.class::isInstance).map(DataEvent.class::cast)
                    .toList();
            assertEquals(8, data.size());
            List<PcapngReader.Packet> packets = exportAndRead(events, CaptureTransport.UDP, data.size());
            assertEquals(data.size(), packets.size());
            for (int i = 0; i < data.size(); i++) {
                DataEvent event = data.get(i);
                DecodedPacket packet = DecodedPacket.decode(packets.get(i).data());
                assertEquals(17, packet.protocol());
                assertArrayEquals(event.data(), packet.payload(), "datagram " + i);
                InetSocketAddress local = (InetSocketAddress) event.local();
                assertEquals(local.getPort(), event.incoming() ? packet.destination().getPort()
                        : packet.source().getPort());
                assertEquals(event.remote(), event.incoming() ? packet.source() : packet.destination());
                assertEquals(CaptureChecks.micros(event.time()), packets.get(i).timestamp());
            }
        }
    }
}
