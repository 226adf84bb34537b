package com.socketworkbench.engine.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link PcapngRecorder} records to and its limits.
 *
 * @param file         the first file; the next ones are numbered before the extension: {@code capture.pcapng},
 *                     {@code capture-1.pcapng}, {@code capture-2.pcapng}, ... (see {@link #fileNumber})
 * @param transport    what the tab's events travelled over
 * @param maxFileBytes when the next event would take a file past this size, the recording continues in a new file
 *                     (at least {@value #MIN_FILE_BYTES}); a file is larger only when one event alone is
 * @param queueBytes   how many bytes of events may wait for the writer before {@link PcapngRecorder#emit} waits
 *                     for it (at least {@value #MIN_QUEUE_BYTES}); an event larger than this is let in alone
 * @param comment      added to every file's section comment (e.g. the tab's name); may be null
 * @param keepFiles    how many files a recording keeps: when a new file would make more, the oldest is deleted (a
 *                     ring buffer of the newest traffic, bounded on disk); 0 keeps every file
 */
public record RecorderConfig(Path file, CaptureTransport transport, long maxFileBytes, long queueBytes,
                             String comment, int keepFiles) {
    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final long DEFAULT_QUEUE_BYTES = 16L * 1024 * 1024;
    public static final long MIN_FILE_BYTES = 4_096;
    public static final long MIN_QUEUE_BYTES = 64 * 1024;

    public RecorderConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(transport, "transport");
        if (file.getFileName() == null) {
            throw new IllegalArgumentException("A recording needs a file name, not " + file);
        }
        if (maxFileBytes < MIN_FILE_BYTES) {
            throw new IllegalArgumentException("The file size limit must be at least " + MIN_FILE_BYTES
                    + " bytes, not " + maxFileBytes);
        }
        if (queueBytes < MIN_QUEUE_BYTES) {
            throw new IllegalArgumentException("The queue must hold at least " + MIN_QUEUE_BYTES + " bytes, not "
                    + queueBytes);
        }
        if (keepFiles < 0) {
            throw new IllegalArgumentException("The number of files to keep must be 0 (all) or more, not "
                    + keepFiles);
        }
    }

    /** Files of at most 100 MiB, all kept, a 16 MiB queue, no comment. */
    public static RecorderConfig of(Path file, CaptureTransport transport) {
        return new RecorderConfig(file, transport, DEFAULT_MAX_FILE_BYTES, DEFAULT_QUEUE_BYTES, null, 0);
    }

    public RecorderConfig withMaxFileBytes(long bytes) {
        return new RecorderConfig(file, transport, bytes, queueBytes, comment, keepFiles);
    }

    public RecorderConfig withQueueBytes(long bytes) {
        return new RecorderConfig(file, transport, maxFileBytes, bytes, comment, keepFiles);
    }

    public RecorderConfig withComment(String text) {
        return new RecorderConfig(file, transport, maxFileBytes, queueBytes, text, keepFiles);
    }

    /** Keeps only the newest {@code files} files (0: all). */
    public RecorderConfig withKeepFiles(int files) {
        return new RecorderConfig(file, transport, maxFileBytes, queueBytes, comment, files);
    }

    /**
     * The path of file number {@code n}: 0 is {@link #file} itself; later ones insert "-n" before the last dot of
     * the name ({@code capture.pcapng} → {@code capture-3.pcapng}), or append it to a name without one.
     */
    public Path fileNumber(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("File numbers start at 0: " + n);
        }
        if (n == 0) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return file.resolveSibling(numbered);
    }
}
