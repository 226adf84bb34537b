package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The recorder: a flood rotated over many files with every event in order, clean stops, and failures. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PcapngRecorderTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 7_000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 7_001);
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07Z");

    @TempDir
    Path dir;

    private final List<NetEvent> reported = new CopyOnWriteArrayList<>();

    private static RecorderConfig small(Path file, CaptureTransport transport) {
        return RecorderConfig.of(file, transport).withMaxFileBytes(64 * 1024)
                .withQueueBytes(RecorderConfig.MIN_QUEUE_BYTES);
    }

    /** A datagram saying which producer sent it and its number with that producer, padded to {@code size}. */
    private static DataEvent datagram(int producer, int number, int size) {
        ByteBuffer payload = ByteBuffer.allocate(size).putInt(producer).putInt(number);
        return new BytesSent(T0.plusNanos(number * 1_000L), 1, LOCAL, PEER, payload.array());
    }

    @Test
    void aFloodFromSeveralThreadsIsRecordedWholeAndInOrderAcrossRotatedFiles() throws Exception {
        int producers = 4;
        int perProducer = 5_000;
        PcapngRecorder recorder = PcapngRecorder.start(small(dir.resolve("flood.pcapng"), CaptureTransport.UDP),
                reported::add);
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread.ofVirtual().name("producer-" + p).start(() -> {
                for (int n = 0; n < perProducer; n++) {
                    recorder.emit(datagram(producer, n, 64 + n % 64));
                }
                done.countDown();
            });
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "producers finished");

        RecordingSummary summary = recorder.stop().get(60, TimeUnit.SECONDS);

        assertEquals(producers * perProducer, summary.eventsRecorded());
        assertEquals(0, summary.notRecorded());
        assertNull(summary.failure());
        assertFalse(recorder.isRecording());
        assertEquals(List.of(), reported, "no failure");
        assertTrue(summary.files().size() > 10, "rotated: " + summary.files().size() + " files");
        for (int i = 0; i < summary.files().size(); i++) {
            Path file = summary.files().get(i);
            assertEquals(recorder.config().fileNumber(i), file);
            assertTrue(Files.size(file) <= 64 * 1024, file + " within the limit: " + Files.size(file));
        }
        assertEquals(summary.bytes(), summary.files().stream().mapToLong(f -> f.toFile().length()).sum());
        int[] next = new int[producers];
        List<PcapngReader.Packet> packets = CaptureChecks.readAll(summary.files());
        assertEquals(producers * perProducer, packets.size());
        for (PcapngReader.Packet packet : packets) {
            ByteBuffer payload = ByteBuffer.wrap(DecodedPacket.decode(packet.data()).payload());
            int producer = payload.getInt();
            assertEquals(next[producer]++, payload.getInt(), "producer " + producer + "'s events in order");
            assertEquals(64 + (next[producer] - 1) % 64, payload.capacity());
        }
    }

    @Test
    void tcpConnectionsSpanningRotatedFilesRebuildWholeAndEachFileStandsAlone() throws Exception {
        Random random = new Random(9);
        InetSocketAddress server = new InetSocketAddress("::1", 5_000);
        List<NetEvent> events = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            events.add(new ConnectionAccepted(T0, c, server, new InetSocketAddress("::1", 40_000 + c)));
        }
        for (int i = 0; i < 300; i++) {
            int c = 1 + random.nextInt(3);
            byte[] data = new byte[random.nextInt(4) == 0 ? 20_000 : random.nextInt(500)];
            random.nextBytes(data);
            InetSocketAddress peer = new InetSocketAddress("::1", 40_000 + c);
            events.add(random.nextBoolean() ? new BytesReceived(T0.plusMillis(i), c, server, peer, data)
                    : new BytesSent(T0.plusMillis(i), c, server, peer, data));
        }
        events.add(new ConnectionClosed(T0.plusSeconds(1), 2, server, new InetSocketAddress("::1", 40_002),
                CloseReason.PEER_CLOSED, ""));
        events.add(new Notice(T0.plusSeconds(1), 2, server, null, "not a packet"));

        RecordingSummary summary;
        try (PcapngRecorder recorder = PcapngRecorder.start(small(dir.resolve("tcp.pcapng"), CaptureTransport.TCP),
                reported::add)) {
            events.forEach(recorder::emit);
            summary = recorder.stop().get(60, TimeUnit.SECONDS);
        }

        long empty = events.stream().filter(e -> e instanceof DataEvent d && d.data().length == 0).count();
        assertEquals(events.size() - 1 - empty, summary.eventsRecorded());
        assertEquals(1, summary.skipped().get(SkipReason.NO_PACKET));
        assertEquals(empty, summary.skipped().getOrDefault(SkipReason.NO_BYTES, 0L));
        assertTrue(summary.files().size() > 3, "rotated: " + summary.files().size());
        List<TcpStreams.Connection> whole = TcpStreams.rebuild(CaptureChecks.decode(
                CaptureChecks.readAll(summary.files())));
        CaptureChecks.assertStreams(CaptureChecks.expectedTcp(events), whole);
        assertTrue(whole.stream().allMatch(c -> c.handshakes == summary.files().size() || c.closed),
                "open connections get a handshake in every file");
        for (Path file : summary.files().subList(1, summary.files().size())) {
            List<PcapngReader.Packet> packets = PcapngReader.read(file).packets();
            assertEquals(PacketSynthesizer.RESUMED_HANDSHAKE, packets.getFirst().comment(), file.toString());
            TcpStreams.rebuild(CaptureChecks.decode(packets)); // each file alone: no segment outside a connection
        }
    }

    @Test
    void stoppingFlushesEverythingAndLaterEventsAreCountedNotRecorded() throws Exception {
        PcapngRecorder recorder = PcapngRecorder.start(RecorderConfig.of(dir.resolve("s.pcapng"),
                CaptureTransport.UDP).withComment("UDP tab"), reported::add);
        for (int n = 0; n < 10; n++) {
            recorder.emit(datagram(0, n, 100));
        }
        assertTrue(recorder.isRecording());

        RecordingSummary summary = recorder.stop().get(30, TimeUnit.SECONDS);
        recorder.emit(datagram(0, 10, 100));
        recorder.close();

        assertEquals(10, summary.eventsRecorded());
        assertEquals(10, recorder.eventsRecorded());
        assertEquals(10, CaptureChecks.readAll(summary.files()).size());
        assertTrue(PcapngReader.read(summary.files().getFirst()).sectionOption(1).endsWith("UDP tab"));
        assertEquals(0, summary.notRecorded());
        assertEquals(1, recorder.eventsNotRecorded(), "the event after the stop");
        assertEquals("Recorded 10 events in s.pcapng (" + String.format("%,d", Files.size(summary.files().getFirst()))
                + " bytes)", summary.describe());
    }

    @Test
    void aFileThatCannotBeCreatedFailsTheStartWithOneFailure() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = notAFolder.resolve("capture.pcapng");

        CaptureFileException error = assertThrows(CaptureFileException.class,
                () -> PcapngRecorder.start(RecorderConfig.of(target, CaptureTransport.TCP), reported::add));

        assertEquals(1, reported.size());
        Failure failure = assertInstanceOf(Failure.class, reported.getFirst());
        assertEquals(Operation.START, failure.operation());
        assertEquals(FailureKind.INVALID_INPUT, failure.kind());
        assertEquals(error.kind(), failure.kind());
        assertEquals("Recording could not start: Cannot write " + target + ": a part of the path is a file, not a"
                + " folder", failure.message());
    }

    @Test
    void aReadOnlyFolderFailsTheStartWithPermissionDenied() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")),
                "root writes into read-only folders, so this runs only as another user");
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThrows(CaptureFileException.class, () -> PcapngRecorder.start(
                    RecorderConfig.of(readOnly.resolve("c.pcapng"), CaptureTransport.TCP), reported::add));

            assertEquals(1, reported.size());
            assertEquals(FailureKind.PERMISSION_DENIED, ((Failure) reported.getFirst()).kind());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFullDiskStopsTheRecordingWithOneFailureAndNeverBlocksTheProducer() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full to stand for a full disk");
        Path link = Files.createSymbolicLink(dir.resolve("full.pcapng"), full);
        PcapngRecorder recorder = PcapngRecorder.start(RecorderConfig.of(link, CaptureTransport.UDP)
                .withQueueBytes(RecorderConfig.MIN_QUEUE_BYTES), reported::add);

        for (int n = 0; n < 10_000; n++) {
            recorder.emit(datagram(0, n, 1_000));
        }
        RecordingSummary summary = recorder.completion().get(30, TimeUnit.SECONDS);

        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !reported.isEmpty());
        assertEquals(1, reported.size(), "exactly one Failure: " + reported);
        Failure failure = assertInstanceOf(Failure.class, reported.getFirst());
        assertEquals(FailureKind.LIMIT_EXCEEDED, failure.kind());
        assertTrue(failure.message().startsWith("Recording stopped: Cannot write " + link + ": the disk is full"),
                failure.message());
        assertEquals(failure, summary.failure());
        assertEquals(failure, recorder.failure().orElseThrow());
        assertFalse(recorder.isRecording());
        assertEquals(10_000, summary.eventsRecorded() + recorder.eventsNotRecorded() + summary.eventsSkipped(),
                "every event is accounted for");
        assertTrue(summary.notRecorded() > 0 && summary.notRecorded() <= recorder.eventsNotRecorded());
        recorder.close();
    }

    @Test
    void aRotatedFileThatCannotBeCreatedStopsTheRecordingAndKeepsTheFirstFileWhole() throws Exception {
        RecorderConfig config = small(dir.resolve("r.pcapng"), CaptureTransport.UDP);
        Files.createDirectory(config.fileNumber(1));
        PcapngRecorder recorder = PcapngRecorder.start(config, reported::add);

        for (int n = 0; n < 2_000; n++) {
            recorder.emit(datagram(0, n, 200));
        }
        RecordingSummary summary = recorder.completion().get(30, TimeUnit.SECONDS);

        assertEquals(1, reported.size());
        assertEquals(FailureKind.INVALID_INPUT, ((Failure) reported.getFirst()).kind());
        assertTrue(((Failure) reported.getFirst()).message().contains(config.fileNumber(1) + ": it is a folder"),
                ((Failure) reported.getFirst()).message());
        assertEquals(List.of(config.file()), summary.files());
        List<PcapngReader.Packet> packets = CaptureChecks.readAll(summary.files());
        assertEquals(summary.eventsRecorded(), packets.size());
        assertTrue(packets.size() > 100, "the first file holds the events before the rotation");
        for (int n = 0; n < packets.size(); n++) {
            assertArrayEquals(datagram(0, n, 200).data(), DecodedPacket.decode(packets.get(n).data()).payload());
        }
        assertEquals(2_000, summary.eventsRecorded() + recorder.eventsNotRecorded());
    }

    @Test
    void aUdpEndpointTeedIntoTheRecorderHasEveryDatagramItReceivedInTheFile() throws Exception {
        List<NetEvent> seen = new CopyOnWriteArrayList<>();
        int count = 2_000;
        RecordingSummary summary;
        try (PcapngRecorder recorder = PcapngRecorder.start(small(dir.resolve("udp.pcapng"), CaptureTransport.UDP),
                reported::add);
             UdpEndpoint sender = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), event -> { });
             UdpEndpoint receiver = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), event -> {
                 recorder.emit(event);
                 seen.add(event);
             })) {
            sender.start();
            InetSocketAddress target = receiver.start();
            for (int n = 0; n < count; n++) {
                sender.send(target, datagram(0, n, 100).data()).get(10, TimeUnit.SECONDS);
            }
            await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> seen.stream().filter(BytesReceived.class::isInstance).count() == count);
            summary = recorder.stop().get(30, TimeUnit.SECONDS);
        }

        List<DataEvent> received = seen.stream().filter(BytesReceived.class::isInstance).map(DataEvent.class::cast)
                .toList();
        List<PcapngReader.Packet> packets = CaptureChecks.readAll(summary.files());
        assertEquals(count, packets.size());
        for (int n = 0; n < count; n++) {
            assertArrayEquals(received.get(n).data(), DecodedPacket.decode(packets.get(n).data()).payload());
            assertEquals(CaptureChecks.micros(received.get(n).time()), packets.get(n).timestamp());
        }
    }

    @Test
    void rotatedFilesAreNumberedBeforeTheExtension() {
        RecorderConfig config = RecorderConfig.of(dir.resolve("cap.v2.pcapng"), CaptureTransport.TCP);
        assertEquals(dir.resolve("cap.v2.pcapng"), config.fileNumber(0));
        assertEquals(dir.resolve("cap.v2-1.pcapng"), config.fileNumber(1));
        assertEquals(dir.resolve("capture-12"), RecorderConfig.of(dir.resolve("capture"), CaptureTransport.TCP)
                .fileNumber(12));
        assertThrows(IllegalArgumentException.class, () -> config.withMaxFileBytes(100));
        assertThrows(IllegalArgumentException.class, () -> config.withQueueBytes(100));
    }
}
