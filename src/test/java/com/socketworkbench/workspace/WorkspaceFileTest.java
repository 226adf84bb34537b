package com.socketworkbench.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceFileTest {
    private static final int KILLS = 4;

    @TempDir
    Path dir;

    @Test
    void savingKeepsThePreviousVersionAsBak() throws Exception {
        Path file = dir.resolve("lab.json");
        Workspace first = WorkspaceJsonTest.sample();
        Workspace second = new Workspace(first.tabs().subList(0, 1), 0, List.of());
        WorkspaceFile.save(first, file);
        assertFalse(Files.exists(WorkspaceFile.backupOf(file)), "nothing to back up on the first save");
        WorkspaceFile.save(second, file);
        assertEquals(second, WorkspaceFile.load(file));
        assertEquals(first, WorkspaceFile.load(WorkspaceFile.backupOf(file)));
        assertEquals(dir.resolve("lab.json.bak"), WorkspaceFile.backupOf(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aSaveIntoAMissingFolderCreatesIt() throws Exception {
        Path file = dir.resolve("a/b/lab.json");
        WorkspaceFile.save(WorkspaceJsonTest.sample(), file);
        assertEquals(WorkspaceJsonTest.sample(), WorkspaceFile.load(file));
    }

    @Test
    void loadErrorsNameTheFile() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"version\": 1,\n \"tabs\": [}");
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFile.load(file));
        assertTrue(e.getMessage().startsWith(file + ": line 2, column"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNotMisread() throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"version\": 1, \"tabs\": [], \"x\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceFile.load(file));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void aFailedSaveLeavesTheOldFileAsItWas() throws Exception {
        Path file = dir.resolve("lab.json");
        WorkspaceFile.save(WorkspaceJsonTest.sample(), file);
        byte[] before = Files.readAllBytes(file);
        assertTrue(dir.toFile().setWritable(false), "the test needs a read-only folder");
        try {
            // Root may write anyway; then the save succeeds and there is nothing to check.
            try {
                WorkspaceFile.save(new Workspace(List.of(), 0, List.of()), file);
                return;
            } catch (java.io.IOException expected) {
                assertArrayEquals(before, Files.readAllBytes(file));
            }
        } finally {
            dir.toFile().setWritable(true);
        }
    }

    /**
     * A child JVM saves two ~4 MB workspaces in turn; it is killed (SIGKILL) in the middle of a save: while a
     * temporary file exists, or while the target is shorter than a whole workspace (how a save that writes in place
     * would look). The file must then be one of the two workspaces, whole.
     */
    @Test
    void aKillDuringSaveLeavesEitherTheOldOrTheNewFileWhole() throws Exception {
        Path file = dir.resolve("killed.json");
        List<Workspace> both = List.of(WorkspaceSaveLoop.big('a'), WorkspaceSaveLoop.big('b'));
        long whole = WorkspaceJson.write(both.get(0)).length();
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    WorkspaceSaveLoop.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                        .until(() -> Files.exists(WorkspaceFile.backupOf(file)) && savingNow(file, whole));
            } finally {
                child.destroyForcibly().waitFor();
            }
            Workspace left = WorkspaceFile.load(file);
            assertTrue(both.contains(left), "after kill " + kill + " the file is neither workspace whole");
        }
    }

    private boolean savingNow(Path file, long wholeSize) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(path -> path.getFileName().toString().endsWith(".tmp"))) {
                return true;
            }
        }
        try {
            return Files.size(file) < wholeSize;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
