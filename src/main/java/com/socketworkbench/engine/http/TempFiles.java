package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.FileByteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temp files for spooled HTTP bytes: created in the system temp directory, deleted when released. */
final class TempFiles {

    static final String PREFIX = "socketworkbench-http-";
    private static final Logger log = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {
    }

    static Path create() throws IOException {
        Path file = Files.createTempFile(PREFIX, ".bin");
        // A safety net for a JVM that exits without closing its exchanges.
        file.toFile().deleteOnExit();
        return file;
    }

    /** Closes and deletes a spooled source; sources held in memory need nothing. Safe to call twice. */
    static void release(ByteSource source) {
        if (source instanceof FileByteSource file) {
            file.close();
            delete(file.path());
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temp file {}: {}", file, e.getMessage());
        }
    }
}
