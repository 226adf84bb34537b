package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.NetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A quick measurement, not a test: how many events and megabytes a second the recorder sustains on this machine for
 * 64 B datagrams and for 256 KiB TCP reads, one producer emitting as fast as it can (the time runs from the first
 * emit until the last file is closed). Files go to a temporary folder that is deleted afterwards. Run with
 * {@code java -cp target/test-classes:target/classes:<deps> com.socketworkbench.engine.capture.RecorderThroughput}.
 */
public final class RecorderThroughput {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderThroughput.class);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5_000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40_000);

    private RecorderThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (int round = 1; round <= rounds; round++) {
            measure("UDP 64 B datagrams", CaptureTransport.UDP, 2_000_000, 64,
                    n -> new BytesReceived(Instant.now(), 1, LOCAL, PEER, new byte[64]));
            byte[] block = new byte[256 * 1024];
            new java.util.Random(1).nextBytes(block);
            measure("TCP 256 KiB reads", CaptureTransport.TCP, 4_000, block.length,
                    n -> new BytesReceived(Instant.now(), 1, LOCAL, PEER, block));
        }
    }

    private static void measure(String name, CaptureTransport transport, int events, int payload,
                                IntFunction<NetEvent> event) throws Exception {
        Path folder = Files.createTempDirectory("swb-recorder-throughput");
        try {
            RecorderConfig config = RecorderConfig.of(folder.resolve("r.pcapng"), transport);
            long[] cpuBefore = processCpu();
            long start = System.nanoTime();
            PcapngRecorder recorder = PcapngRecorder.start(config, failure -> LOG.error("{}", failure));
            if (transport == CaptureTransport.TCP) {
                recorder.emit(new ConnectionAccepted(Instant.now(), 1, LOCAL, PEER));
            }
            for (int n = 0; n < events; n++) {
                recorder.emit(event.apply(n));
            }
            RecordingSummary summary = recorder.stop().get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = processCpu();
            double gigabytes = summary.bytes() / 1e9;
            LOG.info("{}: {} events in {} s = {} events/s, payload {} MB/s, file {} MB/s ({} files, {} producer"
                            + " waits); process CPU per GB of file: {} s user, {} s kernel", name,
                    summary.eventsRecorded(), String.format("%.2f", seconds),
                    String.format("%,.0f", events / seconds), String.format("%.0f", (double) events * payload / seconds
                            / 1e6), String.format("%.0f", summary.bytes() / seconds / 1e6), summary.files().size(),
                    summary.producerWaits(), String.format("%.3f", (cpuAfter[0] - cpuBefore[0]) / 100.0 / gigabytes),
                    String.format("%.3f", (cpuAfter[1] - cpuBefore[1]) / 100.0 / gigabytes));
        } finally {
            deleteAll(folder);
        }
    }

    /**
     * The process's user and kernel CPU in clock ticks (1/100 s) from /proc/self/stat (Linux; zeros elsewhere): the
     * producer only hands over ready events, so this is mostly the writer's (checksum and copies, and the file writes).
     */
    private static long[] processCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
