package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.Endpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported pcapng as Wireshark's own reader sees it: {@code tshark -r} opens it without a word on stderr,
 * finds no bad checksum and no TCP analysis problem, gives each packet its event's time, and "Follow TCP stream"
 * ({@code -z follow,tcp,raw,N}) rebuilds exactly the bytes of each direction. Runs only where tshark is on the
 * PATH; elsewhere it is skipped, saying so.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TsharkTest {
    /** tshark says this on stderr whenever it runs as root; it is about the user, not the file. */
    private static final String ROOT_WARNING = "Running as user \"root\"";
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 45_000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 40_999);

    @TempDir
    Path dir;

    @BeforeEach
    void needsTshark() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "tshark")));
        assumeTrue(found, "tshark is not on the PATH, so Wireshark's reading of the pcapng is not checked here"
                + " (install Wireshark's tshark to run it; the tests' own pcapng reader still checks the file)");
    }

    /** Runs tshark with {@code args}; returns stdout lines, failing on a non-zero exit or anything on stderr. */
    private List<String> tshark(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tshark"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "tshark", ".out");
        Path err = Files.createTempFile(dir, "tshark", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tshark did not finish within 60 s: " + command);
        }
        List<String> complaints = Files.readAllLines(err).stream().filter(l -> !l.startsWith(ROOT_WARNING))
                .filter(l -> !l.isBlank()).toList();
        assertEquals(List.of(), complaints, "tshark's stderr for " + command);
        assertEquals(0, process.exitValue(), "tshark's exit code for " + command);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    private static List<NetEvent> handMadeEvents() {
        Instant t = Instant.parse("2025-03-04T05:06:07.123456Z");
        InetSocketAddress client6 = new InetSocketAddress("::1", 45_001);
        InetSocketAddress server6 = new InetSocketAddress("::1", 40_998);
        LoopbackTraffic random = new LoopbackTraffic(5);
        return List.of(
                new ConnectionOpened(t, 1, CLIENT, SERVER),
                new BytesSent(t.plusNanos(1_000), 1, CLIENT, SERVER, random.bytes(1)),
                new BytesReceived(t.plusNanos(2_000), 1, CLIENT, SERVER, random.bytes(200_000)),
                new BytesSent(t.plusNanos(3_000), 1, CLIENT, SERVER, random.bytes(65_535)),
                new BytesSent(t.plusNanos(4_000), 1, CLIENT, SERVER, random.bytes(1_500_000)),
                new ConnectionClosed(t.plusNanos(5_000), 1, CLIENT, SERVER, CloseReason.LOCAL_CLOSE, ""),
                new BytesReceived(t.plusNanos(6_000), 2, server6, client6, random.bytes(70_000)),
                new BytesSent(t.plusNanos(7_000), 2, server6, client6, random.bytes(10)),
                new ConnectionClosed(t.plusNanos(8_000), 2, server6, client6, CloseReason.RESET, ""));
    }

    @Test
    void tsharkOpensTheExportAndFollowTcpStreamRebuildsEachDirection() throws Exception {
        List<NetEvent> events = new ArrayList<>(handMadeEvents());
        events.addAll(new LoopbackTraffic(6).tcpServerSession("127.0.0.1", 1, 65_535, 200_000));
        Path file = dir.resolve("tcp.pcapng");
        PcapngExport.write(events, CaptureTransport.TCP, file);
        int packets = PcapngReader.read(file).packets().size();

        assertEquals(packets, tshark("-r", file.toString()).size(), "one summary line per packet");
        assertEquals(List.of(), tshark("-r", file.toString(), "-o", "ip.check_checksum:TRUE",
                "-o", "tcp.check_checksum:TRUE", "-Y", "ip.checksum.status == 0 || tcp.checksum.status == 0"
                        + " || tcp.analysis.flags", "-T", "fields", "-e", "frame.number"),
                "no bad checksum, no TCP analysis flag (lost segment, window full, duplicate ACK...)");
        List<CaptureChecks.Expected> expected = CaptureChecks.expectedTcp(events);
        for (int stream = 0; stream < expected.size(); stream++) {
            Map<String, byte[]> followed = follow("tcp", file, stream);
            CaptureChecks.Expected match = expected.stream().filter(e -> followed.containsKey(key(e.local()))
                    && followed.containsKey(key(e.remote()))).findFirst()
                    .orElseThrow(() -> new AssertionError("no events for stream " + followed.keySet()));
            assertArrayEquals(match.sent(), followed.get(key(match.local())), "stream from " + match.local());
            assertArrayEquals(match.received(), followed.get(key(match.remote())), "stream from " + match.remote());
        }
    }

    @Test
    void tsharkReadsEachDatagramWithItsBytesAndTime() throws Exception {
        List<NetEvent> events = new LoopbackTraffic(7).udpSession("127.0.0.1", 0, 1, 1_000, 65_507).getFirst();
        Path file = dir.resolve("udp.pcapng");
        PcapngExport.write(events, CaptureTransport.UDP, file);
        List<DataEvent> data = events.stream().filter(DataEvent.class::isInstance).map(DataEvent.class::cast)
                .toList();

        List<String> rows = tshark("-r", file.toString(), "-o", "udp.check_checksum:TRUE", "-T", "fields",
                "-E", "separator=;", "-e", "frame.time_epoch", "-e", "udp.checksum.status", "-e", "udp.payload");

        assertEquals(data.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] fields = rows.get(i).split(";", -1);
            long micros = CaptureChecks.micros(data.get(i).time());
            assertEquals(String.format("%d.%06d000", micros / 1_000_000, micros % 1_000_000), fields[0]);
            assertEquals("1", fields[1], "checksum good");
            assertArrayEquals(data.get(i).data(), HexCodec.parse(fields[2].replace(":", "")));
        }
    }

    @Test
    void tsharkSeesTheEventTimesToTheMicrosecond() throws Exception {
        List<NetEvent> events = handMadeEvents();
        Path file = dir.resolve("times.pcapng");
        PcapngExport.write(events, CaptureTransport.TCP, file);

        List<String> times = tshark("-r", file.toString(), "-T", "fields", "-e", "frame.time_epoch");

        List<Long> expected = PcapngReader.read(file).packets().stream().map(PcapngReader.Packet::timestamp)
                .toList();
        assertEquals(expected.size(), times.size());
        for (int i = 0; i < times.size(); i++) {
            long micros = expected.get(i);
            assertEquals(String.format("%d.%06d000", micros / 1_000_000, micros % 1_000_000), times.get(i));
        }
        assertTrue(expected.contains(CaptureChecks.micros(events.get(4).time())));
    }

    /** {@code -z follow,PROTO,raw,N}: each node's bytes, keyed "address:port" as tshark writes the node. */
    private Map<String, byte[]> follow(String protocol, Path file, int stream) throws Exception {
        List<String> lines = tshark("-r", file.toString(), "-q", "-z", "follow," + protocol + ",raw," + stream);
        Map<String, StringBuilder> hex = new HashMap<>();
        String node0 = null;
        String node1 = null;
        for (String line : lines) {
            if (line.startsWith("Node 0: ")) {
                node0 = line.substring(8);
            } else if (line.startsWith("Node 1: ")) {
                node1 = line.substring(8);
            } else if (node1 != null && !line.startsWith("=") && !line.isBlank()) {
                boolean second = line.startsWith("\t");
                hex.computeIfAbsent(second ? node1 : node0, n -> new StringBuilder()).append(line.strip());
            }
        }
        assertTrue(node0 != null && node1 != null, "follow output names both nodes: " + lines);
        Map<String, byte[]> bytes = new HashMap<>();
        bytes.put(node0, new byte[0]);
        bytes.put(node1, new byte[0]);
        for (Map.Entry<String, StringBuilder> entry : hex.entrySet()) {
            bytes.put(entry.getKey(), HexCodec.parse(entry.getValue().toString()));
        }
        return bytes;
    }

    /** An address as tshark's follow output names it: "127.0.0.1:5000", "[::1]:5000". */
    private static String key(SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        String host = inet.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + Endpoints.addressText(inet.getAddress())
                + "]" : host) + ":" + inet.getPort();
    }
}
