package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.text.DurationText;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the request of one exchange: the head, then the body streamed as it is read, so a large body (a file) never
 * sits in memory whole. A socket write has no timeout, so a large request to a server that stops reading is watched
 * by a second thread: no progress for the read timeout closes the socket, and the write fails with a message that
 * says so.
 */
final class RequestWriter {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");
    /** Requests up to this size fit in the socket's send buffer, so their write cannot stall. */
    private static final int WATCHED_WRITE_THRESHOLD = 64 * 1024;
    private static final int WRITE_CHUNK = 16 * 1024;
    private static final Duration WATCHDOG_JOIN = Duration.ofSeconds(2);

    /** The write was given up for a reason its message tells the user; the connection is of no further use. */
    static class WriteAbortedException extends IOException {
        WriteAbortedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The write made no progress for the read timeout. */
    static final class WriteStalledException extends WriteAbortedException {
        WriteStalledException(String message) {
            super(message, null);
        }
    }

    /** The body could not be read to its announced length (a file gone, unreadable or shorter than before). */
    static final class BodyReadException extends WriteAbortedException {
        BodyReadException(String message, Throwable cause) {
            super(message, cause);
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

    /**
     * Writes the head, then the body as it is read ({@link RequestBody#open()}), in chunks: a large body never sits
     * in memory whole. A body that delivers fewer bytes than its length promised (a file that shrank) fails the
     * write, since the head announced that length.
     */
    void write(HttpConnection connection, PreparedRequest request, Duration stallTimeout) throws IOException {
        bytesSent = 0;
        OutputStream out = connection.out();
        long total = request.length();
        if (total <= WATCHED_WRITE_THRESHOLD) {
            byte[] whole;
            try {
                whole = request.bytes();
            } catch (UncheckedIOException e) {
                throw new BodyReadException(TEXT.get("body.readBefore",
                        e.getCause().getMessage()), e);
            }
            if (whole.length != total) {
                throw bodyEnded(request, whole.length - request.headEnd());
            }
            out.write(whole);
            out.flush();
            bytesSent = total;
            return;
        }
        AtomicLong progress = new AtomicLong();
        AtomicBoolean stalled = new AtomicBoolean();
        Thread watchdog = threads.start("http-write-watch-" + exchangeId,
                () -> watch(connection, progress, stalled, stallTimeout.toMillis()));
        try (InputStream body = openBody(request)) {
            byte[] head = request.headBytes();
            for (int off = 0; off < head.length; off += WRITE_CHUNK) {
                int n = Math.min(WRITE_CHUNK, head.length - off);
                out.write(head, off, n);
                bytesSent += n;
                progress.set(bytesSent);
            }
            byte[] chunk = new byte[WRITE_CHUNK];
            long bodySent = 0;
            while (bodySent < request.bodyLength()) {
                int n = readBody(body, chunk, (int) Math.min(chunk.length, request.bodyLength() - bodySent),
                        bodySent);
                if (n < 0) {
                    throw bodyEnded(request, bodySent);
                }
                out.write(chunk, 0, n);
                bytesSent += n;
                bodySent += n;
                progress.set(bytesSent);
            }
            out.flush();
        } catch (WriteAbortedException e) {
            throw e;
        } catch (IOException e) {
            if (stalled.get()) {
                throw new WriteStalledException(TEXT.get("failure.writeStalled",
                        DurationText.of(stallTimeout), bytesSent, total));
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

    private static InputStream openBody(PreparedRequest request) throws BodyReadException {
        try {
            return request.body().open();
        } catch (IOException e) {
            throw new BodyReadException(TEXT.get("body.open", e.getMessage()), e);
        }
    }

    private static int readBody(InputStream body, byte[] chunk, int len, long bodySent) throws BodyReadException {
        try {
            return body.read(chunk, 0, len);
        } catch (IOException e) {
            throw new BodyReadException(TEXT.get("body.readAfter", bodySent,
                    e.getMessage()), e);
        }
    }

    private static BodyReadException bodyEnded(PreparedRequest request, long delivered) {
        return new BodyReadException(TEXT.get("body.ended", delivered,
                request.bodyLength()),
                null);
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
