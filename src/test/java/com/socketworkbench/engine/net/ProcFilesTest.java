package com.socketworkbench.engine.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcFilesTest {

    @Test
    void readsAWholeKernelFileThatReportsSizeZero() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(range), "no " + range + " on this system (not Linux)");
        String text = ProcFiles.read(range).orElseThrow().strip();
        assertTrue(text.matches("\\d+\\s+\\d+"), "both ends of the range, was '" + text + "'");
    }

    @Test
    void readsAnOrdinaryFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x"), "4194304\n");
        assertEquals(Optional.of("4194304\n"), ProcFiles.read(file));
    }

    @Test
    void anAbsentFileIsEmpty(@TempDir Path dir) {
        assertEquals(Optional.empty(), ProcFiles.read(dir.resolve("absent")));
    }
}
