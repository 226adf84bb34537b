package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.FileByteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temp files for spooled HTTP bytes: created in the system temp directory, deleted when released. Each name says
 * which process made it ({@code socketworkbench-http-<pid>-<process start ms>-<random>.bin}), so that
 * {@link TempFileSweep} can tell the files of a process that died without cleaning up from those still in use.
 */
final class TempFiles {

    static final String PREFIX = "socketworkbench-http-";
    static final String SUFFIX = ".bin";
    private static final Logger log = LoggerFactory.getLogger(TempFiles.class);
    private static final String OWN_PREFIX = ownPrefix(ProcessHandle.current());

    private TempFiles() {
    }

    static Path create() throws IOException {
        Path file = Files.createTempFile(OWN_PREFIX, SUFFIX);
        // A safety net for a JVM that exits without closing its exchanges; a crash is left to the next start's sweep.
        file.toFile().deleteOnExit();
        return file;
    }

    /** "socketworkbench-http-4711-1733140000123-": this process's id and start, 0 when the start is unknown. */
    static String ownPrefix(ProcessHandle process) {
        long started = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return PREFIX + process.pid() + "-" + started + "-";
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
