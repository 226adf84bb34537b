package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.runtime.EngineThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The held queue of one direction is bounded by items and by what they cost, not only by payload bytes: a flood of
 * empty or tiny datagrams with intercept on is dropped with Notices instead of growing the queue and the held list.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PipeBoundsTest {
    private final RecordingHolds holds = new RecordingHolds();
    private final EngineThreads threads = new EngineThreads();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final RelayControls controls = new RelayControls();
    private Pipe pipe;

    @AfterEach
    void tearDown() {
        if (pipe != null) {
            pipe.close();
        }
        assertTrue(threads.awaitTermination(Duration.ofSeconds(5)));
    }

    private Pipe datagramPipe() {
        controls.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        PairEnds ends = new PairEnds() {
            @Override
            public void forwarded(RelayDirection direction, byte[] data) {
            }

            @Override
            public void endForwarded(RelayDirection direction) {
            }

            @Override
            public boolean writeFailed(RelayDirection direction, IOException error) {
                return true;
            }

            @Override
            public void dropLimitReached(RelayDirection direction, long limit) {
            }

            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
        Outlet outlet = new Outlet() {
            @Override
            public void write(ByteBuffer data) {
            }

            @Override
            public boolean keepsBoundaries() {
                return true;
            }
        };
        return new Pipe(1, RelayDirection.CLIENT_TO_SERVER, controls, new Holds(holds), threads, "test-writer",
                ends, outlet, false);
    }

    @Test
    void emptyDatagramsAreBoundedByCount() {
        pipe = datagramPipe();
        int sent = Pipe.MAX_QUEUED_ITEMS + 500;
        for (int i = 0; i < sent; i++) {
            assertTrue(pipe.deliver(ByteBuffer.allocate(0)));
        }
        assertEquals(Pipe.MAX_QUEUED_ITEMS, holds.held().size());
        assertEquals(500, notices.size());
        assertTrue(notices.getFirst().startsWith("Dropped a datagram client → server (0 bytes)"), notices.getFirst());
    }

    @Test
    void eachItemCostsItsOverheadOnTopOfItsBytes() {
        pipe = datagramPipe();
        int size = 1_000;
        for (int i = 0; i < 4_000; i++) {
            pipe.deliver(ByteBuffer.allocate(size));
        }
        int fits = Pipe.MAX_QUEUED_BYTES / (size + Pipe.ITEM_OVERHEAD_BYTES);
        assertEquals(fits, holds.held().size(), "4 MiB with 64 bytes per item: fewer than 4,000 of 1,000 bytes");
        assertEquals(4_000 - fits, notices.size());
    }
}
