package com.socketworkbench.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes workspace files (and message library files) so that a crash never costs a whole file: the new
 * text goes to a temporary file in the same folder, is flushed to the disk, and is renamed over the old one in one
 * step; the previous version is first copied to {@code PATH.bak} the same way. At every moment {@code PATH} is either
 * the old file or the new one, complete.
 */
public final class WorkspaceFile {
    private WorkspaceFile() {
    }

    /** The workspace in {@code file}; the exception's message names the file and the problem. */
    public static Workspace load(Path file) throws WorkspaceFormatException, IOException {
        String text = readText(file);
        try {
            return WorkspaceJson.read(text);
        } catch (WorkspaceFormatException e) {
            throw new WorkspaceFormatException(file + ": " + e.getMessage(), e);
        }
    }

    public static void save(Workspace workspace, Path file) throws IOException {
        writeAtomically(file, WorkspaceJson.write(workspace));
    }

    /** {@code PATH.bak}: where {@link #writeAtomically} keeps the version it replaced. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** The file's text, strictly UTF-8 (a file in another encoding is refused rather than misread). */
    public static String readText(Path file) throws IOException, WorkspaceFormatException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.notUtf8", file), e);
        }
    }

    /** Replaces {@code file} with {@code text} (UTF-8) in one step, keeping the old content as {@code PATH.bak}. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        if (Files.exists(target)) {
            Path backup = backupOf(target);
            Path backupTemp = write(folder, Files.readAllBytes(target));
            move(backupTemp, backup);
        }
        move(write(folder, text.getBytes(StandardCharsets.UTF_8)), target);
    }

    private static Path write(Path folder, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(folder, ".socketworkbench-", ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(from);
            throw e;
        }
    }
}
