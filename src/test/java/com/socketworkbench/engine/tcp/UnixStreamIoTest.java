package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.net.ShortTempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timed reads and wake-up on close of a Unix domain channel, which has no socket adaptor and so no SO_TIMEOUT. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixStreamIoTest {
    @TempDir(factory = ShortTempDir.class)
    Path dir;

    private ServerSocketChannel listener;
    private SocketChannel peer;
    private UnixStreamIo io;

    @BeforeEach
    void connect() throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("io.sock"));
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(address);
        peer = SocketChannel.open(address);
        io = (UnixStreamIo) StreamIo.of(listener.accept());
    }

    @AfterEach
    void close() throws IOException {
        io.close();
        peer.close();
        listener.close();
    }

    @Test
    void aSilentReadReturnsIdleAfterTheGapAndNotBefore() throws IOException {
        long start = System.nanoTime();
        assertEquals(StreamIo.IDLE, io.read(new byte[16], 120));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMillis >= 120, "returned after " + elapsedMillis + " ms");
        assertTrue(elapsedMillis < 5_000, "returned after " + elapsedMillis + " ms");
    }

    @Test
    void bytesThatArriveDuringTheWaitAreReturned() throws Exception {
        byte[] buffer = new byte[16];
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return io.read(buffer, 10_000);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        peer.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertEquals(3, read.get(5, TimeUnit.SECONDS));
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(buffer, 3));
    }

    @Test
    void endOfStreamIsMinusOne() throws IOException {
        peer.close();
        assertEquals(-1, io.read(new byte[16], 0));
    }

    @Test
    void closeWakesAReaderWaitingWithoutTimeout() throws Exception {
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return io.read(new byte[16], 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(read.isDone());
        io.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(5, TimeUnit.SECONDS));
        IOException cause = assertInstanceOf(IOException.class, e.getCause().getCause());
        assertTrue(cause instanceof AsynchronousCloseException || cause instanceof ClosedChannelException,
                cause.toString());
        // The socket is really closed once no selector holds it: the peer sees end of stream.
        assertEquals(-1, peer.read(ByteBuffer.allocate(1)));
    }

    @Test
    void closeWakesAWriterWaitingForAPeerThatDoesNotRead() throws Exception {
        AtomicLong written = new AtomicLong();
        CompletableFuture<IOException> writes = CompletableFuture.supplyAsync(() -> {
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            try {
                for (int i = 0; i < 10_000; i++) { // far beyond any socket buffer: it must end up waiting
                    chunk.clear();
                    while (chunk.hasRemaining()) {
                        written.addAndGet(io.write(chunk));
                    }
                }
            } catch (IOException e) {
                return e;
            }
            return null;
        });
        AtomicLong lastSeen = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> written.get() > 0 && written.get() == lastSeen.getAndSet(written.get()));
        assertFalse(writes.isDone(), "the writer waits for the peer to read");

        io.close();
        IOException ended = writes.get(5, TimeUnit.SECONDS);
        assertTrue(ended instanceof AsynchronousCloseException || ended instanceof ClosedChannelException,
                String.valueOf(ended));
    }
}
