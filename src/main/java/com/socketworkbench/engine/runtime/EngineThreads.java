package com.socketworkbench.engine.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts the named virtual threads of one engine component (a server, a client, an endpoint, an exchanger, a
 * resolver) and keeps the live ones, so that stop/close can wait for every one of them (virtual threads do not show
 * up in {@code Thread.getAllStackTraces()}). Every engine thread is started here, directly or through
 * {@link #factory}.
 */
public final class EngineThreads {
    private static final Logger LOG = LoggerFactory.getLogger(EngineThreads.class);

    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    /** Starts {@code body} on a new tracked virtual thread called {@code name}. */
    public Thread start(String name, Runnable body) {
        Thread thread = tracked(name, body);
        thread.start();
        return thread;
    }

    /**
     * Tracked threads for an executor that starts them itself: named {@code namePrefix} followed by 1, 2, 3...; they
     * count as live from creation, as an executor starts every thread it asks for.
     */
    public ThreadFactory factory(String namePrefix) {
        AtomicLong count = new AtomicLong();
        return body -> tracked(namePrefix + count.incrementAndGet(), body);
    }

    private Thread tracked(String name, Runnable body) {
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                LOG.error("Engine thread {} ended with an unexpected error", Thread.currentThread().getName(), e);
            } finally {
                live.remove(Thread.currentThread());
            }
        });
        live.add(thread);
        return thread;
    }

    /** The threads still running (a copy). */
    public List<Thread> live() {
        return List.copyOf(live);
    }

    /**
     * Waits up to {@code max} for all threads to end, never for the calling thread itself (a stop requested from an
     * event callback runs on one of them). Returns true when none is left apart from the caller.
     */
    public boolean awaitTermination(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        Thread self = Thread.currentThread();
        for (Thread thread : live()) {
            if (thread == self) {
                continue;
            }
            long remaining = deadline - System.nanoTime();
            try {
                if (remaining <= 0 || !thread.join(Duration.ofNanos(remaining))) {
                    LOG.warn("Thread {} did not end within {}", thread.getName(), max);
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return live.stream().allMatch(t -> t == self);
    }
}
