package com.socketworkbench.cli;

import com.socketworkbench.app.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's main class with a command runs the command line and never the toolkit: a child JVM without a display and
 * without the headless glass platform runs {@code send} through {@link Launcher}, and its class-loading log holds no
 * JavaFX class.
 */
class HeadlessLaunchTest {

    @Test
    void theLauncherRunsSendWithoutLoadingAnyJavaFxClass(@TempDir Path scratch) throws Exception {
        Path classLog = scratch.resolve("classes.log");
        try (var peer = LoopbackPeers.tcp(2, received -> received)) {
            ChildProcess child = ChildProcess.run(List.of(ChildProcess.java(),
                    "-Xlog:class+load=info:file=" + classLog,
                    "-Djdk.net.hosts.file=" + Path.of("src/test/resources/test-hosts").toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                    "send", "tcp", "127.0.0.1", Integer.toString(peer.port()), "hi", "--wait", "5s"),
                    scratch, scratch, 60);
            assertEquals(0, child.exitCode(), child::toString);
            assertTrue(child.out().contains("00000000  68 69"), child::toString);
        }
        List<String> loaded = Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" " + SendCommand.class.getName() + " ")),
                "the log names the classes loaded, the command's among them");
        List<String> javaFx = loaded.stream()
                .filter(line -> line.contains(" javafx.") || line.contains(" com.sun.javafx.")
                        || line.contains(" com.sun.glass.") || line.contains(" com.sun.prism."))
                .toList();
        assertEquals(List.of(), javaFx);
    }
}
