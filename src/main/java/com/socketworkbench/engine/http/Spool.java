package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.FileByteSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Collects bytes in memory up to a limit, then in a temp file, so a huge response never has to fit in the heap.
 * {@link #finish()} hands the bytes over as a {@link ByteSource}; the receiver releases it with
 * {@link TempFiles#release(ByteSource)}. {@link #discard()} drops everything if it is never finished.
 */
final class Spool {

    static final int DEFAULT_MEMORY_LIMIT = 8 * 1024 * 1024;

    private final int memoryLimit;
    private byte[] memory = new byte[8192];
    private int memoryCount;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean finished;

    Spool() {
        this(DEFAULT_MEMORY_LIMIT);
    }

    Spool(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IllegalStateException("spool already finished");
        }
        if (fileOut == null && memoryCount + (long) len > memoryLimit) {
            file = TempFiles.create();
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            fileOut.write(memory, 0, memoryCount);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            if (memoryCount + len > memory.length) {
                memory = Arrays.copyOf(memory, (int) Math.min(memoryLimit,
                        Math.max(memoryCount + (long) len, memory.length * 2L)));
            }
            System.arraycopy(b, off, memory, memoryCount, len);
            memoryCount += len;
        }
        size += len;
    }

    long size() {
        return size;
    }

    boolean isFileBacked() {
        return file != null;
    }

    /** Ends writing. The result is a {@link FileByteSource} when the bytes went to a file. */
    ByteSource finish() throws IOException {
        finished = true;
        if (fileOut == null) {
            // Exactly the bytes, and the growth buffer let go at once: the spool may outlive its result a while.
            byte[] bytes = memoryCount == memory.length ? memory : Arrays.copyOf(memory, memoryCount);
            memory = null;
            return ByteSource.of(bytes);
        }
        fileOut.close();
        try {
            return new FileByteSource(file);
        } catch (IOException e) {
            TempFiles.delete(file);
            throw e;
        }
    }

    /** Drops the bytes (deletes the temp file) when the spool will not be finished. */
    void discard() {
        finished = true;
        memory = null;
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException ignored) {
                // the file is deleted next; a failed close changes nothing
            }
            TempFiles.delete(file);
        }
    }
}
