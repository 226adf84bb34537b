package com.socketworkbench.bench;

import com.socketworkbench.app.Launcher;
import com.socketworkbench.app.WorkbenchApp;
import com.socketworkbench.ui.tab.AppPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * P6: process start to the first frame shown. Each launch is a fresh JVM started the way {@code mvn compile exec:exec}
 * starts the app (JavaFX on the module path, the launch jar and the other runtime jars on the class path, the same
 * JVM options, among them the JDK AOT cache that the launcher trains at exit when it is missing), headless, with
 * throwaway preferences and the app's start-up check ({@link WorkbenchApp#STARTUP_CHECK_PROPERTY}), timed here from
 * starting the process to the check's line. The benchmark keeps its own cache ({@code target/bench-startup.aot}) and
 * deletes it first: the first launch is the first start after a build (no cache; it trains one after its window has
 * closed) and is reported on its own, the figure is the median of the launches after it, each of which must have
 * used the cache.
 */
final class Startup implements BenchPart {
    private static final String PREFERENCES_NODE = "/com/socketworkbench/benchmark-startup";
    /** What the launcher logs when it trains a cache, i.e. when the launch ran without one. */
    private static final String TRAINING = "Preparing the start-up cache";
    private static final Duration LAUNCH_LIMIT = Duration.ofMinutes(6);

    @Override
    public String id() {
        return "P6";
    }

    @Override
    public String title() {
        return "Start-up";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        String classpath = System.getProperty("bench.appClasspath", "");
        String modulepath = System.getProperty("bench.appModulepath", "");
        if (classpath.isBlank() || modulepath.isBlank()) {
            throw new IllegalStateException("bench.appClasspath or bench.appModulepath is not set: run the benchmark"
                    + " through `mvn -q -Pbenchmark test-compile exec:exec`, which builds the launch jar and its paths");
        }
        List<String> paths = List.of("--module-path=" + modulepath, "-classpath", classpath);
        List<String> appOptions = ChildJvm.appJvmOptions();
        Path cache = Path.of(System.getProperty("bench.basedir", "."), "target", "bench-startup.aot")
                .toAbsolutePath();
        Files.deleteIfExists(cache);
        long trainingStart = System.nanoTime();
        Launch first = launch(appOptions, paths, cache, 0);
        double trainingSeconds = (System.nanoTime() - trainingStart) / 1e9 - first.millis() / 1e3;
        if (!first.trained() || !Files.isRegularFile(cache)) {
            throw new IllegalStateException("the first launch did not train the start-up cache " + cache + " (see "
                    + cache + ".log)");
        }
        int runs = config.runs(5, 3);
        List<Double> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Launch launch = launch(appOptions, paths, cache, run);
            if (launch.trained()) {
                throw new IllegalStateException("launch " + run + " did not use the start-up cache " + cache);
            }
            millis.add(launch.millis());
        }
        return List.of(
                Figure.atMost(id(), "Process start to first frame shown (headless, software rendering)", 1200,
                        Stats.median(millis), "ms", "per launch " + millis + " ms; the app's launch command (launch"
                                + " jar, JDK AOT cache of " + Files.size(cache) / (1024 * 1024) + " MiB)"),
                Figure.info(id(), "First start after a build (no cache yet; trained after the window closed)",
                        Figure.number(first.millis()) + " ms", "one launch; then the cache was trained in "
                                + Figure.number(trainingSeconds) + " s (a headless start of the app as the JVM's"
                                + " training run, then the JVM writes the cache)"));
    }

    /** One launch: time to the first frame, and whether the launcher trained a cache at exit. */
    private record Launch(double millis, boolean trained) {
    }

    private static Launch launch(List<String> appOptions, List<String> paths, Path cache, int run)
            throws Exception {
        clearPreferences();
        if (run == 0) {
            clearHome(cache);
        }
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        // The same JVM options as the exec:exec launch in pom.xml, plus headless rendering and the check.
        command.add("-XX:AOTCache=" + cache);
        command.add("-Xlog:cds=off");
        command.add("-Xlog:aot=off");
        command.addAll(appOptions);
        command.add("--enable-native-access=javafx.graphics");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(ChildJvm.HEADLESS);
        command.add("-D" + AppPreferences.NODE_PROPERTY + "=" + PREFERENCES_NODE);
        command.add("-D" + WorkbenchApp.HOME_PROPERTY + "=" + home(cache));
        command.add("-D" + WorkbenchApp.STARTUP_CHECK_PROPERTY + "=true");
        command.addAll(List.of("--add-modules", "javafx.controls",
                "--add-opens", "javafx.graphics/javafx.scene=ALL-UNNAMED"));
        command.addAll(paths);
        command.add(Launcher.class.getName());
        CompletableFuture<Long> shown = new CompletableFuture<>();
        AtomicBoolean trained = new AtomicBoolean();
        long start = System.nanoTime();
        ChildJvm child = ChildJvm.startCommand("P6-" + run, command, line -> {
            if (line.contains(WorkbenchApp.FIRST_FRAME)) {
                shown.complete(System.nanoTime());
            }
            if (line.contains(TRAINING)) {
                trained.set(true);
            }
        });
        try {
            double millis = (shown.get(60, TimeUnit.SECONDS) - start) / 1e6;
            // Waits for a normal exit: a launch without a cache trains one before it exits.
            child.await(LAUNCH_LIMIT);
            return new Launch(millis, trained.get());
        } finally {
            child.kill();
            clearPreferences();
        }
    }

    /**
     * The launches' data folder, cleared before the first: the first launch opens one tab of each kind and keeps that
     * untitled workspace at exit, and every measured launch reopens it, as a user's start does.
     */
    private static Path home(Path cache) {
        return cache.resolveSibling("bench-startup-home");
    }

    private static void clearHome(Path cache) throws IOException {
        if (Files.isDirectory(home(cache))) {
            try (var files = Files.walk(home(cache))) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void clearPreferences() throws BackingStoreException {
        Preferences root = Preferences.userRoot();
        if (root.nodeExists(PREFERENCES_NODE)) {
            root.node(PREFERENCES_NODE).removeNode();
            root.flush();
        }
    }
}
