package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.framing.ByteAllowance;
import com.socketworkbench.engine.framing.FrameMemoryRefusedException;
import com.socketworkbench.engine.framing.FrameTooLargeException;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.engine.tls.TlsRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The reading side of a {@link TcpConnection}, on its reader thread: reads until the stream ends or fails, feeds
 * the framer, emits a BytesReceived per frame (and echoes it when asked), and runs the timers that silence starts.
 *
 * <p>The framer belongs to the reader thread. Other threads see what it holds through a snapshot published after
 * every change ({@link #pendingBytes()}, {@link #pending()}).
 */
final class ConnectionReader implements ByteAllowance {
    /** At most this much of an incomplete frame is copied for other threads after each read. */
    static final int PENDING_SNAPSHOT_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionReader.class);
    /** Raw framing makes every read one frame: such reads bypass the framer (see {@link ReadBuffer#take}). */
    private static final Class<? extends Framer> RAW_FRAMER = Framer.raw().getClass();

    /** What the framer held after the reader's last step: its size and (up to the limit) its first bytes. */
    private record PendingSnapshot(int size, byte[] head) {
        static final PendingSnapshot NONE = new PendingSnapshot(0, new byte[0]);
    }

    private final TcpConnection connection;
    private final StreamIo io;
    private final ConnectionSettings settings;
    private final ConnectionCounters counters;
    private volatile Supplier<Framer> framerFactory;
    private volatile PendingSnapshot pendingSnapshot = PendingSnapshot.NONE;
    /** When the last bytes arrived (or the connection opened): the read idle timeout counts from here. */
    private volatile long lastDataNanos = System.nanoTime();

    // Reader thread only.
    private Supplier<Framer> activeFactory;
    private Framer framer;
    /**
     * True when the framer comes from the engine's framing package, whose frames are new arrays nobody else holds:
     * those go into events as they are. A framer from elsewhere might reuse its arrays, so its frames are copied.
     */
    private boolean framesOwned;
    /** True once the framer was told about the current silence; reset by the next bytes. */
    private boolean idleSignalled;
    /** True once the first bytes were looked at for a TLS record: one check per connection, none after. */
    private boolean firstReadChecked;

    ConnectionReader(TcpConnection connection, StreamIo io, ConnectionSettings settings, ConnectionCounters counters,
                     Supplier<Framer> framerFactory) {
        this.connection = connection;
        this.io = io;
        this.settings = settings;
        this.counters = counters;
        this.framerFactory = Objects.requireNonNull(framerFactory, "framerFactory");
    }

    /** The framer's frame buffer asks for memory, from the connection's budget (the reader itself: no object more). */
    @Override
    public boolean reserve(long bytes) {
        return connection.reserveFrameMemory(bytes);
    }

    @Override
    public void release(long bytes) {
        connection.releaseFrameMemory(bytes);
    }

    /** Bytes of an incomplete frame after the last read. */
    int pendingBytes() {
        return pendingSnapshot.size();
    }

    /** A copy of the bytes of the incomplete frame: all of them, or the first {@link #PENDING_SNAPSHOT_LIMIT}. */
    byte[] pending() {
        return pendingSnapshot.head().clone();
    }

    /** Takes effect at the next read; bytes the old framer still held are emitted as one frame. */
    void setFramerFactory(Supplier<Framer> factory) {
        framerFactory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Reads until the stream ends or fails. One timed read serves three timers, all counted from the last bytes
     * received: the framer's idle gap (silence ends a frame), the read idle timeout (silence ends the connection)
     * and, while the read buffer is large, its release ({@link ReadBuffer}).
     */
    void run() {
        ReadBuffer buffer = new ReadBuffer(connection.readBufferAllowance());
        Framer.FrameSink frames = new Framer.FrameSink() {
            @Override
            public void frame(byte[] data, int reads) {
                frameReceived(data, reads);
            }

            @Override
            public void incomplete(byte[] data, int reads) {
                // A provisional view of pending bytes (a prompt without its delimiter): no message, no echo.
                connection.emitWhileOpen(new BytesReceived(Instant.now(), connection.id(), connection.local(),
                        connection.remote(), data, reads, false, true));
            }
        };
        try {
            while (true) {
                Framer current = framer(frames);
                long gap = current.idleGapMillis();
                long limit = settings.readIdleTimeoutMillis();
                long silent = millisSinceLastData();
                if (limit > 0 && silent >= limit) {
                    timedOut(limit);
                    return;
                }
                long wait = gap > 0 && !idleSignalled ? Math.max(1, gap - silent) : 0;
                if (limit > 0) {
                    wait = wait == 0 ? limit - silent : Math.min(wait, limit - silent);
                }
                if (buffer.isLarge()) {
                    long release = Math.max(1, ReadBuffer.RELEASE_AFTER_MILLIS - silent);
                    wait = wait == 0 ? release : Math.min(wait, release);
                }
                int n = io.read(buffer.array(), wait);
                current = framer(frames); // a factory set during the read applies to what it returned
                if (n == StreamIo.IDLE) {
                    if (millisSinceLastData() >= ReadBuffer.RELEASE_AFTER_MILLIS) {
                        buffer.release();
                    }
                    gap = current.idleGapMillis();
                    if (gap > 0 && !idleSignalled && millisSinceLastData() >= gap) {
                        idleSignalled = true;
                        current.onIdle(frames);
                        publishPending(current);
                    }
                    continue;
                }
                if (n < 0) {
                    current.onEndOfStream(frames);
                    publishPending(current);
                    connection.closeGracefully(CloseReason.PEER_CLOSED, "");
                    return;
                }
                lastDataNanos = System.nanoTime();
                idleSignalled = false;
                counters.bytesIn.add(n);
                if (!firstReadChecked) {
                    firstReadChecked = true;
                    tlsOnPlainConnection(buffer.array(), n);
                }
                if (current.getClass() == RAW_FRAMER) {
                    frameReceived(buffer.take(n), 1);
                    continue;
                }
                feed(current, buffer.array(), n, frames);
                buffer.filled(n);
                publishPending(current);
            }
        } catch (FrameTooLargeException e) {
            pendingSnapshot = PendingSnapshot.NONE; // the Failure explains these bytes; they are no incomplete frame
            connection.emit(failure(FailureKind.LIMIT_EXCEEDED, TcpText.TEXT.get("frame.too.large", sizeOf(e),
                    Endpoints.describe(connection.remote()), e.maximum()), SocketErrors.technicalDetail(e)));
            connection.finish(CloseReason.ERROR, e.getMessage());
        } catch (FrameMemoryRefusedException e) {
            connection.frameRefused(e.requested(), e.frameBytes());
        } catch (IOException e) {
            readFailed(e);
        } catch (RuntimeException | Error e) {
            // Whatever stops this thread ends the connection: a reader that just died would leave it counted, its
            // descriptor open and no close reported until Stop.
            stoppedUnexpectedly(e);
        } finally {
            framer = null; // a client keeps its last connection: its frame buffer must not outlive the reader
            connection.releaseAllFrameMemory();
            buffer.close();
        }
    }

    /**
     * A plain connection whose first bytes are a TLS hello or alert gets one Notice saying so, before the bytes:
     * "16 03 01 ..." alone does not tell a user the peer speaks TLS.
     */
    private void tlsOnPlainConnection(byte[] data, int length) {
        if (connection.isTls()) {
            return;
        }
        String hint = TlsRecords.explainOnPlainConnection(data, length);
        if (hint != null) {
            connection.emitWhileOpen(new Notice(Instant.now(), connection.id(), connection.local(),
                    connection.remote(), hint));
        }
    }

    private void stoppedUnexpectedly(Throwable e) {
        String what = TcpConnection.describe(e);
        try {
            LOG.error("Reading connection {} failed unexpectedly", connection.id(), e);
            connection.emitWhileOpen(failure(FailureKind.IO_ERROR, TcpText.TEXT.get("receive.failed",
                    Endpoints.describe(connection.remote()), what), SocketErrors.technicalDetail(e)));
        } finally {
            connection.finish(CloseReason.ERROR, TcpText.TEXT.get("detail.reader.failed", what));
        }
    }

    /**
     * The reader only looks at a changed timeout when it next wakes, which on a silent connection without one may
     * be never; this one-shot check covers that wait.
     */
    void watchReadIdleTimeout() {
        long limit = settings.readIdleTimeoutMillis();
        if (limit <= 0) {
            return;
        }
        long delay = Math.max(0, limit - millisSinceLastData());
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
            long current = settings.readIdleTimeoutMillis();
            if (current > 0 && connection.isOpen() && millisSinceLastData() >= current) {
                timedOut(current);
            }
        });
    }

    /**
     * Hands one read to the framer. Under {@link OversizePolicy#DISCARD} an oversized frame is reported, dropped,
     * and framing resumes with the rest of the read, as often as the read holds oversized frames.
     */
    private void feed(Framer current, byte[] buffer, int n, Framer.FrameSink frames) throws FrameTooLargeException {
        int length = n;
        // Every discard leaves fewer of the read's bytes to frame, so a working framer stops throwing within
        // n + 1 rounds; the bound keeps a broken one from spinning here forever.
        for (int round = 0; ; round++) {
            try {
                current.onBytes(buffer, 0, length, frames);
                return;
            } catch (FrameTooLargeException e) {
                if (settings.oversizePolicy() != OversizePolicy.DISCARD || round > n) {
                    throw e;
                }
                connection.emitWhileOpen(failure(FailureKind.LIMIT_EXCEEDED, TcpText.TEXT.get("frame.discarded",
                        sizeOf(e), e.maximum()),
                        e.getMessage()));
                current.discard();
                length = 0;
            }
        }
    }

    private Failure failure(FailureKind kind, String message, String detail) {
        return new Failure(Instant.now(), connection.id(), connection.local(), connection.remote(), Operation.RECEIVE,
                kind, message, detail);
    }

    /** One byte over the maximum is how a framer reports a frame whose end it has not seen yet. */
    private static String sizeOf(FrameTooLargeException e) {
        return e.size() == e.maximum() + 1 ? TcpText.TEXT.get("frame.more.than", e.maximum())
                : Long.toString(e.size());
    }

    private void publishPending(Framer current) {
        int size = current.pendingSize();
        if (size == 0) {
            if (pendingSnapshot.size() != 0) {
                pendingSnapshot = PendingSnapshot.NONE;
            }
            return;
        }
        pendingSnapshot = new PendingSnapshot(size, current.pending(PENDING_SNAPSHOT_LIMIT));
    }

    private long millisSinceLastData() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastDataNanos);
    }

    private void timedOut(long limitMillis) {
        connection.finish(CloseReason.TIMEOUT, TcpText.TEXT.get("detail.no.data",
                DurationText.of(Duration.ofMillis(limitMillis))));

    }

    private Framer framer(Framer.FrameSink frames) {
        Supplier<Framer> wanted = framerFactory;
        if (wanted != activeFactory) {
            Framer next = Objects.requireNonNull(wanted.get(), "the framer factory returned null");
            if (framer != null) {
                byte[] pending = framer.pending();
                framer = null;
                connection.releaseAllFrameMemory();
                if (pending.length > 0) {
                    frames.frame(pending, 1);
                }
            }
            next.useMemoryFrom(this);
            framer = next;
            framesOwned = next.getClass().getPackageName().equals(Framer.class.getPackageName());
            activeFactory = wanted;
            idleSignalled = false;
            publishPending(next);
        }
        return framer;
    }

    private void frameReceived(byte[] data, int reads) {
        byte[] copy = framesOwned ? data : data.clone();
        counters.messagesIn.increment();
        connection.emitWhileOpen(new BytesReceived(Instant.now(), connection.id(), connection.local(),
                connection.remote(), copy, reads, false));
        if (settings.echo()) {
            connection.echo(copy);
        }
    }

    private void readFailed(IOException e) {
        if (!connection.isOpen()) {
            return; // closed on our side: the exception is only the echo of that close
        }
        String tlsReason = connection.explainEarlyTlsClose(e);
        if (tlsReason != null) {
            // A reset right after the handshake by a server that asked for a certificate: its refusal, unread.
            connection.finish(failure(FailureKind.IO_ERROR, tlsReason, SocketErrors.technicalDetail(e)),
                    CloseReason.ERROR, tlsReason);
            return;
        }
        if (SocketErrors.classify(e) == FailureKind.CONNECTION_RESET) {
            connection.finish(CloseReason.RESET, "");
            return;
        }
        if (e instanceof javax.net.ssl.SSLException && connection.isTls()) {
            // An alert after the handshake (TLS 1.3 refuses a client certificate only after the client's Finished).
            String message = connection.explainTls(e);
            connection.finish(failure(FailureKind.IO_ERROR, message, SocketErrors.technicalDetail(e)),
                    CloseReason.ERROR, message);
            return;
        }
        connection.emit(SocketErrors.toFailure(e, Operation.RECEIVE, connection.id(), connection.local(),
                connection.remote()));
        connection.finish(CloseReason.ERROR, e.getMessage());
    }
}
