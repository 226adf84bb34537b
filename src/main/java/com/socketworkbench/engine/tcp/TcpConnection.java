package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.FrameTooLargeException;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.SocketOptionsApplier;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import com.socketworkbench.engine.text.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One established stream connection (TCP or Unix domain), either side: a reader thread feeding the framer and a
 * writer thread draining a FIFO of outgoing payloads. How the channel is read with a timeout (needed for idle-gap
 * framing) depends on its family; {@link StreamIo} hides that.
 *
 * <p>Every path that ends the connection goes through {@link #finish}, which decides the one close reason under the
 * lock, so exactly one {@link ConnectionClosed} is emitted however reader, writer and callers race.
 *
 * <p>The framer belongs to the reader thread. Other threads see what it holds through a snapshot the reader
 * publishes after every change ({@link #pendingBytes()}, {@link #pending()}).
 */
final class TcpConnection {
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** How long a graceful close waits for queued data to be written before it closes anyway. */
    static final Duration GRACEFUL_CLOSE_LIMIT = Duration.ofSeconds(5);
    /** At most this much of an incomplete frame is copied for other threads after each read. */
    static final int PENDING_SNAPSHOT_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    /** Raw framing makes every read one frame: such reads bypass the framer (see {@link ReadBuffer#take}). */
    private static final Class<? extends Framer> RAW_FRAMER = Framer.raw().getClass();

    private enum State { OPEN, OUTPUT_SHUT, CLOSING, CLOSED }

    /** What the framer held after the reader's last step: its size and (up to the limit) its first bytes. */
    private record PendingSnapshot(int size, byte[] head) {
        static final PendingSnapshot NONE = new PendingSnapshot(0, new byte[0]);
    }

    private final long id;
    private final StreamIo io;
    private final SocketAddress local;
    private final SocketAddress remote;
    private final Instant since = Instant.now();
    private final EventSink sink;
    private final EngineThreads threads;
    private final ConnectionSettings settings;
    private final Consumer<TcpConnection> onFinished;
    private volatile Supplier<Framer> framerFactory;

    private final LinkedBlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private State state = State.OPEN;
    private CloseReason closingReason;
    private CloseReason closeReason;
    private long queuedBytes;
    private volatile PendingSnapshot pendingSnapshot = PendingSnapshot.NONE;
    private volatile EffectiveOptions appliedOptions = new EffectiveOptions(List.of());
    /** When the last bytes arrived (or the connection opened): the read idle timeout counts from here. */
    private volatile long lastDataNanos = System.nanoTime();

    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();

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

    TcpConnection(long id, StreamIo io, SocketAddress local, SocketAddress remote, EventSink sink,
                  EngineThreads threads, Supplier<Framer> framerFactory, ConnectionSettings settings,
                  Consumer<TcpConnection> onFinished) {
        this.id = id;
        this.io = io;
        this.local = local;
        this.remote = remote;
        this.sink = sink;
        this.threads = threads;
        this.framerFactory = Objects.requireNonNull(framerFactory, "framerFactory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onFinished = onFinished;
    }

    void start() {
        threads.start("tcp-conn-" + id + "-write", this::writeLoop);
        threads.start("tcp-conn-" + id + "-read", this::readLoop);
    }

    long id() {
        return id;
    }

    SocketAddress local() {
        return local;
    }

    SocketAddress remote() {
        return remote;
    }

    long bytesIn() {
        return bytesIn.sum();
    }

    long bytesOut() {
        return bytesOut.sum();
    }

    long messagesIn() {
        return messagesIn.sum();
    }

    long messagesOut() {
        return messagesOut.sum();
    }

    ConnectionInfo info() {
        return new ConnectionInfo(id, local, remote, since, bytesIn(), bytesOut(), messagesIn(), messagesOut(),
                pendingBytes());
    }

    /** Bytes of an incomplete frame after the last read. */
    int pendingBytes() {
        return pendingSnapshot.size();
    }

    /** A copy of the bytes of the incomplete frame: all of them, or the first {@link #PENDING_SNAPSHOT_LIMIT}. */
    byte[] pending() {
        return pendingSnapshot.head().clone();
    }

    /**
     * Sets the options of {@code spec} on the socket now, remembers what was granted for {@link #effectiveOptions()}
     * and says so in a Notice; a changed read idle timeout counts from the last bytes received.
     */
    void applyOptions(SocketOptionsSpec spec) {
        if (spec.isEmpty() || !isOpen()) {
            return;
        }
        optionsApplied(SocketOptionsApplier.apply(io.channel(), spec));
        watchReadIdleTimeout();
    }

    /**
     * Keeps what {@link SocketOptionsApplier#apply} granted (before connect) and reports it as read now, with one
     * Failure for the options the system refused.
     */
    void optionsApplied(EffectiveOptions applied) {
        appliedOptions = applied;
        String refused = OptionsNotice.refusals("connection to " + Endpoints.describe(remote), applied);
        if (refused != null) {
            emitWhileOpen(new Failure(Instant.now(), id, local, remote, Operation.OPTIONS, FailureKind.IO_ERROR,
                    refused, ""));
        }
        String text = OptionsNotice.text("Socket options", effectiveOptions());
        if (text != null) {
            emitWhileOpen(new Notice(Instant.now(), id, local, remote, text));
        }
    }

    /** The socket's options read back now, with what was requested; empty once the connection has ended. */
    EffectiveOptions effectiveOptions() {
        if (!isOpen() || !io.channel().isOpen()) {
            return new EffectiveOptions(List.of());
        }
        return SocketOptionsApplier.reread(io.channel(), appliedOptions);
    }

    /** Family, type, both ends and the options; the peer as this connection reports it. */
    ConnectionDetails details() {
        ConnectionDetails described = ConnectionDetails.describe(io.channel());
        return new ConnectionDetails(described.family(), described.type(), described.role(), described.local(),
                remote, effectiveOptions());
    }

    /** Takes effect at the reader's next read; bytes the old framer still held are emitted as one frame. */
    void setFramerFactory(Supplier<Framer> factory) {
        framerFactory = Objects.requireNonNull(factory, "factory");
    }

    /** True until the connection is finished (also while half-closed or closing gracefully). */
    boolean isOpen() {
        synchronized (lock) {
            return state != State.CLOSED;
        }
    }

    /**
     * Queues {@code data} (owned by the connection from now on) for the writer; never blocks. Fails at once, with its
     * one Failure, when the connection no longer sends (INVALID_STATE) or the queue already holds
     * {@link #MAX_QUEUED_BYTES} (LIMIT_EXCEEDED). A send still queued when the connection ends is cancelled.
     */
    CompletableFuture<Void> send(byte[] data) {
        return enqueue(new Outgoing.Payload(data, new CompletableFuture<>()), false);
    }

    /**
     * Queues {@code data} (owned by the connection from now on) to be written as {@code plan} says; never blocks.
     * Fails at once like {@link #send(byte[])}, and (LIMIT_EXCEEDED) for a plan that would queue too much or make too
     * many writes.
     */
    CompletableFuture<Void> send(byte[] data, SendPlan plan) {
        if (plan.equals(SendPlan.WHOLE)) {
            return send(data);
        }
        String problem = plan.problemWith(data.length, MAX_QUEUED_BYTES);
        if (problem != null) {
            return refuse(FailureKind.LIMIT_EXCEEDED, problem);
        }
        byte[] block = data;
        int times = plan.repeat();
        if (plan.coalesce() && times > 1) {
            block = new byte[(int) plan.totalBytes(data.length)];
            for (int i = 0; i < times; i++) {
                System.arraycopy(data, 0, block, i * data.length, data.length);
            }
            times = 1;
        }
        return enqueue(new Outgoing.Payload(block, times, plan.segmentBytes(), plan.gapBetweenSegments().toNanos(),
                new CompletableFuture<>()), false);
    }

    /** @param echo an echo of received bytes, which a connection that no longer sends drops without a Failure */
    private CompletableFuture<Void> enqueue(Outgoing.Payload payload, boolean echo) {
        long size = payload.totalBytes();
        if (size == 0) {
            return CompletableFuture.completedFuture(null);
        }
        long waiting;
        synchronized (lock) {
            if (state != State.OPEN) {
                return echo ? CompletableFuture.failedFuture(notSent(size))
                        : refuse(FailureKind.INVALID_STATE, notSendingMessage());
            }
            waiting = queuedBytes;
            if (waiting + size <= MAX_QUEUED_BYTES) {
                queuedBytes += size;
                queue.add(payload);
                return payload.done();
            }
        }
        return refuse(FailureKind.LIMIT_EXCEEDED, "Not sent: " + size + " bytes would overfill the send queue to "
                + Endpoints.describe(remote) + " (" + waiting + " bytes are already waiting, the limit is "
                + MAX_QUEUED_BYTES / (1024 * 1024) + " MiB; the peer is not reading fast enough)");
    }

    /** A send that is not even queued: its one Failure, and the future that carries it. */
    private CompletableFuture<Void> refuse(FailureKind kind, String message) {
        Failure failure = new Failure(Instant.now(), id, local, remote, Operation.SEND, kind, message, "");
        sink.emit(failure);
        return CompletableFuture.failedFuture(new SocketErrorException(failure));
    }

    /** Writes what is queued, then closes with {@code reason}; gives up waiting after {@link #GRACEFUL_CLOSE_LIMIT}. */
    void closeGracefully(CloseReason reason, String detail) {
        synchronized (lock) {
            if (state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            state = State.CLOSING;
            closingReason = reason;
            queue.add(new Outgoing.Close(reason, detail));
            lock.notifyAll(); // a paced send skips its remaining pauses
        }
        CompletableFuture.delayedExecutor(GRACEFUL_CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                finish(reason, "queued data not sent within " + DurationText.of(GRACEFUL_CLOSE_LIMIT)));
    }

    /** Writes what is queued, then shuts down output; reading goes on until the peer closes. */
    void halfClose() {
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.OUTPUT_SHUT;
            queue.add(new Outgoing.ShutdownOutput());
            lock.notifyAll(); // a paced send skips its remaining pauses
        }
    }

    /**
     * Drops queued data and resets the connection (SO_LINGER 0): the peer sees RST instead of FIN. A Unix domain
     * socket has no reset; it is closed at once (queued data still dropped) and a Notice says so.
     */
    void abort() {
        if (!isOpen()) {
            return;
        }
        boolean reset = true;
        try {
            reset = io.prepareReset();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not set SO_LINGER 0 on connection {}", id, e);
        }
        if (!reset) {
            emitWhileOpen(new Notice(Instant.now(), id, local, remote,
                    "Abort (RST) is a TCP concept; a Unix socket was closed normally"));
            finish(CloseReason.LOCAL_CLOSE, "aborted: queued data dropped, closed normally (no reset on a Unix"
                    + " socket)");
            return;
        }
        finish(CloseReason.LOCAL_CLOSE, "RST sent (abort: SO_LINGER 0)");
    }

    void close(CloseMode mode) {
        switch (mode) {
            case GRACEFUL -> closeGracefully(CloseReason.LOCAL_CLOSE, gracefulCloseDetail());
            case HALF_CLOSE -> halfClose();
            case ABORT -> abort();
        }
    }

    /** What a graceful close sends: a FIN, unless SO_LINGER 0 turns the close into a reset. */
    private String gracefulCloseDetail() {
        if (isUnix()) {
            return "closed (graceful close): the peer reads end of stream";
        }
        try {
            if (io.channel().getOption(StandardSocketOptions.SO_LINGER) == 0) {
                return "RST sent: SO_LINGER is 0, so even a graceful close resets the connection";
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read SO_LINGER of connection {}", id, e);
        }
        return "FIN sent (graceful close)";
    }

    private boolean isUnix() {
        return io instanceof UnixStreamIo;
    }

    /**
     * Ends the connection now, unless it has ended already: emits the one ConnectionClosed, closes the channel (which
     * wakes blocked reader and writer) and fails queued sends. Returns false if it had ended before.
     */
    boolean finish(CloseReason reason, String detail) {
        List<Outgoing> dropped = new ArrayList<>();
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.CLOSED;
            closeReason = reason;
            queue.drainTo(dropped);
            queue.add(new Outgoing.Stop());
            lock.notifyAll(); // wakes a writer pausing between segments
            int pendingAtClose = pendingSnapshot.size();
            if (pendingAtClose > 0) {
                sink.emit(new Notice(Instant.now(), id, local, remote, (pendingAtClose == 1 ? "1 byte"
                        : pendingAtClose + " bytes") + " pending (incomplete frame) at close"));
            }
            sink.emit(new ConnectionClosed(Instant.now(), id, local, remote, reason, detail == null ? "" : detail));
        }
        try {
            io.close();
        } catch (IOException e) {
            LOG.debug("Closing connection {} failed", id, e);
        }
        for (Outgoing item : dropped) {
            if (item instanceof Outgoing.Payload payload) {
                payload.done().completeExceptionally(notSent(payload.totalBytes()));
            }
        }
        onFinished.accept(this);
        return true;
    }

    /**
     * Reads until the stream ends or fails. One timed read serves three timers, all counted from the last bytes
     * received: the framer's idle gap (silence ends a frame), the read idle timeout (silence ends the connection)
     * and, while the read buffer is large, its release ({@link ReadBuffer}).
     */
    private void readLoop() {
        ReadBuffer buffer = new ReadBuffer();
        Framer.FrameSink frames = this::frameReceived;
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
                    closeGracefully(CloseReason.PEER_CLOSED, "");
                    return;
                }
                lastDataNanos = System.nanoTime();
                idleSignalled = false;
                bytesIn.add(n);
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
            sink.emit(new Failure(Instant.now(), id, local, remote, Operation.RECEIVE, FailureKind.LIMIT_EXCEEDED,
                    "A frame of " + sizeOf(e) + " bytes from " + Endpoints.describe(remote) + " exceeds the maximum of "
                            + e.maximum() + " bytes; the connection was closed", SocketErrors.technicalDetail(e)));
            finish(CloseReason.ERROR, e.getMessage());
        } catch (IOException e) {
            readFailed(e);
        } catch (RuntimeException e) {
            LOG.error("Reading connection {} failed unexpectedly", id, e);
            sink.emit(new Failure(Instant.now(), id, local, remote, Operation.RECEIVE, FailureKind.IO_ERROR,
                    "Receiving from " + Endpoints.describe(remote) + " failed unexpectedly: " + e.getMessage(),
                    SocketErrors.technicalDetail(e)));
            finish(CloseReason.ERROR, e.getMessage());
        }
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
                emitWhileOpen(new Failure(Instant.now(), id, local, remote, Operation.RECEIVE,
                        FailureKind.LIMIT_EXCEEDED, "Frame of " + sizeOf(e) + " bytes exceeds the maximum of " + e.maximum()
                                + " bytes: discarded, resynchronising", e.getMessage()));
                current.discard();
                length = 0;
            }
        }
    }

    /** One byte over the maximum is how a framer reports a frame whose end it has not seen yet. */
    private static String sizeOf(FrameTooLargeException e) {
        return e.size() == e.maximum() + 1 ? "more than " + e.maximum() : Long.toString(e.size());
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
        finish(CloseReason.TIMEOUT, "no data for " + DurationText.of(Duration.ofMillis(limitMillis)));
    }

    /**
     * The reader only looks at a changed timeout when it next wakes, which on a silent connection without one may
     * be never; this one-shot check covers that wait.
     */
    private void watchReadIdleTimeout() {
        long limit = settings.readIdleTimeoutMillis();
        if (limit <= 0) {
            return;
        }
        long delay = Math.max(0, limit - millisSinceLastData());
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
            long current = settings.readIdleTimeoutMillis();
            if (current > 0 && isOpen() && millisSinceLastData() >= current) {
                timedOut(current);
            }
        });
    }

    private Framer framer(Framer.FrameSink frames) {
        Supplier<Framer> wanted = framerFactory;
        if (wanted != activeFactory) {
            Framer next = Objects.requireNonNull(wanted.get(), "the framer factory returned null");
            if (framer != null) {
                byte[] pending = framer.pending();
                if (pending.length > 0) {
                    frames.frame(pending, 1);
                }
            }
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
        messagesIn.increment();
        emitWhileOpen(new BytesReceived(Instant.now(), id, local, remote, copy, reads, false));
        if (settings.echo()) {
            enqueue(new Outgoing.Payload(copy, new CompletableFuture<>()), true);
        }
    }

    private void readFailed(IOException e) {
        if (!isOpen()) {
            return; // closed on our side: the exception is only the echo of that close
        }
        if (SocketErrors.classify(e) == FailureKind.CONNECTION_RESET) {
            finish(CloseReason.RESET, "");
            return;
        }
        sink.emit(SocketErrors.toFailure(e, Operation.RECEIVE, id, local, remote));
        finish(CloseReason.ERROR, e.getMessage());
    }

    private void writeLoop() {
        while (true) {
            Outgoing next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                finish(CloseReason.ERROR, "writer interrupted");
                return;
            }
            switch (next) {
                case Outgoing.Payload payload -> write(payload);
                case Outgoing.ShutdownOutput ignored -> shutdownOutput();
                case Outgoing.Close close -> finish(close.reason(), close.detail());
                case Outgoing.Stop ignored -> {
                    return;
                }
            }
        }
    }

    /** Writes a payload as planned: every write is its own BytesSent, paused from the previous one by the gap. */
    private void write(Outgoing.Payload payload) {
        byte[] block = payload.block();
        long unsent = payload.totalBytes();
        synchronized (lock) {
            queuedBytes -= unsent;
        }
        int segment = payload.segmentBytes() == 0 ? block.length : payload.segmentBytes();
        boolean first = true;
        for (int time = 0; time < payload.times(); time++) {
            for (int offset = 0; offset < block.length; offset += segment) {
                if (!first && payload.gapNanos() > 0 && !pause(payload.gapNanos())) {
                    payload.done().completeExceptionally(notSent(unsent));
                    return;
                }
                first = false;
                int length = Math.min(segment, block.length - offset);
                ByteBuffer buffer = ByteBuffer.wrap(block, offset, length);
                try {
                    while (buffer.hasRemaining()) {
                        bytesOut.add(io.write(buffer));
                    }
                } catch (IOException e) {
                    writeFailed(payload, unsent - (length - buffer.remaining()), e);
                    return;
                }
                unsent -= length;
                messagesOut.increment();
                byte[] sent = length == block.length ? block : Arrays.copyOfRange(block, offset, offset + length);
                emitWhileOpen(new BytesSent(Instant.now(), id, local, remote, sent));
            }
        }
        payload.done().complete(null);
    }

    /**
     * Waits between two writes of a paced send. Returns false when the connection ended meanwhile; returns early
     * (true) once a close or half-close was asked for, so that the rest is written without pauses.
     */
    private boolean pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            while (state == State.OPEN) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return state != State.CLOSED;
        }
    }

    private void writeFailed(Outgoing.Payload payload, long unsent, IOException e) {
        CloseReason endedBy;
        CloseReason requested;
        synchronized (lock) {
            endedBy = closeReason;
            requested = closingReason;
        }
        boolean peerGone = endedBy == CloseReason.PEER_CLOSED || endedBy == CloseReason.RESET;
        if (endedBy != null && !peerGone) {
            payload.done().completeExceptionally(notSent(unsent));
            return; // closed on our side, already reported
        }
        FailureKind kind = SocketErrors.classify(e);
        if (kind != FailureKind.BROKEN_PIPE && kind != FailureKind.CONNECTION_RESET && peerGone) {
            kind = endedBy == CloseReason.RESET ? FailureKind.CONNECTION_RESET : FailureKind.BROKEN_PIPE;
        }
        String message = switch (kind) {
            case BROKEN_PIPE -> "The peer has closed the connection (broken pipe): " + unsent
                    + " bytes were not sent";
            case CONNECTION_RESET -> "The peer reset the connection: " + unsent + " bytes were not sent";
            default -> SocketErrors.toFailure(e, Operation.SEND, id, local, remote).message() + "; " + unsent
                    + " bytes were not sent";
        };
        Failure failure = new Failure(Instant.now(), id, local, remote, Operation.SEND, kind, message,
                SocketErrors.technicalDetail(e));
        sink.emit(failure);
        payload.done().completeExceptionally(new SocketErrorException(failure, e));
        boolean peerProblem = kind == FailureKind.BROKEN_PIPE || kind == FailureKind.CONNECTION_RESET;
        // A reset outranks the end of stream the reader may have seen: once the writer has consumed the socket's
        // ECONNRESET, the reader's next read returns end of stream, and the peer did not close gracefully.
        CloseReason reason = kind == FailureKind.CONNECTION_RESET ? CloseReason.RESET
                : requested == CloseReason.PEER_CLOSED ? CloseReason.PEER_CLOSED
                : peerProblem ? CloseReason.RESET : CloseReason.ERROR;
        finish(reason, message);
    }

    private void shutdownOutput() {
        try {
            io.shutdownOutput();
            emitWhileOpen(new Notice(Instant.now(), id, local, remote, isUnix()
                    ? "Output shut down (half-close): the peer sees end of stream; still reading until the peer closes"
                    : "Output shut down (FIN sent); still reading until the peer closes"));
        } catch (IOException e) {
            if (isOpen()) {
                sink.emit(SocketErrors.toFailure(e, Operation.CLOSE, id, local, remote));
                finish(CloseReason.ERROR, e.getMessage());
            }
        }
    }

    /**
     * Data and notices of a connection are dropped once it has ended (its counters still count them), so that
     * ConnectionClosed is the last of them whatever the race between reader, writer and closer.
     */
    private void emitWhileOpen(NetEvent event) {
        synchronized (lock) {
            if (state != State.CLOSED) {
                sink.emit(event);
            }
        }
    }

    private String notSendingMessage() {
        return switch (state) {
            case OUTPUT_SHUT -> "Not sent: connection " + id + " is half-closed (its output is shut down)";
            case CLOSING -> "Not sent: connection " + id + " is closing";
            default -> "Not sent: connection " + id + " is closed";
        };
    }

    /** A send the end of the connection cut short: no Failure, ConnectionClosed says why. */
    private CancellationException notSent(long bytes) {
        return new CancellationException("Connection " + id + " closed before " + bytes + " bytes were sent");
    }
}
