package com.socketworkbench.testing;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap that was still in use right after a full garbage collection while it watched: what a hostile peer
 * made the process keep, as opposed to garbage not yet collected. Hostile-peer tests run in the suite's small-heap
 * JVM ({@code *HostileTest}, {@code hostile.heap}) and assert both that nothing ran out of memory and that this peak
 * stayed within the budget under test.
 *
 * <p>Only full collections count: after a young collection G1 still counts every old region as used, dead or not,
 * so a workload whose buffers live long enough to be promoted (a queue, a frame in progress) and then die showed a
 * "live" heap climbing to nearly the whole heap while 40 MiB were live. Full collections come when the heap is
 * nearly exhausted anyway (the moment that matters) and, while watching, every {@link #SAMPLE_EVERY}: a sample
 * traces the whole heap, so what it reads is live.
 */
public final class LiveHeap implements AutoCloseable {
    /** How often a full collection samples the live heap while watching. */
    public static final Duration SAMPLE_EVERY = Duration.ofMillis(200);

    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<Runnable> removals = new ArrayList<>();
    /** The collector that ran {@code System.gc()}: its last collection's figures are a sample's. */
    private final com.sun.management.GarbageCollectorMXBean fullCollector;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(body -> {
        Thread thread = new Thread(body, "live-heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private LiveHeap(com.sun.management.GarbageCollectorMXBean fullCollector) {
        this.fullCollector = fullCollector;
    }

    /**
     * Starts watching every collector's full collections and sampling with one every {@link #SAMPLE_EVERY} (collect
     * first, so the start is a clean baseline).
     */
    public static LiveHeap watch() {
        System.gc();
        LiveHeap heap = new LiveHeap(latestCollector());
        NotificationListener listener = heap::onCollection;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                heap.removals.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        heap.sample();
        long every = SAMPLE_EVERY.toMillis();
        heap.sampler.scheduleWithFixedDelay(heap::sample, every, every, TimeUnit.MILLISECONDS);
        return heap;
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!info.getGcName().equals(fullCollector.getName())) {
            // A young or mixed collection, or a pause of a concurrent cycle, leaves dead old objects counted as used.
            return;
        }
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /**
     * A full collection and what survived it, read from the collection itself: the heap in use a moment later would
     * also count what the running threads allocated since.
     */
    private void sample() {
        System.gc();
        GcInfo info = fullCollector.getLastGcInfo();
        if (info != null) {
            long used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
            peakAfterGc.accumulateAndGet(used, Math::max);
        }
    }

    /** The collector whose collection ended last: right after {@code System.gc()}, the one that ran it. */
    private static com.sun.management.GarbageCollectorMXBean latestCollector() {
        com.sun.management.GarbageCollectorMXBean latest = null;
        long end = Long.MIN_VALUE;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof com.sun.management.GarbageCollectorMXBean withInfo
                    && withInfo.getLastGcInfo() != null && withInfo.getLastGcInfo().getEndTime() > end) {
                latest = withInfo;
                end = withInfo.getLastGcInfo().getEndTime();
            }
        }
        if (latest == null) {
            throw new IllegalStateException("no collector reports its collections");
        }
        return latest;
    }

    /** Collects now (so the current state counts too) and returns the peak live heap seen, in bytes. */
    public long peakBytes() {
        sample();
        return peakAfterGc.get();
    }

    /**
     * Skips the calling test unless it runs in the suite's small-heap {@code hostile} execution: its limits are
     * stated for that heap ({@code -Dtest=...} runs a named test in every execution, the 1 GiB one included).
     */
    public static void requireHostileHeap() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("hostile.heap") != null,
                "a *HostileTest measures its heap in the small-heap hostile execution only (pom.xml, hostile.heap)");
    }

    /** The heap this JVM may grow to ({@code -Xmx}). */
    public static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removals.forEach(Runnable::run);
    }
}
