package com.socketworkbench.engine.capture;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a temporary file next to it, moved over the target only when complete, so
 * a failed export (a full disk, a crash) never leaves a half file under the name the user chose. Public for the
 * exports of timelines that are not socket events (the WebSocket tab's frames).
 */
public final class AtomicFile {

    /** Writes the content into the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} whole or not at all; the failure's message is for the user. */
    public static void write(Path target, Content content) throws CaptureFileException {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + "-", ".part");
            content.writeTo(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary, e);
            throw CaptureErrors.writing(target, e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path temporary, Exception failure) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
