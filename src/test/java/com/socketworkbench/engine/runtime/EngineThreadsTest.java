package com.socketworkbench.engine.runtime;

import com.socketworkbench.engine.event.Notice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineThreadsTest {

    @Test
    void threadsOfAFactoryAreNamedTrackedAndAwaited() throws InterruptedException {
        EngineThreads threads = new EngineThreads();
        ThreadFactory factory = threads.factory("worker-");
        CountDownLatch release = new CountDownLatch(1);
        Thread first = factory.newThread(() -> await(release));
        Thread second = factory.newThread(() -> await(release));
        assertEquals(List.of("worker-1", "worker-2"), List.of(first.getName(), second.getName()));
        assertTrue(first.isVirtual());
        assertEquals(2, threads.live().size(), "live from creation, before the executor starts them");

        first.start();
        second.start();
        assertFalse(threads.awaitTermination(Duration.ofMillis(50)), "both still wait");
        release.countDown();
        assertTrue(threads.awaitTermination(Duration.ofSeconds(5)));
        assertEquals(List.of(), threads.live());
    }

    @Test
    void anUnexpectedErrorEndsOnlyItsThreadAndIsNoLongerLive() {
        EngineThreads threads = new EngineThreads();
        threads.start("failing", () -> {
            throw new IllegalStateException("a bug");
        });
        assertTrue(threads.awaitTermination(Duration.ofSeconds(5)));
        assertEquals(List.of(), threads.live());
    }

    @Test
    void awaitingFromOneOfItsOwnThreadsDoesNotWaitForItself() throws InterruptedException {
        EngineThreads threads = new EngineThreads();
        boolean[] result = new boolean[1];
        Thread self = threads.start("self", () -> result[0] = threads.awaitTermination(Duration.ofSeconds(5)));
        assertTrue(self.join(Duration.ofSeconds(5)));
        assertTrue(result[0]);
    }

    @Test
    void aGuardedSinkSwallowsAndCountsItsDelegatesFailures() {
        GuardedSink sink = new GuardedSink(event -> {
            throw new IllegalStateException("broken sink");
        });
        for (int i = 0; i < 3; i++) {
            sink.emit(new Notice(Instant.now(), 1, null, null, "event " + i));
        }
        assertEquals(3, sink.failures());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
