package com.socketworkbench.bench;

import com.socketworkbench.app.WorkbenchApp;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * P7, in a child JVM: the real window (headless, throwaway in-memory preferences), every tab selected once so every
 * view exists, back on the first tab, then nothing for {@code seconds}. Measured over that window: the CPU time of
 * this JVM (utime + stime of /proc/self/stat, the whole process: FX, renderer, GC, JIT, engine threads), per thread,
 * and the FX pulses that ran.
 *
 * <p>Pulses are counted by a scene pulse listener on JavaFX's toolkit ({@link Toolkit#addSceneTkPulseListener}),
 * which the toolkit calls inside every pulse it runs and which requests none itself (an {@code AnimationTimer} or a
 * {@code runLater} probe would wake the FX thread or keep the pulse timer running, the very cost measured). What keeps
 * pulses coming is read from the toolkit's primary timer before and after the window: the registered animation timers
 * (e.g. event pumps) and animations (e.g. a caret's blink). Arguments: results file, idle seconds.
 */
public final class IdleCostProbe {
    private static final Logger LOG = LoggerFactory.getLogger(IdleCostProbe.class);
    /** Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ). */
    private static final long MILLIS_PER_TICK = 10;
    private static final long SETUP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private IdleCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[1]);
        AtomicLong pulses = new AtomicLong();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        TKPulseListener counter = pulses::incrementAndGet;
        // A throwaway data folder: the probe's window never reads or keeps the user's workspace.
        Path home = Files.createTempDirectory("socketworkbench-idle-");
        WorkbenchApp app = fx(() -> {
            Toolkit.getToolkit().addSceneTkPulseListener(counter);
            WorkbenchApp workbench = new WorkbenchApp(InMemoryPreferences.fresh(), home);
            workbench.start(new Stage());
            return workbench;
        });
        TabPane tabs = fx(() -> (TabPane) javafx.stage.Window.getWindows().getFirst().getScene().lookup("#tabs"));
        int count = fx(() -> tabs.getTabs().size());
        // Every tab once (its view is built on first selection and laid out by the next pulses), then the first.
        for (int index = 1; index <= count; index++) {
            int tab = index % count;
            fxRun(() -> tabs.getSelectionModel().select(tab));
            long before = pulses.get();
            await(() -> pulses.get() >= before + 2 && fx(() -> tabs.getTabs().get(tab).getContent() != null),
                    "tab " + tab + " shown");
        }
        settle(pulses);

        Properties out = new Properties();
        out.setProperty("tabs", Integer.toString(count));
        recordRequesters("start", out);
        Map<String, Long> threadsBefore = threadTicks();
        long ticksBefore = processTicks();
        long pulsesBefore = pulses.get();
        long start = System.nanoTime();
        LOG.info("Idle window of {} s starts ({} tabs shown once)", seconds, count);
        // The measurement window itself: this thread waits and does nothing else.
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
        long end = System.nanoTime();
        long ticksAfter = processTicks();
        long pulsesAfter = pulses.get();
        Map<String, Long> threadsAfter = threadTicks();
        recordRequesters("end", out);
        out.setProperty("windowMillis", Long.toString((end - start) / 1_000_000));
        out.setProperty("cpuMillis", Long.toString((ticksAfter - ticksBefore) * MILLIS_PER_TICK));
        out.setProperty("pulses", Long.toString(pulsesAfter - pulsesBefore));
        out.setProperty("threads", busiest(threadsBefore, threadsAfter));
        out.setProperty("rssMiB", Long.toString(residentMiB()));
        LOG.info("Idle window: {} ms CPU in {} ms, {} pulses", out.getProperty("cpuMillis"),
                out.getProperty("windowMillis"), out.getProperty("pulses"));

        fxRun(() -> {
            app.shutdown();
            Toolkit.getToolkit().removeSceneTkPulseListener(counter);
        });
        ChildJvm.writeResults(args[0], out);
        try (Stream<Path> kept = Files.walk(home)) {
            kept.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * After the last selection: waits until a second passes without a pulse (start-up and tab switches are over),
     * at most five seconds, since a timer that never stops keeps pulses coming (that is then what the window shows).
     */
    private static void settle(AtomicLong pulses) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long last = pulses.get();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - deadline < 0 && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(1)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            long now = pulses.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /** What is registered on the primary timer: each keeps the pulse timer running while it is registered. */
    private static void recordRequesters(String when, Properties out) throws Exception {
        Object timer = fx(() -> Toolkit.getToolkit().getPrimaryTimer());
        int animationTimers = fx(() -> intField(timer, "animationTimersLength"));
        int animations = fx(() -> intField(timer, "receiversLength"));
        out.setProperty("animationTimers." + when, Integer.toString(animationTimers));
        out.setProperty("animations." + when, Integer.toString(animations));
    }

    private static int intField(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.getInt(target);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return -1;
    }

    /** utime + stime of this process, in clock ticks (fields 14 and 15 of /proc/self/stat). */
    private static long processTicks() throws IOException {
        return ticks(Files.readString(Path.of("/proc/self/stat")));
    }

    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident memory of this process (VmRSS of /proc/self/status), in MiB. */
    private static long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** CPU ticks per live thread, keyed by "name (tid)". */
    private static Map<String, Long> threadTicks() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    ticks.put(name + " (" + task.getFileName() + ")", ticks(Files.readString(task.resolve("stat"))));
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** The threads that used CPU in the window, busiest first (at most eight). */
    private static String busiest(Map<String, Long> before, Map<String, Long> after) {
        String list = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) * MILLIS_PER_TICK))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(8)
                .map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", "));
        return list.isEmpty() ? "none" : list;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + SETUP_LIMIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static <T> T fx(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX call failed", e);
        }
    }

    private static void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }
}
