package com.socketworkbench.testing;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap that was still in use right after a garbage collection while it watched: what a hostile peer made
 * the process keep, as opposed to garbage not yet collected. Hostile-peer tests run in the suite's small-heap JVM
 * ({@code *HostileTest}, {@code hostile.heap}) and assert both that nothing ran out of memory and that this peak
 * stayed within the budget under test.
 */
public final class LiveHeap implements AutoCloseable {
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<Runnable> removals = new ArrayList<>();

    private LiveHeap() {
    }

    /** Starts watching every collector's "after GC" figures (collect first, so the start is a clean baseline). */
    public static LiveHeap watch() {
        System.gc();
        LiveHeap heap = new LiveHeap();
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
        return heap;
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** Collects now (so the current state counts too) and returns the peak live heap seen, in bytes. */
    public long peakBytes() {
        System.gc();
        // The collectors' notifications arrive on a JMX thread, later: the heap right after this full collection
        // is read here so that the current state counts even when its notification has not come yet.
        long now = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return peakAfterGc.accumulateAndGet(now, Math::max);
    }

    /**
     * Skips the calling test unless it runs in the suite's small-heap {@code hostile} execution: its limits are
     * stated for that heap, and in a large one young collections count promoted garbage that no budget holds.
     * ({@code -Dtest=...} runs a named test in every execution.)
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
        removals.forEach(Runnable::run);
    }
}
