package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the capture tests check on a file read back with {@link PcapngReader}, against the events exported. */
final class CaptureChecks {

    /** One connection's expected bytes per direction, from the events. */
    record Expected(SocketAddress local, SocketAddress remote, byte[] sent, byte[] received) {
    }

    private CaptureChecks() {
    }

    /** Reads {@code files} in order and checks the one raw-IP interface with microsecond timestamps in each. */
    static List<PcapngReader.Packet> readAll(List<Path> files) throws IOException {
        List<PcapngReader.Packet> packets = new ArrayList<>();
        for (Path file : files) {
            PcapngReader.Capture capture = PcapngReader.read(file);
            assertEquals("Socket Workbench", capture.sectionOption(4), "shb_userappl of " + file);
            assertNotNull(capture.sectionOption(1), "a section comment saying the packets are synthesized");
            assertEquals(1, capture.interfaces().size(), "one interface in " + file);
            assertEquals(101, capture.interfaces().getFirst().linkType(), "LINKTYPE_RAW");
            assertEquals(6, capture.interfaces().getFirst().tsResolution(), "if_tsresol microseconds");
            packets.addAll(capture.packets());
        }
        return packets;
    }

    static List<DecodedPacket> decode(List<PcapngReader.Packet> packets) {
        return packets.stream().map(p -> DecodedPacket.decode(p.data())).toList();
    }

    static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    /** Per TCP connection (connection id, local, remote), the bytes each way, in event order. */
    static List<Expected> expectedTcp(List<? extends NetEvent> events) {
        Map<List<Object>, ByteArrayOutputStream[]> streams = new LinkedHashMap<>();
        Map<List<Object>, NetEvent> firsts = new LinkedHashMap<>();
        for (NetEvent event : events) {
            if (event instanceof DataEvent data && event.local() instanceof InetSocketAddress) {
                List<Object> key = List.of(event.connectionId(), event.local(), event.remote());
                firsts.putIfAbsent(key, event);
                ByteArrayOutputStream[] both = streams.computeIfAbsent(key,
                        k -> new ByteArrayOutputStream[] {new ByteArrayOutputStream(), new ByteArrayOutputStream()});
                both[data.incoming() ? 1 : 0].writeBytes(data.data());
            }
        }
        List<Expected> expected = new ArrayList<>();
        streams.forEach((key, both) -> expected.add(new Expected(firsts.get(key).local(), firsts.get(key).remote(),
                both[0].toByteArray(), both[1].toByteArray())));
        return expected;
    }

    /** Every expected connection is rebuilt from the packets with exactly its bytes each way. */
    static void assertStreams(List<Expected> expected, List<TcpStreams.Connection> rebuilt) {
        for (Expected connection : expected) {
            InetSocketAddress local = (InetSocketAddress) connection.local();
            InetSocketAddress remote = (InetSocketAddress) connection.remote();
            TcpStreams.Connection found = rebuilt.stream().filter(c -> c.involves(local, remote)).findFirst()
                    .orElseThrow(() -> new AssertionError("no TCP connection " + local + " <-> " + remote));
            assertArrayEquals(connection.sent(), found.from(local).bytes(), "bytes " + local + " -> " + remote);
            assertArrayEquals(connection.received(), found.from(remote).bytes(), "bytes " + remote + " -> " + local);
        }
        assertTrue(rebuilt.size() >= expected.size(), "connections rebuilt: " + rebuilt.size());
    }

    /** Each ConnectionClosed among the events shows as the FIN exchange or RST its reason calls for. */
    static void assertCloses(List<? extends NetEvent> events, List<TcpStreams.Connection> rebuilt) {
        for (NetEvent event : events) {
            if (!(event instanceof ConnectionClosed closed) || !(closed.local() instanceof InetSocketAddress local)) {
                continue;
            }
            InetSocketAddress remote = (InetSocketAddress) closed.remote();
            TcpStreams.Connection connection = rebuilt.stream().filter(c -> c.involves(local, remote))
                    .reduce((first, second) -> second).orElseThrow();
            assertTrue(connection.closed, "closed: " + closed);
            TcpStreams.Direction ours = connection.from(local);
            TcpStreams.Direction theirs = connection.from(remote);
            switch (closed.reason()) {
                case RESET -> assertTrue(theirs.rst && !ours.rst, "the peer's RST for " + closed);
                case PEER_CLOSED -> assertTrue(theirs.fin && ours.fin, "FINs both ways for " + closed);
                case ERROR -> assertTrue(ours.rst, "our RST for " + closed);
                default -> assertTrue(closed.detail().startsWith("RST sent") ? ours.rst && !theirs.rst
                        : ours.fin && theirs.fin, "our close for " + closed);
            }
        }
    }

    /** Every packet has the time of an event, and every event that made packets has a packet at its time. */
    static void assertTimes(List<? extends NetEvent> written, List<PcapngReader.Packet> packets) {
        java.util.Set<Long> eventTimes = new java.util.HashSet<>();
        written.forEach(event -> eventTimes.add(micros(event.time())));
        java.util.Set<Long> packetTimes = new java.util.HashSet<>();
        packets.forEach(packet -> packetTimes.add(packet.timestamp()));
        assertEquals(eventTimes, packetTimes, "packet times are the events' times to the microsecond");
    }
}
