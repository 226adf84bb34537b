package com.socketworkbench.engine.sendfile;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.repeat.LoopbackPeer;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FileSenderTest {
    @TempDir
    Path dir;
    private LoopbackPeer peer;
    private FileSender sender;

    @AfterEach
    void tearDown() throws Exception {
        if (sender != null) {
            sender.cancel();
            sender.done().get(5, TimeUnit.SECONDS);
        }
        if (peer != null) {
            peer.close();
        }
    }

    private Path randomFile(int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return Files.write(dir.resolve("data.bin"), bytes);
    }

    private static long crcOf(Path file) throws Exception {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    @Test
    void aFileArrivesByteExactOverTcp() throws Exception {
        Path file = randomFile(5 * 1024 * 1024 + 123);
        peer = new LoopbackPeer();
        sender = FileSender.start(file, FileSendPlan.stream(0), peer.sink());

        FileSendOutcome outcome = sender.done().get(20, TimeUnit.SECONDS);
        peer.closeClientAndDrain(Duration.ofSeconds(10));

        assertThat(outcome.ending()).isEqualTo(FileSendOutcome.Ending.COMPLETED);
        assertThat(outcome.sent()).isEqualTo(Files.size(file));
        assertThat(outcome.sends()).isEqualTo(81);
        assertThat(sender.progress().fraction()).isEqualTo(1.0);
        assertThat(peer.received()).isEqualTo(Files.size(file));
        assertThat(peer.crc()).isEqualTo(crcOf(file));
    }

    @Test
    void udpSplitsTheFileIntoDatagramsOfTheChosenSize() throws Exception {
        Path file = randomFile(2_500);
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), EventSink.NONE)) {
            receiver.setSoTimeout(10_000);
            endpoint.start();
            int port = receiver.getLocalPort();
            sender = FileSender.start(file, FileSendPlan.datagrams(1_000, 0),
                    chunk -> endpoint.send("127.0.0.1", port, chunk));

            assertThat(sender.done().get(10, TimeUnit.SECONDS).sends()).isEqualTo(3);
            List<Integer> sizes = new ArrayList<>();
            CRC32 crc = new CRC32();
            for (int i = 0; i < 3; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
                receiver.receive(packet);
                sizes.add(packet.getLength());
                crc.update(packet.getData(), 0, packet.getLength());
            }
            assertThat(sizes).containsExactly(1_000, 1_000, 500);
            assertThat(crc.getValue()).isEqualTo(crcOf(file));
        }
    }

    @Test
    void aDatagramSizeOutsideItsLimitsIsRefusedInWords() {
        assertThatThrownBy(() -> FileSendPlan.datagrams(0, 0)).hasMessageContaining("65507");
        assertThatThrownBy(() -> FileSendPlan.datagrams(65_508, 0)).hasMessageContaining("65507");
    }

    /** 200 KiB in 8 KiB chunks at 400,000 B/s: the last chunk is due 0.49 s after the start. */
    @Test
    void theRateLimitRoughlyHolds() throws Exception {
        Path file = randomFile(200 * 1024);
        peer = new LoopbackPeer();
        sender = FileSender.start(file, new FileSendPlan(8 * 1024, 400_000, 4), peer.sink());

        FileSendOutcome outcome = sender.done().get(10, TimeUnit.SECONDS);
        FileSendProgress progress = sender.progress();

        assertThat(outcome.ending()).isEqualTo(FileSendOutcome.Ending.COMPLETED);
        assertThat(progress.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(470));
        assertThat(progress.bytesPerSecond()).isBetween(200_000.0, 440_000.0);
        peer.closeClientAndDrain(Duration.ofSeconds(10));
        assertThat(peer.crc()).isEqualTo(crcOf(file));
    }

    @Test
    void cancelEndsWithin200Milliseconds() throws Exception {
        Path file = randomFile(4 * 1024 * 1024);
        peer = new LoopbackPeer();
        sender = FileSender.start(file, new FileSendPlan(16 * 1024, 200_000, 4), peer.sink());
        await().atMost(Duration.ofSeconds(5)).until(() -> sender.progress().sent() > 0);
        assertThat(sender.progress().eta()).isPresent();

        long cancelAt = System.nanoTime();
        sender.cancel();
        FileSendOutcome outcome = sender.done().get(5, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt)).isLessThan(200);
        assertThat(outcome.ending()).isEqualTo(FileSendOutcome.Ending.CANCELLED);
        assertThat(outcome.sent()).isLessThan(Files.size(file));
    }

    @Test
    void aConnectionThatIsGoneFailsTheSendWithTheReason() throws Exception {
        Path file = randomFile(1024 * 1024);
        peer = new LoopbackPeer();
        peer.client().disconnect();
        await().atMost(Duration.ofSeconds(5)).until(() -> !peer.client().isConnected());
        sender = FileSender.start(file, FileSendPlan.stream(0), peer.sink());

        FileSendOutcome outcome = sender.done().get(5, TimeUnit.SECONDS);

        assertThat(outcome.ending()).isEqualTo(FileSendOutcome.Ending.FAILED);
        assertThat(outcome.reason()).isNotBlank();
    }

    @Test
    void anEmptyFileCompletesAtOnce() throws Exception {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);
        sender = FileSender.start(file, FileSendPlan.stream(0), chunk -> {
            throw new AssertionError("nothing to send");
        });

        assertThat(sender.done().get(5, TimeUnit.SECONDS).ending()).isEqualTo(FileSendOutcome.Ending.COMPLETED);
        assertThat(sender.progress().fraction()).isEqualTo(1.0);
    }
}
