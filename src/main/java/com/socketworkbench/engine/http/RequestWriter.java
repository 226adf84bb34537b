package com.socketworkbench.engine.http;

import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.text.DurationText;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the request bytes of one exchange. A socket write has no timeout, so a large request to a server that stops
 * reading is watched by a second thread: no progress for the read timeout closes the socket, and the write fails
 * with a message that says so.
 */
final class RequestWriter {
    /** Requests up to this size fit in the socket's send buffer, so their write cannot stall. */
    private static final int WATCHED_WRITE_THRESHOLD = 64 * 1024;
    private static final int WRITE_CHUNK = 16 * 1024;
    private static final Duration WATCHDOG_JOIN = Duration.ofSeconds(2);

    /** The write made no progress for the read timeout; the message is for the user. */
    static final class WriteStalledException extends IOException {
        WriteStalledException(String message) {
            super(message);
        }
    }

    private final long exchangeId;
    private final EngineThreads threads;
    private long bytesSent;

    RequestWriter(long exchangeId, EngineThreads threads) {
        this.exchangeId = exchangeId;
        this.threads = threads;
    }

    /** Forgets the bytes of an attempt on a stale connection: the request goes out again from the start. */
    void reset() {
        bytesSent = 0;
    }

    /** Bytes written so far (by the last {@link #write}). */
    long bytesSent() {
        return bytesSent;
    }

    void write(HttpConnection connection, byte[] bytes, Duration stallTimeout) throws IOException {
        bytesSent = 0;
        OutputStream out = connection.out();
        if (bytes.length <= WATCHED_WRITE_THRESHOLD) {
            out.write(bytes);
            out.flush();
            bytesSent = bytes.length;
            return;
        }
        AtomicLong progress = new AtomicLong();
        AtomicBoolean stalled = new AtomicBoolean();
        Thread watchdog = threads.start("http-write-watch-" + exchangeId,
                () -> watch(connection, progress, stalled, stallTimeout.toMillis()));
        try {
            for (int off = 0; off < bytes.length; off += WRITE_CHUNK) {
                int n = Math.min(WRITE_CHUNK, bytes.length - off);
                out.write(bytes, off, n);
                bytesSent += n;
                progress.set(bytesSent);
            }
            out.flush();
        } catch (IOException e) {
            if (stalled.get()) {
                throw new WriteStalledException("The server stopped accepting the request: nothing could be"
                        + " written for " + DurationText.of(stallTimeout) + " after " + bytesSent + " of "
                        + bytes.length + " bytes (write timeout)");
            }
            throw e;
        } finally {
            watchdog.interrupt();
            try {
                watchdog.join(WATCHDOG_JOIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void watch(HttpConnection connection, AtomicLong progress, AtomicBoolean stalled,
                              long timeoutMillis) {
        long seen = 0;
        try {
            while (true) {
                Thread.sleep(timeoutMillis);
                long now = progress.get();
                if (now == seen) {
                    stalled.set(true);
                    connection.closeQuietly();
                    return;
                }
                seen = now;
            }
        } catch (InterruptedException e) {
            // the write finished (or failed) first
        }
    }
}
