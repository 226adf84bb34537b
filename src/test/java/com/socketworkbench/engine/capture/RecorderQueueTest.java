package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.NetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorder's queue: bounded by bytes, a full queue makes the producer wait, nothing dropped or reordered. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecorderQueueTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 1);

    private static NetEvent event(int size) {
        return new BytesSent(Instant.EPOCH, 1, A, A, new byte[size]);
    }

    private static Thread producer(RecorderQueue queue, NetEvent event, AtomicBoolean result) {
        return Thread.ofVirtual().start(() -> result.set(queue.put(event)));
    }

    @Test
    void aProducerWaitsWhileTheQueueIsFullAndGetsInOnceTheWriterTakesSome() throws Exception {
        RecorderQueue queue = new RecorderQueue(10_000);
        NetEvent first = event(9_000);
        NetEvent second = event(2_000);
        assertTrue(queue.put(first));
        AtomicBoolean accepted = new AtomicBoolean();

        Thread waiting = producer(queue, second, accepted);

        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.WAITING);
        assertFalse(accepted.get(), "not in while the queue is full");
        List<NetEvent> batch = new ArrayList<>();
        assertEquals(1, queue.drainTo(batch, 10));
        waiting.join(Duration.ofSeconds(10));
        assertTrue(accepted.get());
        assertEquals(1, queue.drainTo(batch, 10));
        assertEquals(List.of(first, second), batch);
        assertEquals(1, queue.waits());
        assertEquals(2, queue.accepted());
    }

    @Test
    void anEventLargerThanTheWholeQueueGetsInWhenTheQueueIsEmpty() {
        RecorderQueue queue = new RecorderQueue(1_000);
        NetEvent huge = event(1_000_000);

        assertTrue(queue.put(huge));

        List<NetEvent> batch = new ArrayList<>();
        queue.drainTo(batch, 1);
        assertSame(huge, batch.getFirst());
        assertEquals(0, queue.waits());
    }

    @Test
    void closingWakesAWaitingProducerWhoseEventIsRefusedButKeepsWhatIsQueued() throws Exception {
        RecorderQueue queue = new RecorderQueue(1_000);
        NetEvent queued = event(900);
        queue.put(queued);
        AtomicBoolean accepted = new AtomicBoolean(true);
        Thread waiting = producer(queue, event(900), accepted);
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.WAITING);

        queue.close();

        waiting.join(Duration.ofSeconds(10));
        assertFalse(accepted.get());
        List<NetEvent> batch = new ArrayList<>();
        assertEquals(1, queue.drainTo(batch, 10));
        assertEquals(0, queue.drainTo(batch, 10), "closed and empty");
        assertFalse(queue.put(event(1)));
    }

    @Test
    void abortingDropsWhatIsQueued() {
        RecorderQueue queue = new RecorderQueue(10_000);
        queue.put(event(10));
        queue.put(event(10));

        assertEquals(2, queue.abort());

        assertEquals(0, queue.drainTo(new ArrayList<>(), 10));
    }
}
