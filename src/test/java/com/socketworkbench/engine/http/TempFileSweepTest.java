package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up sweep deletes only this app's spool files whose process is gone (or, for the older unnamed pattern,
 * that are over a day old), in a throwaway temp root: never a running process's file, a link, a directory or a
 * file that merely starts with the prefix.
 */
class TempFileSweepTest {

    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    @Test
    void onlyTheFilesOfEndedProcessesAndOldUnnamedOnesGo() throws IOException {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        Path dead = file("socketworkbench-http-4242-1748770000000-77.bin", 1000, now);
        Path reusedPid = file("socketworkbench-http-4343-1748770000000-78.bin", 10, now);
        Path running = file("socketworkbench-http-4444-1748779000000-79.bin", 10, now);
        Path oldUnnamed = file("socketworkbench-http-9182736455.bin", 5, now.minus(Duration.ofDays(2)));
        Path freshUnnamed = file("socketworkbench-http-9182736456.bin", 5, now.minus(Duration.ofHours(2)));
        Path otherSuffix = file("socketworkbench-http-4242-1748770000000-80.tmp", 5, now);
        Path otherPrefix = file("socketworkbench-4242-1748770000000-81.bin", 5, now);
        Path userFile = file("socketworkbench-http-notes.bin", 5, now.minus(Duration.ofDays(30)));
        Path directory = Files.createDirectory(root.resolve("socketworkbench-http-4242-1748770000000-82.bin"));
        Path target = file(elsewhere, "precious.bin", 5, now);
        Path link = Files.createSymbolicLink(root.resolve("socketworkbench-http-4242-1748770000000-83.bin"), target);

        // 4242 runs no more; 4343 is running but started at another time (its id was reused); 4444 is the owner.
        TempFileSweep.Result result = TempFileSweep.sweep(root, now,
                (pid, start) -> pid == 4444 && start == 1748779000000L);

        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(reusedPid));
        assertFalse(Files.exists(oldUnnamed));
        assertEquals(new TempFileSweep.Result(3, 1015), result);
        for (Path kept : new Path[]{running, freshUnnamed, otherSuffix, otherPrefix, userFile, directory, target}) {
            assertTrue(Files.exists(kept), kept + " must stay");
        }
        assertTrue(Files.isSymbolicLink(link), "a link is never followed nor removed");
    }

    @Test
    void thisProcessIsRunningAndItsOwnSpoolFilesStay() throws IOException {
        String prefix = TempFiles.ownPrefix(ProcessHandle.current());
        Path own = file(prefix + "12345.bin", 10, Instant.now());
        String[] parts = prefix.split("-");
        assertTrue(TempFileSweep.running(ProcessHandle.current().pid(), Long.parseLong(parts[3])));
        assertEquals(new TempFileSweep.Result(0, 0), TempFileSweep.sweep(root));
        assertTrue(Files.exists(own));
    }

    @Test
    void aProcessThatEndedIsNotRunning() throws Exception {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long pid = process.pid();
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        process.waitFor();
        process.onExit().get();
        assertFalse(TempFileSweep.running(pid, started));
    }

    @Test
    void aMissingDirectoryIsNoError() {
        assertEquals(new TempFileSweep.Result(0, 0), TempFileSweep.sweep(root.resolve("gone")));
    }

    private Path file(String name, int size, Instant modified) throws IOException {
        return file(root, name, size, modified);
    }

    private static Path file(Path dir, String name, int size, Instant modified) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
