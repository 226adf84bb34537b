package com.socketworkbench.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a part of the benchmark in a child JVM with its own flags (a small heap, a headless FX toolkit, a clean start
 * for start-up time). The child gets a results file as its first argument and writes {@link Properties} to it; its
 * output lines are logged here and may be watched ({@link #start}). Every child is bounded in time: past its limit
 * it is killed and the run fails.
 */
final class ChildJvm {
    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

    /** The flags the UI tests use: JavaFX's headless glass platform with software rendering. */
    static final List<String> HEADLESS = List.of("-Dglass.platform=Headless", "-Dprism.order=sw",
            "-Dtestfx.robot=glass", "-Djava.awt.headless=true");

    private final Process process;
    private final Path results;
    private final Thread pump;

    private ChildJvm(Process process, Path results, Thread pump) {
        this.process = process;
        this.results = results;
        this.pump = pump;
    }

    /** Runs {@code main} to its end (at most {@code limit}) and returns what it wrote to its results file. */
    static Properties run(String name, List<String> jvmArgs, Class<?> main, List<String> args, Duration limit)
            throws IOException, InterruptedException {
        return start(name, jvmArgs, main, args, line -> { }).await(limit);
    }

    /** Starts {@code main}; {@code onLine} sees each output line (on a reader thread) as it arrives. */
    static ChildJvm start(String name, List<String> jvmArgs, Class<?> main, List<String> args,
                          Consumer<String> onLine) throws IOException {
        Path results = Files.createTempFile("bench-" + name + "-", ".properties");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.log.com.socketworkbench.engine=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.add(results.toString());
        command.addAll(args);
        return start(name, command, results, onLine);
    }

    /**
     * Starts a JVM with a command line of the caller's (the app as its launch command runs it); it writes no results,
     * so {@link #await} returns empty properties.
     */
    static ChildJvm startCommand(String name, List<String> command, Consumer<String> onLine) throws IOException {
        return start(name, command, Files.createTempFile("bench-" + name + "-", ".properties"), onLine);
    }

    private static ChildJvm start(String name, List<String> command, Path results, Consumer<String> onLine)
            throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Reader reader = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
        Thread pump = Thread.ofPlatform().daemon().name("bench-child-" + name).start(() -> {
            try (BufferedReader lines = new BufferedReader(reader)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    onLine.accept(line);
                    LOG.info("  [{}] {}", name, line);
                }
            } catch (IOException e) {
                LOG.debug("Output of child {} ended: {}", name, e.getMessage());
            }
        });
        return new ChildJvm(process, results, pump);
    }

    /** Waits for the child to end (killing it after {@code limit}) and reads its results. */
    Properties await(Duration limit) throws IOException, InterruptedException {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IOException("child JVM " + process.pid() + " did not finish within " + limit.toSeconds()
                        + " s and was stopped");
            }
            pump.join(Duration.ofSeconds(5));
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(results)) {
                properties.load(in);
            }
            if (process.exitValue() != 0) {
                throw new IOException("child JVM exited with " + process.exitValue()
                        + properties.getProperty("error", ""));
            }
            return properties;
        } finally {
            Files.deleteIfExists(results);
        }
    }

    /** Closes the child's standard input: a child that waits for end of input goes on. */
    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Kills the child if it still runs (after a failure of the part that started it). */
    void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** The app's JVM options for garbage collection and the JIT (pom.xml passes them as {@code bench.appJvmOptions}). */
    static List<String> appJvmOptions() {
        String options = System.getProperty("bench.appJvmOptions", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * Extra options for the app's child JVMs, to look inside a run ({@code -Dbench.childOptions="-Xlog:gc:file=/tmp/gc.log"}
     * on the benchmark command); none by default.
     */
    static List<String> extraChildOptions() {
        String options = System.getProperty("bench.childOptions", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** For child mains: writes {@code properties} to the results file named by the first argument. */
    static void writeResults(String file, Properties properties) throws IOException {
        try (var out = Files.newBufferedWriter(Path.of(file))) {
            properties.store(out, null);
        }
    }
}
