package com.socketworkbench.engine.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes the spool files ({@link TempFiles}) that a process which ended without cleaning up (a crash, a kill) left
 * in a temp directory. Only regular files directly in that directory whose whole name is this app's pattern are
 * considered, never links or anything else: a file is deleted when the process named in it is no longer running
 * (no process with that id, or one that started at another time), and a file of the older unnamed pattern
 * ({@code socketworkbench-http-<random>.bin}) when it was last written over a day ago.
 */
public final class TempFileSweep {
    /** Files of the older pattern name no process; one untouched this long belongs to no running exchange. */
    static final Duration UNNAMED_AGE = Duration.ofDays(1);
    /** Process start times seen by two JVMs may differ by rounding; a reused id starts much later. */
    private static final long START_TOLERANCE_MS = 2_000;
    private static final Pattern NAMED = Pattern.compile(Pattern.quote(TempFiles.PREFIX) + "(\\d{1,19})-(\\d{1,19})-\\d+"
            + Pattern.quote(TempFiles.SUFFIX));
    private static final Pattern UNNAMED = Pattern.compile(Pattern.quote(TempFiles.PREFIX) + "\\d+"
            + Pattern.quote(TempFiles.SUFFIX));
    private static final Logger log = LoggerFactory.getLogger(TempFileSweep.class);

    /** What a sweep deleted. */
    public record Result(int files, long bytes) {
    }

    /** Whether the process that named a file is still running. */
    @FunctionalInterface
    interface Owners {
        boolean running(long pid, long startMillis);
    }

    private TempFileSweep() {
    }

    /** The directory spool files are made in. */
    public static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Sweeps {@code directory}; never throws (a file that cannot be deleted is logged and left). */
    public static Result sweep(Path directory) {
        return sweep(directory, Instant.now(), TempFileSweep::running);
    }

    static Result sweep(Path directory, Instant now, Owners owners) {
        int files = 0;
        long bytes = 0;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(directory, TempFiles.PREFIX + "*")) {
            for (Path file : candidates) {
                Optional<BasicFileAttributes> attributes = attributes(file);
                if (attributes.isEmpty() || !attributes.get().isRegularFile()
                        || !abandoned(file.getFileName().toString(), attributes.get(), now, owners)) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(file)) {
                        files++;
                        bytes += attributes.get().size();
                    }
                } catch (IOException e) {
                    log.warn("Could not delete the abandoned temp file {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Sweeping {} for abandoned temp files failed: {}", directory, e.getMessage());
        }
        if (files > 0) {
            log.info("Deleted {} temp files ({} bytes) left in {} by runs that ended without cleaning up", files,
                    bytes, directory);
        }
        return new Result(files, bytes);
    }

    private static boolean abandoned(String name, BasicFileAttributes attributes, Instant now, Owners owners) {
        Matcher named = NAMED.matcher(name);
        if (named.matches()) {
            try {
                return !owners.running(Long.parseLong(named.group(1)), Long.parseLong(named.group(2)));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return UNNAMED.matcher(name).matches()
                && attributes.lastModifiedTime().toInstant().plus(UNNAMED_AGE).isBefore(now);
    }

    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A process with that id that started then (or whose start is unknown on either side) is the owner. */
    static boolean running(long pid, long startMillis) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(process -> {
            Optional<Instant> started = process.info().startInstant();
            return startMillis == 0 || started.isEmpty()
                    || Math.abs(started.get().toEpochMilli() - startMillis) <= START_TOLERANCE_MS;
        }).orElse(false);
    }
}
