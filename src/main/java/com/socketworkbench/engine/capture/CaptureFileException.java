package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.FailureKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An export or a recording could not write its file. The message is for the user ("Cannot write
 * /home/me/cap.pcapng: the disk is full"); {@link #kind()} classifies it like a socket failure (PERMISSION_DENIED,
 * LIMIT_EXCEEDED for a full disk, INVALID_INPUT for a path that cannot be a file, IO_ERROR otherwise).
 */
public final class CaptureFileException extends IOException {
    private final FailureKind kind;
    private final transient Path file;

    CaptureFileException(String message, FailureKind kind, Path file, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = file;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The file (or folder) that could not be written. */
    public Path file() {
        return file;
    }
}
