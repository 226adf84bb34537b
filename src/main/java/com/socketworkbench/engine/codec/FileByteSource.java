package com.socketworkbench.engine.codec;

import com.socketworkbench.engine.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link ByteSource} over a file, read with positional {@link FileChannel} reads so any number of threads can read
 * at once. The last 64 KiB block read is cached, because a virtualised view asks for one 16-byte line at a time.
 *
 * <p>The file may grow while it is open (a body still being spooled) as long as bytes once written never change;
 * {@link #length()} reflects the current size.
 *
 * <p>A thread interrupted during a read makes the JDK close the channel for every thread; that read fails, and the
 * source reopens the file so other readers carry on. Only {@link #close()} ends the source for good.
 */
public final class FileByteSource implements ByteSource, AutoCloseable {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.codec.codec");

    static final int BLOCK_SIZE = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(FileByteSource.class);

    private record Block(long start, byte[] bytes, int count) {
    }

    @FunctionalInterface
    private interface ChannelCall<T> {
        T apply(FileChannel channel) throws IOException;
    }

    private final Path path;
    private final Object lock = new Object();
    private volatile FileChannel channel;
    private volatile boolean closed;
    private volatile Block cached;

    /** Opens {@code path} for reading. */
    public FileByteSource(Path path) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    /** Opens {@code path} for reading. */
    public static FileByteSource open(Path path) throws IOException {
        return new FileByteSource(path);
    }

    public Path path() {
        return path;
    }

    @Override
    public long length() {
        return call(FileChannel::size);
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        if (closed) {
            throw new UncheckedIOException(TEXT.get("file.closed", path), new ClosedChannelException());
        }
        if (len == 0) {
            return 0;
        }
        int total = 0;
        while (total < len) {
            long p = position + total;
            long blockStart = p - p % BLOCK_SIZE;
            int inBlock = (int) (p - blockStart);
            Block block = cached;
            if (block == null || block.start() != blockStart || inBlock >= block.count()) {
                block = load(blockStart);
                cached = block;
            }
            if (inBlock >= block.count()) {
                break;
            }
            int n = Math.min(len - total, block.count() - inBlock);
            System.arraycopy(block.bytes(), inBlock, dst, off + total, n);
            total += n;
            if (block.count() < BLOCK_SIZE && inBlock + n == block.count()) {
                break;
            }
        }
        return total == 0 ? -1 : total;
    }

    private Block load(long start) {
        byte[] bytes = new byte[BLOCK_SIZE];
        int count = call(ch -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                int n = ch.read(buffer, start + buffer.position());
                if (n < 0) {
                    break;
                }
            }
            return buffer.position();
        });
        return new Block(start, bytes, count);
    }

    private <T> T call(ChannelCall<T> call) {
        // Two attempts: the first may find the channel closed by another thread's interrupt.
        for (int attempt = 0; ; attempt++) {
            FileChannel ch = channel;
            try {
                return call.apply(ch);
            } catch (ClosedByInterruptException e) {
                reopenUnlessClosed(ch);
                throw new UncheckedIOException(TEXT.get("file.interrupted", path), e);
            } catch (ClosedChannelException e) {
                if (closed) {
                    throw new UncheckedIOException(TEXT.get("file.closed", path), e);
                }
                reopenUnlessClosed(ch);
                if (attempt > 0) {
                    throw new UncheckedIOException(TEXT.get("file.unreadable", path), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(TEXT.get("file.read.failed", path, e.getMessage()), e);
            }
        }
    }

    private void reopenUnlessClosed(FileChannel broken) {
        synchronized (lock) {
            if (closed || channel != broken) {
                return;
            }
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException(TEXT.get("file.reopen.failed", path, e.getMessage()), e);
            }
        }
    }

    /** Closes the file; later reads fail with an {@link UncheckedIOException}. Closing twice is harmless. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            cached = null;
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("Closing {} failed: {}", path, e.getMessage());
            }
        }
    }
}
