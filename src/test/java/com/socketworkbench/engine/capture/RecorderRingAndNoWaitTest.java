package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.NetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the capture UI added to the recorder: keeping only the newest N files, and a put that never waits for a thread
 * that must not block (the FX thread), in order with the others.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecorderRingAndNoWaitTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 7_000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 7_001);

    @TempDir
    Path dir;

    private static NetEvent datagram(int number, int size) {
        return new BytesReceived(Instant.now(), 1, LOCAL, PEER, ByteBuffer.allocate(size).putInt(number).array());
    }

    @Test
    void keepFilesDeletesTheOldestAndTheLastFilesHoldTheNewestEvents() throws Exception {
        Path first = dir.resolve("ring.pcapng");
        RecorderConfig config = RecorderConfig.of(first, CaptureTransport.UDP).withMaxFileBytes(16 * 1024)
                .withKeepFiles(3);
        PcapngRecorder recorder = PcapngRecorder.start(config, event -> { });
        int count = 2_000;
        Thread.ofVirtual().start(() -> {
            for (int i = 0; i < count; i++) {
                recorder.emit(datagram(i, 200));
            }
        }).join();
        RecordingSummary summary = recorder.stop().get(30, TimeUnit.SECONDS);

        assertEquals(3, summary.files().size(), "only the newest three files are kept: " + summary.files());
        assertTrue(summary.filesDeleted() > 0);
        int opened = summary.filesDeleted() + 3;
        assertEquals(config.fileNumber(opened - 1), summary.files().getLast());
        assertFalse(Files.exists(first), "the first file was deleted");
        try (var listing = Files.list(dir)) {
            assertEquals(3, listing.filter(f -> f.toString().endsWith(".pcapng")).count());
        }
        long onDisk = 0;
        for (Path file : summary.files()) {
            onDisk += Files.size(file);
        }
        assertEquals(onDisk, summary.bytes(), "bytes counts the files kept");
        assertEquals(count, summary.eventsRecorded());
        assertTrue(summary.describe().contains(summary.filesDeleted() + " older files deleted to keep the newest 3"),
                summary.describe());

        List<CaptureFileContents.Datagram> kept = CaptureFileContents.datagrams(summary.files());
        int last = ByteBuffer.wrap(kept.getLast().payload()).getInt();
        assertEquals(count - 1, last, "the newest datagram is in the last file");
        for (int i = 1; i < kept.size(); i++) {
            assertEquals(ByteBuffer.wrap(kept.get(i - 1).payload()).getInt() + 1,
                    ByteBuffer.wrap(kept.get(i).payload()).getInt(), "the kept files follow one another");
        }
    }

    @Test
    void aPutWithoutWaitingGetsPastAFullQueueInOrder() throws Exception {
        RecorderQueue queue = new RecorderQueue(RecorderConfig.MIN_QUEUE_BYTES);
        int fits = 0;
        while (RecorderQueue.cost(datagram(fits, 1_000)) * (fits + 1) <= RecorderConfig.MIN_QUEUE_BYTES) {
            assertTrue(queue.put(datagram(fits, 1_000)));
            fits++;
        }
        CountDownLatch waiting = new CountDownLatch(1);
        Thread blocked = Thread.ofVirtual().start(() -> {
            waiting.countDown();
            queue.put(datagram(-1, 1_000));
        });
        waiting.await();
        // The waiting put stays blocked while the queue is full; this one gets in at once.
        assertTrue(queue.putWithoutWaiting(datagram(fits, 1_000)));
        assertTrue(blocked.isAlive());

        List<NetEvent> drained = new ArrayList<>();
        while (drained.size() < fits + 2) {
            queue.drainTo(drained, 10_000);
        }
        blocked.join();
        for (int i = 0; i <= fits; i++) {
            assertEquals(i, ByteBuffer.wrap(((BytesReceived) drained.get(i)).data()).getInt());
        }
        queue.close();
        assertFalse(queue.putWithoutWaiting(datagram(0, 4)), "a closed queue takes nothing");
    }
}
