package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.event.FailureKind;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/** Turns what the file system threw into a {@link CaptureFileException} whose message says what to do about it. */
final class CaptureErrors {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.capture.capture");

    private CaptureErrors() {
    }

    static CaptureFileException writing(Path file, Throwable e) {
        if (e instanceof CaptureFileException known) {
            return known;
        }
        String text = reasonText(e);
        if (e instanceof AccessDeniedException || e instanceof ReadOnlyFileSystemException
                || text.contains("permission denied") || text.contains("read-only file system")) {
            return new CaptureFileException(TEXT.get("error.write", file, TEXT.get("error.denied")),
                    FailureKind.PERMISSION_DENIED, file, e);
        }
        if (text.contains("no space left") || text.contains("disk quota") || text.contains("not enough space")) {
            return new CaptureFileException(TEXT.get("error.write", file, TEXT.get("error.full")), FailureKind.LIMIT_EXCEEDED, file, e);
        }
        if (e instanceof NoSuchFileException) {
            return new CaptureFileException(TEXT.get("error.write", file,
                    TEXT.get("error.folder.missing", file.toAbsolutePath().getParent())),
                    FailureKind.INVALID_INPUT, file, e);
        }
        if (e instanceof NotDirectoryException || text.contains("not a directory")) {
            return new CaptureFileException(TEXT.get("error.write", file, TEXT.get("error.not.folder")),
                    FailureKind.INVALID_INPUT, file, e);
        }
        if (text.contains("is a directory")) {
            return new CaptureFileException(TEXT.get("error.write", file, TEXT.get("error.is.folder")), FailureKind.INVALID_INPUT, file, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CaptureFileException(TEXT.get("error.write", file, message), FailureKind.IO_ERROR, file, e);
    }

    /** The operating system's words: a FileSystemException's reason, otherwise the message; lower case. */
    private static String reasonText(Throwable e) {
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
