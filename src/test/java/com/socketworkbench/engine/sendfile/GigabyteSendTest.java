package com.socketworkbench.engine.sendfile;

import com.socketworkbench.engine.repeat.LoopbackPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB file goes over loopback TCP from a child JVM with a 512 MiB heap, and every byte arrives: the file is never
 * read whole and the send queue never holds it. The file is sparse, with a marker written every MiB so a chunk sent
 * twice, lost or out of order changes the CRC.
 */
class GigabyteSendTest {
    static final long SIZE = 1024L * 1024 * 1024;
    private static final long MARK_EVERY = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void oneGigabyteArrivesWholeFromA512MegabyteHeap() throws Exception {
        Path file = dir.resolve("gigabyte.bin");
        long expectedCrc = writeSparseFile(file);
        Path results = dir.resolve("results.txt");

        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                file.toString(), results.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(ended).as("child ended in time; its output: %s", log).isTrue();
        assertThat(child.exitValue()).as("child exit; its output: %s", log).isZero();

        String[] measured = Files.readString(results).strip().split(" ");
        assertThat(Long.parseLong(measured[0])).isEqualTo(SIZE);
        assertThat(Long.parseLong(measured[1])).isEqualTo(expectedCrc);
    }

    /** Writes the sparse file and returns its CRC-32, computed in place of reading it back. */
    private static long writeSparseFile(Path file) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(SIZE);
        }
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[(int) MARK_EVERY];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long offset = 0; offset < SIZE; offset += MARK_EVERY) {
                byte[] mark = mark(offset);
                channel.write(ByteBuffer.wrap(mark), offset);
                System.arraycopy(mark, 0, zeros, 0, mark.length);
                crc.update(zeros, 0, zeros.length);
            }
        }
        return crc.getValue();
    }

    private static byte[] mark(long offset) {
        return ("@" + offset + "@").getBytes(StandardCharsets.US_ASCII);
    }

    /** The child: sends the file through an engine TcpClient to a JDK peer; writes "bytes crc" to the results. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            try (LoopbackPeer peer = new LoopbackPeer()) {
                FileSender sender = FileSender.start(file, FileSendPlan.stream(0), peer.sink());
                FileSendOutcome outcome = sender.done().get(50, TimeUnit.SECONDS);
                if (outcome.ending() != FileSendOutcome.Ending.COMPLETED) {
                    throw new IllegalStateException("send ended " + outcome);
                }
                peer.closeClientAndDrain(Duration.ofSeconds(20));
                Files.writeString(Path.of(args[1]), peer.received() + " " + peer.crc());
            }
        }
    }
}
