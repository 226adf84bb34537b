package com.socketworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/socket-workbench end to end, started from another directory: it finds the checkout, the launch jar and a JDK 25
 * by itself (building what is missing) and sends through the command line to a loopback peer.
 */
class ScriptTest {
    private static final Path SCRIPT = Path.of("bin/socket-workbench").toAbsolutePath();

    @Test
    void theScriptSendsAndPrintsTheReply(@TempDir Path elsewhere) throws Exception {
        assumeTrue(bash() != null, "bash is not installed");
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " is executable");
        try (var peer = LoopbackPeers.tcp(7, received -> "OK 42\r\n".getBytes())) {
            ChildProcess child = ChildProcess.run(List.of(bash(), SCRIPT.toString(), "send", "tcp", "127.0.0.1",
                    Integer.toString(peer.port()), "HELLO\\r\\n", "--wait", "10s"), elsewhere, elsewhere, 300);
            assertEquals(0, child.exitCode(), child::toString);
            assertEquals("HELLO\r\n", new String(peer.received));
            assertTrue(child.out().contains("|OK 42..|"), child::toString);
        }
        Path scenario = Files.writeString(elsewhere.resolve("refused.yaml"), """
                connections:
                  dev: { tcp: "127.0.0.1:%d" }
                steps:
                  - send: { to: dev, text: "hi" }
                """.formatted(LoopbackPeers.closedTcpPort()));
        ChildProcess run = ChildProcess.run(List.of(bash(), SCRIPT.toString(), "run", "refused.yaml", "--junit",
                "out/report.xml"), elsewhere, elsewhere, 120);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(Files.isRegularFile(elsewhere.resolve("out/report.xml")), "the report, relative to where it ran");
        // The command's output is its answer: no engine INFO log lines in between.
        assertFalse(run.err().contains(" INFO "), run::toString);
        assertTrue(Files.isRegularFile(scenario));
        ChildProcess unknown = ChildProcess.run(List.of(bash(), SCRIPT.toString(), "frobnicate"), elsewhere,
                elsewhere, 120);
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("Unknown command 'frobnicate'."), unknown::toString);
    }

    private static String bash() {
        for (String candidate : new String[]{"/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
