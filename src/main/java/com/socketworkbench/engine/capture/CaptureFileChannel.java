package com.socketworkbench.engine.capture;

import com.sun.nio.file.ExtendedOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file a capture's blocks go to, written past the page cache (direct I/O) where the file system allows it.
 *
 * <p>Why: a recording writes as fast as the traffic comes, GB/s on loopback, and buffered writes put every byte
 * through the page cache first: on a virtual machine whose host hands back the guest's free memory (as the machine
 * this project is measured on does) each fresh cache page costs a fault in the host, about 1.3 s of kernel time per GB,
 * more than the rest of the recording together; on any machine they push everything else out of the cache. Direct
 * writes go from the buffer to the disk (measured here: 0.2 s of kernel time per GB, 1.3–1.6 GB/s).
 *
 * <p>Direct I/O writes only whole aligned blocks from aligned memory. {@link #write(ByteBuffer, boolean)} therefore
 * writes the aligned part of the buffer directly and keeps the rest (less than one block) at the start of the
 * buffer for the next write. When the caller wants everything in the file (the writer is idle, or the file closes)
 * that rest goes through an ordinary buffered channel as well and stays in the buffer: the next direct write starts
 * at the same aligned offset and writes those bytes again with the ones after them. So the file holds exactly the
 * bytes written so far, never padding, and a reader opening it during a recording sees whole blocks.
 *
 * <p>Where direct I/O is not available (a file system that refuses it, such as an older tmpfs, or a block size that
 * does not fit the buffer) every write goes through the buffered channel, as before.
 *
 * <p>The writer's buffer ({@link #newBuffer}) lives in this channel's own memory and is freed when it closes: a
 * recording rotates files every 100 MiB, up to ten a second on loopback, and direct buffers left to the garbage
 * collector would pile up 4 MiB each until a full collection.
 */
final class CaptureFileChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureFileChannel.class);
    /** Direct I/O needs memory and file offsets aligned to the file system's block; no block is larger here. */
    static final int MAX_ALIGNMENT = 64 * 1024;

    private final Path path;
    private final FileChannel buffered;
    private FileChannel direct;
    private final int alignment;
    private final Arena memory = Arena.ofShared();
    /** The file offset where the bytes at the start of the caller's buffer belong. */
    private long position;
    /** Bytes at the start of the buffer already in the file through the buffered channel. */
    private int restInFile;

    private CaptureFileChannel(Path path, FileChannel buffered, FileChannel direct, int alignment) {
        this.path = path;
        this.buffered = buffered;
        this.direct = direct;
        this.alignment = alignment;
    }

    /** Creates (or empties) {@code path}; direct I/O when {@code tryDirect} and the file system takes it. */
    static CaptureFileChannel create(Path path, boolean tryDirect) throws IOException {
        FileChannel buffered = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        if (!tryDirect) {
            return new CaptureFileChannel(path, buffered, null, 1);
        }
        try {
            int block = Math.toIntExact(Files.getFileStore(path).getBlockSize());
            if (block <= 0 || block > MAX_ALIGNMENT || Integer.bitCount(block) != 1) {
                return new CaptureFileChannel(path, buffered, null, 1);
            }
            FileChannel direct = FileChannel.open(path, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            return new CaptureFileChannel(path, buffered, direct, block);
        } catch (IOException | UnsupportedOperationException | ArithmeticException e) {
            LOG.debug("Writing {} through the page cache: no direct I/O ({})", path, e.toString());
            return new CaptureFileChannel(path, buffered, null, 1);
        }
    }

    /**
     * A buffer for {@link #write}: memory aligned for direct I/O, little-endian as pcapng is written, valid until this
     * channel closes.
     */
    ByteBuffer newBuffer(int capacity) {
        return memory.allocate(capacity, MAX_ALIGNMENT).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** True when writes go past the page cache. */
    boolean isDirect() {
        return direct != null;
    }

    /**
     * Writes the bytes before the buffer's position (the buffer as filled: position = end of data) and leaves it
     * ready to be filled on: empty, or holding at its start the rest shorter than a block that direct I/O could not
     * write yet. With {@code everything}, that rest is in the file too.
     *
     * @return bytes in the file so far
     */
    long write(ByteBuffer buffer, boolean everything) throws IOException {
        int end = buffer.position();
        if (direct == null) {
            writeFully(buffered, buffer.flip(), position);
            position += end;
            buffer.clear();
            return position;
        }
        int whole = end - end % alignment;
        if (whole > 0) {
            try {
                writeFully(direct, buffer.slice(0, whole), position);
            } catch (IOException e) {
                if (position > 0) {
                    throw e;
                }
                // Some file systems accept the option at open but refuse the first write (EINVAL): do without it.
                LOG.debug("Writing {} through the page cache: the direct write failed ({})", path, e.toString());
                closeDirect();
                return write(buffer, everything);
            }
            position += whole;
            buffer.put(0, buffer, whole, end - whole).position(end - whole);
            restInFile = 0;
        }
        int rest = buffer.position();
        if (everything && rest > restInFile) {
            writeFully(buffered, buffer.slice(restInFile, rest - restInFile), position + restInFile);
            restInFile = rest;
        }
        return position + restInFile;
    }

    /** Closes the file and frees the buffers made by {@link #newBuffer}; again, does nothing. */
    @Override
    public void close() throws IOException {
        if (!memory.scope().isAlive()) {
            return;
        }
        try (memory; buffered) {
            closeDirect();
        }
    }

    private void closeDirect() throws IOException {
        FileChannel open = direct;
        direct = null;
        if (open != null) {
            open.close();
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
        long offset = at;
        while (bytes.hasRemaining()) {
            offset += channel.write(bytes, offset);
        }
    }
}
