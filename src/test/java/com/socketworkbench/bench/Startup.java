package com.socketworkbench.bench;

import com.socketworkbench.app.Launcher;
import com.socketworkbench.app.WorkbenchApp;
import com.socketworkbench.ui.tab.AppPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * P6: process start to the first frame shown. Each launch is a fresh JVM started the way {@code mvn compile exec:exec}
 * starts the app (the launch jar, the runtime class path and a class-data-sharing archive that the JVM writes at exit
 * when it is missing or stale), headless, with throwaway preferences and the app's start-up check
 * ({@link WorkbenchApp#STARTUP_CHECK_PROPERTY}), timed here from starting the process to the check's line. The first
 * launch after a build finds no archive and writes it when it exits; it is reported on its own, the figure is the
 * median of the launches after it.
 */
final class Startup implements BenchPart {
    private static final String PREFERENCES_NODE = "/com/socketworkbench/benchmark-startup";

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
        if (classpath.isBlank()) {
            throw new IllegalStateException("bench.appClasspath is not set: run the benchmark through"
                    + " `mvn -q -Pbenchmark test-compile exec:exec`, which builds the launch jar and its class path");
        }
        Path archive = Path.of(System.getProperty("bench.basedir", "."), "target", "bench-startup.jsa");
        Files.deleteIfExists(archive);
        double first = launch(classpath, archive, 0);
        int runs = config.runs(5, 3);
        List<Double> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            millis.add(launch(classpath, archive, run));
        }
        return List.of(
                Figure.atMost(id(), "Process start to first frame shown (headless, software rendering)", 1500,
                        Stats.median(millis), "ms", "per launch " + millis + " ms; the app's launch command (launch"
                                + " jar, class-data-sharing archive of " + Files.size(archive) / (1024 * 1024)
                                + " MiB)"),
                Figure.info(id(), "First start after a build (no archive yet; the JVM writes it at exit)",
                        Figure.number(first) + " ms", "one launch"));
    }

    private static double launch(String classpath, Path archive, int run) throws Exception {
        clearPreferences();
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        // The same JVM options as the exec:exec launch in pom.xml, plus headless rendering and the check.
        command.add("-XX:SharedArchiveFile=" + archive);
        command.add("-XX:+AutoCreateSharedArchive");
        command.add("-Xlog:cds=off");
        command.add("-Xlog:aot=off");
        command.addAll(ChildJvm.appGcOptions());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(ChildJvm.HEADLESS);
        command.add("-D" + AppPreferences.NODE_PROPERTY + "=" + PREFERENCES_NODE);
        command.add("-D" + WorkbenchApp.STARTUP_CHECK_PROPERTY + "=true");
        command.add("-classpath");
        command.add(classpath);
        command.add(Launcher.class.getName());
        CompletableFuture<Long> shown = new CompletableFuture<>();
        long start = System.nanoTime();
        ChildJvm child = ChildJvm.startCommand("P6-" + run, command, line -> {
            if (line.contains(WorkbenchApp.FIRST_FRAME)) {
                shown.complete(System.nanoTime());
            }
        });
        try {
            double millis = (shown.get(60, TimeUnit.SECONDS) - start) / 1e6;
            // Waits for a normal exit: that is when the JVM writes the archive.
            child.await(Duration.ofSeconds(60));
            return millis;
        } finally {
            child.kill();
            clearPreferences();
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
