package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.testing.LiveHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, UDP's send queue: sends piled up behind a send thread that cannot keep up (held here by a
 * {@link SendThreadGate}) keep at most {@link UdpLimits#SEND_QUEUE_BYTES} of payload alive. 3,000 sends of 60,000
 * bytes would hold 180 MB in an unbounded queue: still within the hostile execution's heap, so the unbounded queue
 * fails the budget assertion rather than thrashing the collector until it runs out of memory (as 20,000 did).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpSendQueueHostileTest {
    @org.junit.jupiter.api.BeforeAll
    static void inTheSmallHeapOnly() {
        com.socketworkbench.testing.LiveHeap.requireHostileHeap();
    }

    private static final int SENDS = 3_000;
    private static final int PAYLOAD = 60_000;
    private static final long SLACK = 32L * 1024 * 1024;

    @Test
    void sendsPiledUpBehindAStalledSendThreadStayWithinTheQueueBudget() throws Exception {
        AtomicLong refused = new AtomicLong();
        AtomicLong otherFailures = new AtomicLong();
        EventSink counting = (NetEvent event) -> {
            if (event instanceof Failure failure) {
                (failure.kind() == FailureKind.LIMIT_EXCEEDED ? refused : otherFailures).incrementAndGet();
            }
        };
        SendThreadGate gate = new SendThreadGate(counting);
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), gate)) {
            endpoint.start();
            gate.holdSendThreadOf(endpoint, peer.getLocalPort());
            long baseline = liveHeapNow();
            long peak;
            try (LiveHeap heap = LiveHeap.watch()) {
                byte[] payload = new byte[PAYLOAD];
                for (int i = 0; i < SENDS; i++) {
                    endpoint.send("127.0.0.1", peer.getLocalPort(), payload);
                }
                peak = heap.peakBytes();
            }
            long queued = UdpLimits.SEND_QUEUE_BYTES / PAYLOAD;
            assertTrue(peak - baseline < UdpLimits.SEND_QUEUE_BYTES + SLACK, String.format("live heap grew by %,d "
                    + "bytes for %,d queued sends (budget %,d + slack %,d)", peak - baseline, queued,
                    UdpLimits.SEND_QUEUE_BYTES, SLACK));
            assertEquals(SENDS - queued, refused.get(), "every send past the budget is one LIMIT_EXCEEDED Failure");

            gate.open();
            await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.datagramsOut() == 1 + queued);
            assertEquals(0, otherFailures.get());
        } finally {
            gate.open();
        }
    }

    private static long liveHeapNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
