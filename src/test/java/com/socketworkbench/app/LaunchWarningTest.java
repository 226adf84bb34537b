package com.socketworkbench.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The app starts without JavaFX's "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
 * warning (issue 11): a user reads a warning on every start as a fault. JavaFX prints it when the toolkit starts and
 * its classes came from the class path, whatever the app does, so where the launch command in pom.xml puts them
 * decides. This runs that very command (read by {@link LaunchCommand}: its JVM options, module path and class path)
 * with a main class that only starts and stops the toolkit ({@link FxLaunchWarningProbe}), a few seconds rather than a
 * whole app start, and reads its output; a second JVM shows that JavaFX does print the warning from the class path,
 * so the first test can fail.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LaunchWarningTest {
    static final String WARNING = "Unsupported JavaFX configuration";

    @TempDir
    Path dir;

    @Test
    void theLaunchCommandLoadsJavaFxAsModulesSoItPrintsNoConfigurationWarning() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java());
        for (String argument : LaunchCommand.fromPom(Path.of("pom.xml"))) {
            // A cache made for the app's classes has nothing to do with where JavaFX is loaded from.
            if (!argument.startsWith("-XX:AOTCache=")) {
                command.add(argument);
            }
        }
        assertEquals(Launcher.class.getName(), command.getLast(), "the launch starts the Launcher: " + command);
        assertTrue(command.stream().anyMatch(argument -> argument.startsWith("--module-path=")
                && argument.contains("javafx-graphics")), "JavaFX is on the launch's module path: " + command);
        command.set(command.size() - 1, FxLaunchWarningProbe.class.getName());
        command.addAll(command.size() - 1, List.of("-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true"));

        String output = run(command);

        assertFalse(output.contains(WARNING), "JavaFX warned about how it was loaded:\n" + output);
    }

    @Test
    void fromTheClassPathJavaFxPrintsTheWarningThisTestLooksFor() throws Exception {
        String output = run(List.of(java(), "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), FxLaunchWarningProbe.class.getName()));

        assertTrue(output.contains(WARNING + ": classes were loaded from 'unnamed module"), output);
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Runs {@code command} to its end (at most 60 s) and returns what it printed. */
    private String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "launch-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("did not exit within 60 s: " + String.join(" ", command) + "\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "exit status; output:\n" + output);
        return output;
    }
}
