package com.socketworkbench.bench;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Jazzer fuzz tests ({@code com.socketworkbench.fuzz.*FuzzTest}, methods annotated {@link FuzzTest})
 * longer than the test suite does: each method in its own Maven Surefire run with {@code JAZZER_FUZZ=1} (Jazzer fuzzes
 * one test per JVM) for {@code bench.fuzzSeconds} ({@code jazzer.max_duration}, honoured by Jazzer 0.30 and later).
 * A finding fails that run and its row. When there are no fuzz tests it says so.
 */
final class FuzzHook implements BenchPart {
    private static final Logger LOG = LoggerFactory.getLogger(FuzzHook.class);
    private static final String PACKAGE = "com.socketworkbench.fuzz";

    @Override
    public String id() {
        return "FUZZ";
    }

    @Override
    public String title() {
        return "Fuzzing (Jazzer)";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        List<Method> tests = fuzzTests();
        if (tests.isEmpty()) {
            LOG.info("No fuzz tests ({}.*FuzzTest) are present; nothing to fuzz", PACKAGE);
            return List.of(Figure.skipped(id(), "Fuzz tests", "no finding",
                    "no fuzz tests present (" + PACKAGE + ".*FuzzTest with @FuzzTest methods)"));
        }
        List<Figure> figures = new ArrayList<>();
        for (Method test : tests) {
            String name = test.getDeclaringClass().getSimpleName() + "#" + test.getName();
            LOG.info("Fuzzing {} for {} s", name, config.fuzzSeconds());
            long start = System.nanoTime();
            int exit = fuzz(config, test);
            double seconds = (System.nanoTime() - start) / 1e9;
            figures.add(Figure.check(id(), "Fuzz " + name + " for " + config.fuzzSeconds() + " s", "no finding",
                    exit == 0, exit == 0 ? "no finding" : "finding or failure (exit " + exit + ")",
                    String.format(java.util.Locale.ROOT, "Maven run took %.0f s; findings are written under"
                            + " src/test/resources/%s/", seconds, PACKAGE.replace('.', '/'))));
        }
        return figures;
    }

    /** The @FuzzTest methods of the compiled fuzz test classes. */
    static List<Method> fuzzTests() throws IOException, ClassNotFoundException {
        Path dir = Path.of(System.getProperty("bench.basedir", "."), "target", "test-classes",
                PACKAGE.replace('.', '/'));
        List<Method> tests = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return tests;
        }
        List<String> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith("FuzzTest.class"))
                    .map(name -> PACKAGE + "." + name.substring(0, name.length() - ".class".length()))
                    .sorted().toList();
        }
        for (String className : classes) {
            for (Method method : Class.forName(className).getDeclaredMethods()) {
                if (method.isAnnotationPresent(FuzzTest.class)) {
                    tests.add(method);
                }
            }
        }
        return tests;
    }

    /**
     * One Surefire run of one fuzz test method. {@code -Djvm} points Surefire at this JDK, because a goal run on
     * its own skips the toolchain selection of the build.
     */
    private static int fuzz(BenchConfig config, Method test) throws IOException, InterruptedException {
        List<String> command = List.of(config.mvn(), "-q", "surefire:test",
                "-Djvm=" + ChildJvm.javaExecutable(),
                "-Dtest=" + test.getDeclaringClass().getName() + "#" + test.getName(),
                "-Dsurefire.failIfNoSpecifiedTests=false",
                // Jazzer turns a test's @Timeout into a limit per input; JUnit would apply it to the whole run.
                "-Djunit.jupiter.execution.timeout.mode=disabled",
                "-Djazzer.max_duration=" + config.fuzzSeconds() + "s",
                // surefire:test alone takes the plugin's heap; fuzzing runs with the fuzz execution's 256 MiB.
                "-Dtest.heap=256m");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(System.getProperty("bench.basedir", ".")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("JAZZER_FUZZ", "1");
        Process process = builder.start();
        if (!process.waitFor(config.fuzzSeconds() + 300L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
