package com.socketworkbench.app;

import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Watches the FX thread during a UI test: a daemon thread posts a {@link Platform#runLater} ping every
 * {@link #PING_INTERVAL} (one at a time) and measures how long each waits before it runs, i.e. how long the FX thread
 * kept the user waiting. When a ping has waited longer than {@link #LIMIT}, the FX thread's stack is taken, so a
 * failure can say what it was doing.
 *
 * <p>Calibrated for shared, loaded machines with software rendering (on Linux, from the FX thread's CPU clock and
 * its run-queue delay in {@code /proc/<pid>/task/<tid>/schedstat}), each wait is split into: time the FX thread was runnable
 * but waited for a CPU (other processes' doing: not counted), time every thread was stopped for garbage collection
 * (the whole JVM's pause, not the FX thread's: not counted), time it ran something else (<em>busy</em>: CSS,
 * layout, a slow listener), and the rest, i.e. sleeping or waiting for I/O or a lock (<em>blocked</em>). A wait
 * caught waiting for the software render thread to finish a frame is that thread's wait for a CPU, not counted. A test fails when the FX thread was blocked for more than {@link #LIMIT}, or busy for more
 * than {@link #BUSY_LIMIT} (a first CSS pass over a whole tab legitimately takes a few hundred milliseconds on a
 * loaded two-core machine with software rendering; a runaway loop takes longer). Without scheduler statistics the
 * whole wait counts as blocked.
 *
 * <p>The first {@link #START_GRACE} after the watch starts is not judged (first use of controls after launch).
 *
 * <p>{@link AppDriver} starts one after launching the app and checks it in {@link AppDriver#close()}. Tests that
 * start FX another way (TestFX's {@code ApplicationExtension}) can use {@link Extension}:
 * {@code @ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})}.
 */
public final class FxWatchdog {
    public static final Duration PING_INTERVAL = Duration.ofMillis(20);
    /** Blocked (sleeping, waiting) longer than this and the test fails. */
    public static final Duration LIMIT = Duration.ofMillis(100);
    /** Busy running one thing longer than this and the test fails. */
    public static final Duration BUSY_LIMIT = Duration.ofMillis(500);
    /**
     * Waits that began this soon after the watch started are not judged: the first use of a control right after
     * launch loads its classes (reading jar files: the FX thread is blocked on the disk) and creates its skin.
     */
    public static final Duration START_GRACE = Duration.ofSeconds(1);
    /** Where the FX thread waits for the render thread (see {@code Wait.waitedForRenderer}). */
    private static final List<String> RENDERER_WAITS = List.of(
            "PaintCollector.waitForRenderingToComplete", "QueuedPixelSource.getLatestPixels");

    /** One ping's wait, split as the class comment explains; all in nanoseconds. */
    private record Wait(long postedAt, long wall, long starved, long running, long collecting, String stack) {
        long blocked() {
            if (waitedForRenderer()) {
                return 0;
            }
            return Math.max(0, wall - starved - running - collecting);
        }

        /**
         * The FX thread was waiting for the render thread to finish the previous frame. With software rendering that
         * thread only computes pixels, so on a loaded machine this is its own wait for a CPU (not counted, like the
         * FX thread's), not the app blocking the FX thread.
         */
        boolean waitedForRenderer() {
            return stack != null && RENDERER_WAITS.stream().anyMatch(stack::contains);
        }

        long busy() {
            return Math.max(0, wall - starved - collecting);
        }
    }

    /**
     * The FX thread's clocks at one moment: CPU time (the JVM's thread CPU clock, exact also for a thread running
     * now) and time spent waiting for a CPU (Linux scheduler statistics); -1 when unknown.
     */
    private record SchedStat(long running, long waiting) {
        static final SchedStat UNKNOWN = new SchedStat(-1, -1);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The collectors whose collections stop every thread (concurrent cycles run beside the application). */
    private static final List<GarbageCollectorMXBean> PAUSING_COLLECTORS =
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles"))
                    .toList();

    private final long startedAt = System.nanoTime();
    private final long graceNanos;
    private final Thread thread;
    private volatile boolean running = true;
    /** When the ping still waiting was posted; 0 when none waits. */
    private volatile long pendingSince;
    private volatile Thread fxThread;
    /** The FX thread's scheduler statistics file (Linux); null until known or where there is none. */
    private volatile Path fxSchedStat;
    private volatile String pendingStack;
    private Wait mostBlocked;
    private Wait mostBusy;
    private int answered;

    private FxWatchdog(Duration grace) {
        graceNanos = grace.toNanos();
        thread = Thread.ofPlatform().daemon().name("fx-watchdog").unstarted(this::loop);
    }

    /** Starts watching, with the {@link #START_GRACE}; the FX toolkit must be running. */
    public static FxWatchdog start() {
        return start(START_GRACE);
    }

    /** Starts watching; waits that begin within {@code grace} are not judged. */
    public static FxWatchdog start(Duration grace) {
        FxWatchdog watchdog = new FxWatchdog(grace);
        watchdog.thread.start();
        return watchdog;
    }

    private void loop() {
        long limit = LIMIT.toNanos();
        while (running) {
            Thread fxNow = fxThread;
            SchedStat before = read(fxSchedStat, fxNow == null ? -1 : THREADS.getThreadCpuTime(fxNow.threadId()));
            long gcBefore = pausedMillis();
            long posted = System.nanoTime();
            pendingSince = posted;
            pendingStack = null;
            try {
                Platform.runLater(() -> answered(posted, before, gcBefore));
            } catch (IllegalStateException toolkitGone) {
                return;
            }
            while (running && pendingSince == posted) {
                LockSupport.parkNanos(5_000_000);
                Thread fx = fxThread;
                if (pendingStack == null && fx != null && System.nanoTime() - posted > limit) {
                    pendingStack = describe(fx.getStackTrace());
                }
            }
            LockSupport.parkNanos(PING_INTERVAL.toNanos());
        }
    }

    private void answered(long posted, SchedStat before, long gcBefore) {
        long wall = System.nanoTime() - posted;
        long collecting = TimeUnit.MILLISECONDS.toNanos(Math.max(0, pausedMillis() - gcBefore));
        if (fxThread == null) {
            fxThread = Thread.currentThread();
            fxSchedStat = ownSchedStat();
        }
        SchedStat after = read(fxSchedStat, THREADS.getCurrentThreadCpuTime());
        boolean known = before.running() >= 0 && after.running() >= 0;
        record(new Wait(posted, wall, known ? Math.max(0, after.waiting() - before.waiting()) : 0,
                known ? Math.max(0, after.running() - before.running()) : 0, collecting, pendingStack));
        pendingSince = 0;
    }

    private synchronized void record(Wait wait) {
        answered++;
        if (wait.postedAt() - startedAt < graceNanos) {
            return;
        }
        if (mostBlocked == null || wait.blocked() > mostBlocked.blocked()) {
            mostBlocked = wait;
        }
        if (mostBusy == null || wait.busy() > mostBusy.busy()) {
            mostBusy = wait;
        }
    }

    /** This thread's schedstat file, or null where Linux's scheduler statistics are not available. */
    private static Path ownSchedStat() {
        try {
            Path stat = Path.of("/proc/thread-self").toRealPath().resolve("schedstat");
            return read(stat, 0).waiting() >= 0 ? stat : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Milliseconds all threads have been stopped for garbage collection so far. */
    private static long pausedMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : PAUSING_COLLECTORS) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** {@code cpuNanos} with the run-queue delay from {@code schedStat} (its second field). */
    private static SchedStat read(Path schedStat, long cpuNanos) {
        if (schedStat == null || cpuNanos < 0) {
            return SchedStat.UNKNOWN;
        }
        try {
            String[] fields = Files.readString(schedStat).trim().split("\\s+");
            return fields.length >= 2 ? new SchedStat(cpuNanos, Long.parseLong(fields[1])) : SchedStat.UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return SchedStat.UNKNOWN;
        }
    }

    /** Stops watching; a ping still waiting counts with the time it has waited so far, all as blocked. */
    public void stop() {
        running = false;
        long pending = pendingSince;
        if (pending != 0) {
            record(new Wait(pending, System.nanoTime() - pending, 0, 0, 0, pendingStack));
        }
        try {
            thread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pings answered so far. */
    synchronized int answered() {
        return answered;
    }

    /** The longest the FX thread was blocked (sleeping or waiting) while a ping waited. */
    public synchronized Duration longestBlock() {
        return Duration.ofNanos(mostBlocked == null ? 0 : mostBlocked.blocked());
    }

    /** The longest the FX thread was busy (running, not counting waits for a CPU) while a ping waited. */
    public synchronized Duration longestBusy() {
        return Duration.ofNanos(mostBusy == null ? 0 : mostBusy.busy());
    }

    /** Throws when the FX thread was blocked or busy for too long, saying how long, when and doing what. */
    public synchronized void assertResponsive(String what) {
        if (mostBlocked != null && mostBlocked.blocked() > LIMIT.toNanos()) {
            throw new AssertionError(message("blocked", mostBlocked.blocked(), LIMIT, mostBlocked, what));
        }
        if (mostBusy != null && mostBusy.busy() > BUSY_LIMIT.toNanos()) {
            throw new AssertionError(message("busy", mostBusy.busy(), BUSY_LIMIT, mostBusy, what));
        }
    }

    private String message(String kind, long nanos, Duration limit, Wait wait, String what) {
        return String.format(Locale.ROOT, "The FX thread was %s for %d ms during %s (limit %d ms): a runLater ping"
                        + " posted %.1f s after the watch began waited %d ms, of which the FX thread ran other work"
                        + " %d ms, waited for a CPU %d ms, was stopped for garbage collection %d ms and was blocked"
                        + " %d ms%s", kind, nanos / 1_000_000, what, limit.toMillis(),
                (wait.postedAt() - startedAt) / 1e9, wait.wall() / 1_000_000, wait.running() / 1_000_000,
                wait.starved() / 1_000_000, wait.collecting() / 1_000_000, wait.blocked() / 1_000_000,
                wait.stack() == null ? "" : "; the FX thread was at:\n" + wait.stack());
    }

    private static String describe(StackTraceElement[] stack) {
        return Arrays.stream(stack).limit(25).map(frame -> "    at " + frame).collect(Collectors.joining("\n"));
    }

    /**
     * The watchdog as a JUnit extension for tests whose FX toolkit is already running before each test (e.g. with
     * TestFX's {@code ApplicationExtension}, registered before this one).
     */
    public static final class Extension implements BeforeEachCallback, AfterEachCallback {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(FxWatchdog.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(NAMESPACE).put("watchdog", FxWatchdog.start());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            FxWatchdog watchdog = context.getStore(NAMESPACE).remove("watchdog", FxWatchdog.class);
            if (watchdog != null) {
                watchdog.stop();
                watchdog.assertResponsive(context.getDisplayName());
            }
        }
    }
}
