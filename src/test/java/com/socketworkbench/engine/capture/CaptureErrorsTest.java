package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.FailureKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the user reads when a capture file cannot be written, by what the file system said. */
class CaptureErrorsTest {
    private static final Path FILE = Path.of("/data/captures/c.pcapng");

    private static CaptureFileException of(Throwable e) {
        return CaptureErrors.writing(FILE, e);
    }

    @Test
    void eachCommonCauseGetsItsKindAndWords() {
        assertEquals(FailureKind.PERMISSION_DENIED, of(new AccessDeniedException(FILE.toString())).kind());
        assertEquals("Cannot write " + FILE + ": permission denied (choose a folder you can write to)",
                of(new AccessDeniedException(FILE.toString())).getMessage());
        CaptureFileException full = of(new FileSystemException(FILE.toString(), null, "No space left on device"));
        assertEquals(FailureKind.LIMIT_EXCEEDED, full.kind());
        assertEquals("Cannot write " + FILE + ": the disk is full", full.getMessage());
        assertEquals(FailureKind.LIMIT_EXCEEDED, of(new IOException("Disk quota exceeded")).kind());
        CaptureFileException missing = of(new NoSuchFileException(FILE.toString()));
        assertEquals(FailureKind.INVALID_INPUT, missing.kind());
        assertEquals("Cannot write " + FILE + ": the folder /data/captures does not exist", missing.getMessage());
        assertEquals(FailureKind.PERMISSION_DENIED,
                of(new FileSystemException(FILE.toString(), null, "Read-only file system")).kind());
        CaptureFileException other = of(new IOException("Input/output error"));
        assertEquals(FailureKind.IO_ERROR, other.kind());
        assertEquals("Cannot write " + FILE + ": Input/output error", other.getMessage());
        assertEquals(FILE, other.file());
    }

    @Test
    void aCaptureFileExceptionPassesThroughUnchanged() {
        CaptureFileException known = of(new IOException("x"));
        assertSame(known, CaptureErrors.writing(Path.of("/elsewhere"), known));
    }
}
