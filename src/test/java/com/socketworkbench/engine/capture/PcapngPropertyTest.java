package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random event lists, seeded so a failure repeats: several interleaved TCP connections (IPv4 and IPv6, opened by
 * either side or seen only mid-stream, closed in every way or left open) with payload sizes that include the edges
 * (0, 1, one segment exactly, one byte over, 65,535, 200,000), and UDP datagrams of random sizes up to the largest.
 * Whatever the mix, every direction reassembles to exactly its bytes and every datagram is there.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PcapngPropertyTest {
    private static final int[] EDGE_SIZES = {0, 1, 2, TcpFlow.MAX_SEGMENT - 1, TcpFlow.MAX_SEGMENT,
            TcpFlow.MAX_SEGMENT + 1, 65_535, 200_000};
    private static final CloseReason[] REASONS = CloseReason.values();

    @TempDir
    Path dir;

    private static int size(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> EDGE_SIZES[random.nextInt(EDGE_SIZES.length)];
            case 1 -> random.nextInt(100);
            default -> random.nextInt(150_000);
        };
    }

    private static byte[] bytes(Random random, int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void interleavedTcpConnectionsAlwaysRebuildExactly(long seed) throws Exception {
        Random random = new Random(seed);
        Instant time = Instant.parse("2025-01-01T00:00:00Z").plusNanos(random.nextInt(1_000_000_000));
        int connections = 2 + random.nextInt(4);
        List<InetSocketAddress[]> ends = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        List<NetEvent> events = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            boolean v6 = random.nextBoolean();
            String host = v6 ? "::1" : "127.0.0." + (1 + random.nextInt(5));
            InetSocketAddress local = new InetSocketAddress(host, 1_024 + random.nextInt(60_000));
            InetSocketAddress remote = new InetSocketAddress(v6 ? "::1" : "127.0.0.9", 1_024 + c);
            ends.add(new InetSocketAddress[] {local, remote});
            closed.add(false);
            switch (random.nextInt(3)) {
                case 0 -> events.add(new ConnectionOpened(time, c + 1, local, remote));
                case 1 -> events.add(new ConnectionAccepted(time, c + 1, local, remote));
                default -> { } // seen mid-stream only
            }
        }
        int rows = 10 + random.nextInt(30);
        long totalBytes = 0;
        for (int i = 0; i < rows && totalBytes < 3_000_000; i++) {
            int c = random.nextInt(connections);
            if (closed.get(c)) {
                continue;
            }
            time = time.plusNanos(random.nextInt(5_000_000));
            InetSocketAddress local = ends.get(c)[0];
            InetSocketAddress remote = ends.get(c)[1];
            if (random.nextInt(12) == 0) {
                events.add(new ConnectionClosed(time, c + 1, local, remote, REASONS[random.nextInt(REASONS.length)],
                        random.nextBoolean() ? "RST sent (abort: SO_LINGER 0)" : ""));
                closed.set(c, true);
                continue;
            }
            byte[] data = bytes(random, size(random));
            totalBytes += data.length;
            events.add(random.nextBoolean() ? new BytesSent(time, c + 1, local, remote, data)
                    : new BytesReceived(time, c + 1, local, remote, data));
        }
        Path file = dir.resolve("random-" + seed + ".pcapng");

        ExportSummary summary = PcapngExport.write(events, CaptureTransport.TCP, file);

        long empty = events.stream().filter(e -> e instanceof DataEvent d && d.data().length == 0).count();
        assertEquals(events.size() - empty, summary.eventsWritten());
        List<PcapngReader.Packet> packets = CaptureChecks.readAll(List.of(file));
        List<TcpStreams.Connection> rebuilt = TcpStreams.rebuild(CaptureChecks.decode(packets));
        CaptureChecks.assertStreams(CaptureChecks.expectedTcp(events), rebuilt);
        CaptureChecks.assertCloses(events, rebuilt);
        CaptureChecks.assertTimes(events.stream().filter(e -> !(e instanceof DataEvent d && d.data().length == 0))
                .toList(), packets);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void everyDatagramIsThereWithItsBytes(long seed) throws Exception {
        Random random = new Random(seed);
        InetSocketAddress local = new InetSocketAddress(seed % 2 == 0 ? "::1" : "127.0.0.1", 7_000);
        InetSocketAddress peer = new InetSocketAddress(seed % 2 == 0 ? "::1" : "127.0.0.1", 7_001);
        int largest = seed % 2 == 0 ? 65_527 : 65_507;
        List<DataEvent> events = new ArrayList<>();
        Instant time = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 200; i++) {
            int size = random.nextInt(10) == 0 ? largest : random.nextInt(2_000);
            time = time.plusNanos(random.nextInt(1_000_000));
            byte[] data = bytes(random, size);
            events.add(random.nextBoolean() ? new BytesSent(time, 1, local, peer, data)
                    : new BytesReceived(time, 1, local, peer, data));
        }
        Path file = dir.resolve("udp-" + seed + ".pcapng");

        assertEquals(events.size(), PcapngExport.write(events, CaptureTransport.UDP, file).eventsWritten());

        List<PcapngReader.Packet> packets = CaptureChecks.readAll(List.of(file));
        assertEquals(events.size(), packets.size());
        for (int i = 0; i < events.size(); i++) {
            DecodedPacket packet = DecodedPacket.decode(packets.get(i).data());
            assertArrayEquals(events.get(i).data(), packet.payload());
            assertEquals(events.get(i).incoming() ? peer : local, packet.source());
            assertEquals(CaptureChecks.micros(events.get(i).time()), packets.get(i).timestamp());
        }
    }
}
