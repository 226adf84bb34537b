package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.workspace.MessagesJson;
import com.socketworkbench.workspace.SavedMessage;
import com.socketworkbench.workspace.WorkspaceFile;
import com.socketworkbench.workspace.WorkspaceFormatException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading and writing message library files (blocking; the panel calls these off the FX thread). Every problem
 * becomes an {@link IOException} whose message, written for the user, says what is wrong with the file without
 * repeating its name (the panel names it).
 */
final class MessageFiles {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    /** Far more than any hand-made library; a bigger file is refused before it is read into memory. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private MessageFiles() {
    }

    static List<SavedMessage> read(Path file) throws IOException {
        try {
            if (Files.isDirectory(file)) {
                throw new IOException(TEXT.get("file.folder"));
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IOException(TEXT.get("file.too.big", size, MAX_FILE_BYTES));
            }
            return MessagesJson.read(WorkspaceFile.readText(file));
        } catch (WorkspaceFormatException e) {
            throw new IOException(withoutFileName(e.getMessage(), file), e);
        } catch (NoSuchFileException e) {
            throw new IOException(TEXT.get("file.missing"), e);
        } catch (AccessDeniedException e) {
            throw new IOException(TEXT.get("file.denied"), e);
        }
    }

    static void write(Path file, List<SavedMessage> messages) throws IOException {
        try {
            WorkspaceFile.writeAtomically(file, MessagesJson.write(messages));
        } catch (AccessDeniedException e) {
            throw new IOException(TEXT.get("file.denied"), e);
        } catch (NoSuchFileException e) {
            throw new IOException(TEXT.get("file.folder.missing"), e);
        }
    }

    private static String withoutFileName(String message, Path file) {
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
