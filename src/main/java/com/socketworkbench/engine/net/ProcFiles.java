package com.socketworkbench.engine.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads kernel pseudo-files (/proc, /sys). Not {@code Files.readString}: such files report size 0 and, on a Linux
 * 6.x kernel with JDK 25, it returned only their first byte ("4" for 4194304); a plain stream reads to the end.
 */
public final class ProcFiles {
    private ProcFiles() {
    }

    /** The whole file as text, or empty when it is absent or unreadable (not Linux, no permission). */
    public static Optional<String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
