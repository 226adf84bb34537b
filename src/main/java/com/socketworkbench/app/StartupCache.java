package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The JDK AOT cache the launch command names ({@code -XX:AOTCache=…}, JEP 483/514/515): the classes a start loads,
 * already parsed and linked, and method profiles, so a start maps them instead of loading and linking about 5,900
 * classes and profiling the start-up code again. It keeps itself current, so {@code mvn compile exec:exec} stays the
 * one command:
 * <ul>
 *     <li>A cache older than a jar of the class path was made from another build. JDK 25.0.3 does not compare the
 *     jars with the cache (JDK-8377932, fixed in 25.0.4) and would run the previous build's classes, so the launcher
 *     checks that first ({@link #outdated()}), deletes it and starts the app again in a JVM without it
 *     ({@link #relaunchWithout()}).</li>
 *     <li>When the JVM ran without a usable cache (none yet, deleted as above, or one it refused), a new one is
 *     trained once the window has closed ({@link #trainIfNeeded()}): the app starts once more, headless, with the
 *     start-up check, throwaway preferences and a copy of the workspace just kept ({@link #seedTrainingHome}), as
 *     the JVM's training run ({@code -XX:AOTCacheOutput}, which writes the cache as that run exits), and the result
 *     is moved into place. The next start maps it.</li>
 * </ul>
 */
final class StartupCache {
    /** The preferences node of the training run, removed after it. */
    static final String TRAINING_NODE = "/com/socketworkbench/startup-cache-training";
    private static final String CACHE_OPTION = "-XX:AOTCache=";
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(StartupCache.class);

    private final Path cache;
    private final List<String> command;
    private final int mainIndex;

    private StartupCache(Path cache, List<String> command, int mainIndex) {
        this.cache = cache;
        this.command = List.copyOf(command);
        this.mainIndex = mainIndex;
    }

    /**
     * The cache named on this JVM's command line ({@code java [options] mainClass [arguments]}), if it names one
     * and the command line can be read.
     */
    static Optional<StartupCache> of(Class<?> mainClass) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> arguments = info.arguments();
        if (java.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(List.of(arguments.get()));
        return of(command, mainClass.getName());
    }

    /** The cache named by the options of {@code command} (before {@code mainClass}), if any. */
    static Optional<StartupCache> of(List<String> command, String mainClass) {
        int mainIndex = command.indexOf(mainClass);
        if (mainIndex < 0) {
            return Optional.empty();
        }
        return command.subList(0, mainIndex).stream()
                .filter(option -> option.startsWith(CACHE_OPTION))
                .reduce((first, last) -> last)
                .map(option -> new StartupCache(Path.of(option.substring(CACHE_OPTION.length())).toAbsolutePath(),
                        command, mainIndex));
    }

    Path path() {
        return cache;
    }

    /**
     * True when this JVM maps the cache: the file exists and the JVM shares classes ("sharing" in
     * {@code java.vm.info}); given an AOT cache it cannot map, the JVM runs without any class sharing.
     */
    boolean inUse() {
        return Files.isRegularFile(cache) && System.getProperty("java.vm.info", "").contains("sharing");
    }

    /** True when this JVM maps a cache that is older than a jar (or directory) of its class or module path. */
    boolean outdated() {
        if (!inUse()) {
            return false;
        }
        try {
            return changedSince(Files.getLastModifiedTime(cache), launchPaths());
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Deletes the outdated cache and runs this JVM's command again (it now finds no cache, so it loads the classes
     * from the jars and trains a new cache at exit), in this console; returns its exit status.
     */
    int relaunchWithout() {
        LOG.info("The start-up cache {} is older than the build: starting without it (a new one is prepared when the"
                + " window closes)", cache);
        try {
            Files.deleteIfExists(cache);
            Process app = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread(() -> destroy(app), "startup-cache-relaunch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                return app.waitFor();
            } finally {
                removeHook(stop);
            }
        } catch (IOException e) {
            LOG.error("Could not start the app again without the start-up cache {}", cache, e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** After the app has exited: trains a cache unless this JVM used one. Never throws. */
    void trainIfNeeded() {
        if (inUse()) {
            return;
        }
        try {
            train();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not prepare the start-up cache {}: {}", cache, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Preparing the start-up cache {} was interrupted", cache);
        }
    }

    private void train() throws IOException, InterruptedException {
        // Per process: two windows closed at once train side by side, and each moves a whole cache into place.
        Path output = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".training");
        Path log = cache.resolveSibling(cache.getFileName() + ".log");
        Files.deleteIfExists(output);
        long started = System.nanoTime();
        FileTime startedAt = FileTime.fromMillis(System.currentTimeMillis());
        LOG.info("Preparing the start-up cache for the next launch (once after each build: a headless start of the"
                + " app, then the JVM writes the cache): {}", cache);
        seedTrainingHome(AppHome.fromSystemProperty().untitledWorkspace(), trainingHome(output));
        Process training = new ProcessBuilder(trainingCommand(output))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // Ctrl+C while waiting ends the training run too, rather than leaving it behind.
        Thread stop = new Thread(() -> destroy(training), "startup-cache-training-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            if (!training.waitFor(TRAINING_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                destroy(training);
                Files.deleteIfExists(output);
                LOG.warn("The start-up cache training did not finish within {} min and was stopped; see {}",
                        TRAINING_LIMIT.toMinutes(), log);
                return;
            }
        } finally {
            removeHook(stop);
            removeTrainingPreferences();
            removeTrainingHome(trainingHome(output));
        }
        if (training.exitValue() != 0 || !Files.isRegularFile(output) || Files.size(output) == 0) {
            Files.deleteIfExists(output);
            LOG.warn("The start-up cache training failed (exit status {}); see {}", training.exitValue(), log);
            return;
        }
        if (changedSince(startedAt, launchPaths())) {
            // A build replaced a jar while the training ran: the cache could mix two builds.
            Files.deleteIfExists(output);
            LOG.info("A build changed the jars while the start-up cache was trained; the next start trains again");
            return;
        }
        Files.move(output, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Start-up cache ready: {} ({} MiB, {} s)", cache, Files.size(cache) / (1024 * 1024),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /**
     * This JVM's command with the cache as the training run's output instead of its input, plus the start-up check,
     * headless rendering, throwaway preferences and a throwaway data folder. The training run's command names no
     * cache to use, so it does not train again when it exits.
     */
    List<String> trainingCommand(Path output) {
        List<String> training = new ArrayList<>();
        for (String option : command.subList(0, mainIndex)) {
            if (option.startsWith(CACHE_OPTION)) {
                training.add("-XX:AOTCacheOutput=" + output);
            } else if (!option.startsWith("-Xlog:aot") && !option.startsWith("-Xlog:cds")) {
                // The training run's AOT messages stay on: they go to its log, where a failure can be read.
                training.add(option);
            }
        }
        training.add("-Dglass.platform=Headless");
        training.add("-Dprism.order=sw");
        training.add("-Djava.awt.headless=true");
        training.add("-D" + AppPreferences.NODE_PROPERTY + "=" + TRAINING_NODE);
        training.add("-D" + AppHome.PROPERTY + "=" + trainingHome(output));
        training.add("-D" + WorkbenchApp.STARTUP_CHECK_PROPERTY + "=true");
        training.addAll(command.subList(mainIndex, command.size()));
        return training;
    }

    /** This JVM's class path and module path, as one path list. */
    private static String launchPaths() {
        return System.getProperty("java.class.path", "") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
    }

    /**
     * True when an entry (jar or directory) of the path list {@code paths} was modified after {@code time}, or
     * cannot be read (a cache must not outlive a jar it was made from).
     */
    static boolean changedSince(FileTime time, String paths) {
        for (String entry : paths.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                if (Files.getLastModifiedTime(Path.of(entry)).compareTo(time) > 0) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is shutting down and runs the hook itself
        }
    }

    /**
     * Gives the training run a copy of the workspace this start kept ({@code kept}, written as the window closed), so
     * it reopens that workspace as the next start will: the cache then holds what restoring a workspace's tabs and
     * settings loads and links (a blank start reads no tab settings). Nothing kept: the training run starts blank.
     */
    static void seedTrainingHome(Path kept, Path trainingHome) {
        if (!Files.isRegularFile(kept)) {
            return;
        }
        try {
            Path seeded = new AppHome(trainingHome).untitledWorkspace();
            Files.createDirectories(trainingHome);
            Files.copy(kept, seeded, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.debug("The training run starts blank: could not copy {} into {}", kept, trainingHome, e);
        }
    }

    /** The training run's data folder: its untitled workspace never replaces the user's. */
    static Path trainingHome(Path output) {
        return output.resolveSibling(output.getFileName() + ".home");
    }

    private static void removeTrainingHome(Path home) {
        try (var files = Files.walk(home)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // the training run kept nothing
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("Could not remove the training run's data folder {}", home, e);
        }
    }

    private static void removeTrainingPreferences() {
        try {
            Preferences root = Preferences.userRoot();
            if (root.nodeExists(TRAINING_NODE)) {
                root.node(TRAINING_NODE).removeNode();
                root.flush();
            }
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.debug("Could not remove the training run's preferences {}", TRAINING_NODE, e);
        }
    }
}
