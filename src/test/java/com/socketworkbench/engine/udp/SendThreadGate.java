package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passes events on, but holds the send thread inside the first {@link BytesSent} until {@link #open()}: a send thread
 * that cannot keep up (a slow name look-up, a full send buffer), so that later sends queue behind it. A stop's
 * interrupt lets it go too.
 */
final class SendThreadGate implements EventSink {
    private final EventSink next;
    private final AtomicBoolean first = new AtomicBoolean(true);
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    SendThreadGate(EventSink next) {
        this.next = next;
    }

    @Override
    public void emit(NetEvent event) {
        next.emit(event);
        if (event instanceof BytesSent && first.compareAndSet(true, false)) {
            held.countDown();
            try {
                open.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends one datagram from {@code endpoint} and returns once the send thread is held in its BytesSent. */
    void holdSendThreadOf(UdpEndpoint endpoint, int peerPort) throws InterruptedException {
        endpoint.send("127.0.0.1", peerPort, new byte[]{0});
        assertTrue(held.await(5, TimeUnit.SECONDS), "the send thread reached the gate");
    }

    void open() {
        open.countDown();
    }
}
