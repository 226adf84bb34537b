// Over 400 lines: the state, send queue, close modes and budget share that reader, writer and callers share.
package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.tls.TlsFailures;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One established stream connection (TCP or Unix domain), either side: a reader thread feeding the framer
 * ({@link ConnectionReader}) and a writer thread draining a FIFO of outgoing payloads ({@link ConnectionWriter}). How
 * the channel is read with a timeout (needed for idle-gap framing) depends on its family; {@link StreamIo} hides
 * that. This class holds what both threads and the callers share: the state, the send queue, the close modes.
 *
 * <p>Every path that ends the connection goes through {@link #finish}, which decides the one close reason under the
 * lock, so exactly one {@link ConnectionClosed} is emitted however reader, writer and callers race.
 */
final class TcpConnection {
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** How long a graceful close waits for queued data to be written before it closes anyway. */
    static final Duration GRACEFUL_CLOSE_LIMIT = Duration.ofSeconds(5);
    /** At most this much of an incomplete frame is copied for other threads after each read. */
    static final int PENDING_SNAPSHOT_LIMIT = ConnectionReader.PENDING_SNAPSHOT_LIMIT;

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);

    private enum State { OPEN, OUTPUT_SHUT, CLOSING, CLOSED }

    /** How the connection is ending, for a write that failed: null while it is not. */
    record Ending(CloseReason endedBy, CloseReason requested) {
    }

    private final long id;
    private final StreamIo io;
    private final SocketAddress local;
    private final SocketAddress remote;
    private final Instant since = Instant.now();
    private final EventSink sink;
    private final EngineThreads threads;
    private final Consumer<TcpConnection> onFinished;
    private final ConnectionCounters counters = new ConnectionCounters();
    private final ConnectionReader reader;
    private final ConnectionWriter writer;
    private final ConnectionOptions options;
    private final MemoryBudget budget;

    private final LinkedBlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<com.socketworkbench.engine.tls.TlsSessionDetails> tlsReady =
            new CompletableFuture<>();
    /** True while a TLS handshake runs: a graceful close then ends the connection at once. */
    private volatile boolean handshaking;
    private final Object lock = new Object();
    private State state = State.OPEN;
    private CloseReason closingReason;
    private CloseReason closeReason;
    private long queuedBytes;
    /** Echoed bytes charged to the budget until written or dropped: what the peer makes this side hold. Under lock. */
    private volatile long echoHeld;
    /** The frame in progress's memory charged to the budget; written by the reader thread only. */
    private volatile long frameHeld;

    TcpConnection(long id, StreamIo io, SocketAddress local, SocketAddress remote, EventSink sink,
                  EngineThreads threads, Supplier<Framer> framerFactory, ConnectionSettings settings,
                  MemoryBudget budget, Consumer<TcpConnection> onFinished) {
        this.id = id;
        this.budget = Objects.requireNonNull(budget, "budget");
        this.io = io;
        this.local = local;
        this.remote = remote;
        this.sink = sink;
        this.threads = threads;
        this.onFinished = onFinished;
        this.reader = new ConnectionReader(this, io, Objects.requireNonNull(settings, "settings"), counters,
                framerFactory);
        this.writer = new ConnectionWriter(this, io, counters);
        this.options = new ConnectionOptions(this, io);
        this.handshaking = io instanceof TlsStreamIo;
    }

    void start() {
        if (io instanceof TlsStreamIo tls) {
            // The handshake comes first, on the reader's thread; sends queued meanwhile wait for the writer.
            threads.start("tcp-conn-" + id + "-read", () -> {
                if (handshake(tls)) {
                    threads.start("tcp-conn-" + id + "-write", writer::run);
                    reader.run();
                }
            });
            return;
        }
        tlsReady.complete(null);
        threads.start("tcp-conn-" + id + "-write", writer::run);
        threads.start("tcp-conn-" + id + "-read", reader::run);
    }

    /**
     * Completes when the connection may carry data: at once for plain connections, after the handshake for TLS (with
     * what it agreed on); fails with the {@link SocketErrorException} of the handshake's Failure.
     */
    CompletableFuture<com.socketworkbench.engine.tls.TlsSessionDetails> tlsReady() {
        return tlsReady;
    }

    /** TlsEstablished, or the Failure that explains why not and the connection's close. */
    private boolean handshake(TlsStreamIo tls) {
        try {
            com.socketworkbench.engine.tls.TlsSessionDetails details = tls.handshake();
            emitWhileOpen(new TlsEstablished(Instant.now(), id, local, remote, details));
            handshaking = false;
            tlsReady.complete(details);
            return isOpen();
        } catch (IOException | RuntimeException e) {
            handshaking = false;
            if (!isOpen()) {
                tlsReady.completeExceptionally(notSent(0));
                return false;
            }
            String message = tls.explain(e);
            // The chain the peer presented, before the Failure that says why it was refused (or why the handshake
            // failed after it): subject, issuer, dates, names and fingerprint to check or pin.
            for (String line : tls.presentedChain(e)) {
                emitWhileOpen(new Notice(Instant.now(), id, local, remote, line));
            }
            FailureKind kind = e instanceof java.net.SocketTimeoutException ? FailureKind.CONNECT_TIMEOUT
                    : SocketErrors.classify(e) == FailureKind.CONNECTION_RESET ? FailureKind.CONNECTION_RESET
                    : FailureKind.IO_ERROR;
            Failure failure = new Failure(Instant.now(), id, local, remote,
                    tls.host() == null ? Operation.ACCEPT : Operation.CONNECT, kind, message,
                    SocketErrors.technicalDetail(e));
            finish(failure, CloseReason.ERROR, TcpText.TEXT.get("detail.tls.failed"));
            tlsReady.completeExceptionally(new SocketErrorException(failure, e));
            return false;
        }
    }

    /** The host a TLS client connected to (for explanations); null on the server side and for plain connections. */
    String tlsHost() {
        return io instanceof TlsStreamIo tls ? tls.host() : null;
    }

    /** Why a TLS read failed, in plain words; for a TLS connection only. */
    String explainTls(Throwable failure) {
        return io instanceof TlsStreamIo tls ? tls.explain(failure) : TlsFailures.explain(failure, null);
    }

    /**
     * Why a TLS connection that has received nothing failed (a write on a closed connection, a reset), when its
     * handshake showed more than the exception says (a server that asked for a certificate); null otherwise.
     */
    String explainEarlyTlsClose(Throwable failure) {
        return io instanceof TlsStreamIo tls && bytesIn() == 0 ? tls.explainEarlyClose(failure) : null;
    }

    /** True for a TLS connection. */
    boolean isTls() {
        return io instanceof TlsStreamIo;
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
        return counters.bytesIn.sum();
    }

    long bytesOut() {
        return counters.bytesOut.sum();
    }

    long messagesIn() {
        return counters.messagesIn.sum();
    }

    long messagesOut() {
        return counters.messagesOut.sum();
    }

    ConnectionInfo info() {
        return new ConnectionInfo(id, local, remote, since, bytesIn(), bytesOut(), messagesIn(), messagesOut(),
                pendingBytes(), tlsReady.isDone() && !tlsReady.isCompletedExceptionally() ? tlsReady.getNow(null)
                : null);
    }

    /** Bytes of an incomplete frame after the last read. */
    int pendingBytes() {
        return reader.pendingBytes();
    }

    /** A copy of the bytes of the incomplete frame: all of them, or the first {@link #PENDING_SNAPSHOT_LIMIT}. */
    byte[] pending() {
        return reader.pending();
    }

    /**
     * Sets the options of {@code spec} on the socket now, remembers what was granted for {@link #effectiveOptions()}
     * and says so in a Notice; a changed read idle timeout counts from the last bytes received.
     */
    void applyOptions(SocketOptionsSpec spec) {
        if (options.apply(spec)) {
            reader.watchReadIdleTimeout();
        }
    }

    /** Keeps what {@link SocketOptionsApplier#apply} granted before connect and reports it as read now. */
    void optionsApplied(EffectiveOptions applied) {
        options.applied(applied);
    }

    /** The socket's options read back now, with what was requested; empty once the connection has ended. */
    EffectiveOptions effectiveOptions() {
        return options.effective();
    }

    /** Family, type, both ends and the options; the peer as this connection reports it. */
    ConnectionDetails details() {
        return options.details();
    }

    /** Takes effect at the reader's next read; bytes the old framer still held are emitted as one frame. */
    void setFramerFactory(Supplier<Framer> factory) {
        reader.setFramerFactory(factory);
    }

    /** True until the connection is finished (also while half-closed or closing gracefully). */
    boolean isOpen() {
        synchronized (lock) {
            return state != State.CLOSED;
        }
    }

    /**
     * Queues {@code data} (owned by the connection from now on) for the writer; never blocks. Fails at once, with its
     * one Failure, when the connection no longer sends (INVALID_STATE), the queue already holds
     * {@link #MAX_QUEUED_BYTES} or the memory budget has no room for it (LIMIT_EXCEEDED). A send still queued when
     * the connection ends is cancelled.
     */
    CompletableFuture<Void> send(byte[] data) {
        return send(data, SendPlan.WHOLE, false);
    }

    /**
     * Queues {@code data} (owned by the connection from now on) to be written as {@code plan} says; never blocks.
     * Fails at once like {@link #send(byte[])}, and (LIMIT_EXCEEDED) for a plan that would queue too much or make too
     * many writes.
     *
     * @param shared {@code data} goes to several connections and its memory is charged to the budget once by the
     *               caller; a block made here (repeats glued together) is still charged here
     */
    CompletableFuture<Void> send(byte[] data, SendPlan plan, boolean shared) {
        Outgoing.Payload payload;
        if (plan.equals(SendPlan.WHOLE)) {
            payload = new Outgoing.Payload(data, new CompletableFuture<>());
        } else {
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
            payload = new Outgoing.Payload(block, times, plan.segmentBytes(), plan.gapBetweenSegments().toNanos(),
                    new CompletableFuture<>());
        }
        // Repeats write the same block again: memory is the block, whatever the total.
        long charge = shared && payload.block() == data ? 0 : payload.block().length;
        if (payload.totalBytes() > 0 && !budget.tryReserve(charge)) {
            return refuse(FailureKind.LIMIT_EXCEEDED, TcpText.TEXT.get("not.sent.budget", MemoryBudget.size(charge),
                    Endpoints.describe(remote), budget.full()));
        }
        return enqueue(payload, false, charge);
    }

    /**
     * @param echo   an echo of received bytes, which a connection that no longer sends drops without a Failure
     * @param charge what was reserved from the budget for it: released once it is written or dropped
     */
    private CompletableFuture<Void> enqueue(Outgoing.Payload payload, boolean echo, long charge) {
        long size = payload.totalBytes();
        if (size == 0) {
            budget.release(charge);
            return CompletableFuture.completedFuture(null);
        }
        long waiting;
        synchronized (lock) {
            if (state != State.OPEN) {
                budget.release(charge);
                return echo ? CompletableFuture.failedFuture(notSent(size))
                        : refuse(FailureKind.INVALID_STATE, notSendingMessage());
            }
            waiting = queuedBytes;
            if (waiting + size <= MAX_QUEUED_BYTES) {
                queuedBytes += size;
                if (echo) {
                    echoHeld += charge;
                }
                queue.add(payload);
                if (charge > 0) {
                    payload.done().whenComplete((ignored, failure) -> uncharge(charge, echo));
                }
                return payload.done();
            }
        }
        budget.release(charge);
        return refuse(FailureKind.LIMIT_EXCEEDED, TcpText.TEXT.get("not.sent.queue.full", size,
                Endpoints.describe(remote), waiting, MAX_QUEUED_BYTES / (1024 * 1024)));
    }

    /** A queued payload was written, failed or dropped: its memory is free. */
    private void uncharge(long charge, boolean echo) {
        if (echo) {
            synchronized (lock) {
                echoHeld -= charge;
            }
        }
        budget.release(charge);
    }

    /** A send that is not even queued: its one Failure, and the future that carries it. */
    private CompletableFuture<Void> refuse(FailureKind kind, String message) {
        Failure failure = new Failure(Instant.now(), id, local, remote, Operation.SEND, kind, message, "");
        sink.emit(failure);
        return CompletableFuture.failedFuture(new SocketErrorException(failure));
    }

    /** Writes what is queued, then closes with {@code reason}; gives up waiting after {@link #GRACEFUL_CLOSE_LIMIT}. */
    void closeGracefully(CloseReason reason, String detail) {
        if (handshaking) {
            // Nothing can be written before the handshake is done, and a stalled one may take its whole timeout:
            // end it now (sends queued meanwhile are cancelled).
            finish(reason, TcpText.TEXT.get("detail.tls.closed.handshaking"));
            return;
        }
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
                finish(reason, TcpText.TEXT.get("detail.queued.not.sent", DurationText.of(GRACEFUL_CLOSE_LIMIT))));
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
                    TcpText.TEXT.get("abort.unix")));
            finish(CloseReason.LOCAL_CLOSE, TcpText.TEXT.get("detail.abort.unix"));
            return;
        }
        finish(CloseReason.LOCAL_CLOSE, TcpText.TEXT.get(isTls() ? "detail.tls.rst.sent" : "detail.rst.sent"));
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
            return TcpText.TEXT.get("detail.closed.graceful");
        }
        boolean tls = isTls();
        try {
            if (io.channel().getOption(StandardSocketOptions.SO_LINGER) == 0) {
                return TcpText.TEXT.get(tls ? "detail.tls.rst.linger" : "detail.rst.linger");
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read SO_LINGER of connection {}", id, e);
        }
        return TcpText.TEXT.get(tls ? "detail.tls.fin.sent" : "detail.fin.sent");
    }

    boolean isUnix() {
        return io instanceof UnixStreamIo;
    }

    /**
     * Ends the connection now, unless it has ended already: emits the one ConnectionClosed, closes the channel (which
     * wakes blocked reader and writer) and fails queued sends. Returns false if it had ended before. The channel is
     * closed and the connection let go even when announcing the close fails (an Error from the sink), so that no
     * path leaves a connection counted with its descriptor open.
     */
    boolean finish(CloseReason reason, String detail) {
        return finish(null, reason, detail);
    }

    /**
     * {@link #finish(CloseReason, String)} for a connection ended by a failure of its own: {@code failure} is emitted
     * only by the call that ends it, just before its ConnectionClosed, so racing closers report it once.
     */
    boolean finish(Failure failure, CloseReason reason, String detail) {
        List<Outgoing> dropped = new ArrayList<>();
        boolean ended = false;
        try {
            synchronized (lock) {
                if (state == State.CLOSED) {
                    return false;
                }
                ended = true;
                state = State.CLOSED;
                closeReason = reason;
                queue.drainTo(dropped);
                queue.add(new Outgoing.Stop());
                lock.notifyAll(); // wakes a writer pausing between segments
                if (failure != null) {
                    sink.emit(failure);
                }
                int pendingAtClose = reader.pendingBytes();
                if (pendingAtClose > 0) {
                    sink.emit(new Notice(Instant.now(), id, local, remote, pendingAtClose == 1
                            ? TcpText.TEXT.get("pending.at.close.one")
                            : TcpText.TEXT.get("pending.at.close.other", pendingAtClose)));
                }
                sink.emit(new ConnectionClosed(Instant.now(), id, local, remote, reason,
                        detail == null ? "" : detail));
            }
        } finally {
            if (ended) {
                letGo(dropped);
            }
        }
        return true;
    }

    /** After the close was decided: closes the channel, leaves the owner's table and cancels what was queued. */
    private void letGo(List<Outgoing> dropped) {
        try {
            io.close();
        } catch (IOException e) {
            LOG.debug("Closing connection {} failed", id, e);
        } finally {
            onFinished.accept(this);
            for (Outgoing item : dropped) {
                if (item instanceof Outgoing.Payload payload) {
                    payload.done().completeExceptionally(notSent(payload.totalBytes()));
                }
            }
            budget.wakeWaiters(); // a reader waiting for room must not wait on for a connection that ended
        }
    }

    /**
     * Waits between two writes of a paced send. Returns false when the connection ended meanwhile; returns early
     * (true) once a close or half-close was asked for, so that the rest is written without pauses.
     */
    boolean pause(long nanos) {
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

    /** The writer's next item, waiting for one. */
    Outgoing nextOutgoing() throws InterruptedException {
        return queue.take();
    }

    /** The writer took {@code bytes} off the queue: they no longer count towards {@link #MAX_QUEUED_BYTES}. */
    void dequeued(long bytes) {
        synchronized (lock) {
            queuedBytes -= bytes;
        }
    }

    Ending ending() {
        synchronized (lock) {
            return new Ending(closeReason, closingReason);
        }
    }

    /**
     * Echoes received bytes back, unless the connection no longer sends (then silently: it is ending). Echoes are
     * what a peer that does not read makes this side hold: over the memory budget they may close the connection
     * holding the most, or this one when that is this one ({@link MemoryBudget#reserve}).
     */
    void echo(byte[] data) {
        if (data.length == 0) {
            return;
        }
        if (!budget.reserve(this, data.length)) {
            finish(budget.echoRefused(this, data.length), CloseReason.ERROR, budget.closeDetail());
            return;
        }
        enqueue(new Outgoing.Payload(data, new CompletableFuture<>()), true, data.length);
    }

    /** Echoes and the frame in progress: what this connection holds of the budget on its peer's account. */
    long heldBytes() {
        return echoHeld + frameHeld;
    }

    /** The reader's frame buffer asks for {@code bytes} more; see {@link MemoryBudget#reserve}. */
    boolean reserveFrameMemory(long bytes) {
        if (!budget.reserve(this, bytes)) {
            return false;
        }
        frameHeld += bytes;
        return true;
    }

    /** A bulk read buffer grows by the budget's read-buffer allowance (see {@link MemoryBudget#tryReserveReadBuffer}). */
    ReadBuffer.Allowance readBufferAllowance() {
        return new ReadBuffer.Allowance() {
            @Override
            public boolean reserve(long bytes) {
                return budget.tryReserveReadBuffer(bytes);
            }

            @Override
            public void release(long bytes) {
                budget.releaseReadBuffer(bytes);
            }

            @Override
            public boolean mayKeep() {
                return budget.readBuffersWelcome();
            }
        };
    }

    void releaseFrameMemory(long bytes) {
        frameHeld -= bytes;
        budget.release(bytes);
    }

    /** The framer is dropped (replaced, or the reader ended): everything it held is free. */
    void releaseAllFrameMemory() {
        long held = frameHeld;
        frameHeld = 0;
        budget.release(held);
    }

    /** The frame in progress could not get memory: the connection ends, with the Failure that says why. */
    void frameRefused(long requested, long frameBytes) {
        finish(budget.frameRefused(this, requested, frameBytes), CloseReason.ERROR, budget.closeDetail());
    }

    /** Closed by the budget to make room: this connection held the most when it was full. */
    void evict() {
        finish(budget.evicted(this, frameHeld, echoHeld), CloseReason.ERROR, budget.closeDetail());
    }

    void emit(NetEvent event) {
        sink.emit(event);
    }

    /**
     * Data and notices of a connection are dropped once it has ended (its counters still count them), so that
     * ConnectionClosed is the last of them whatever the race between reader, writer and closer.
     */
    void emitWhileOpen(NetEvent event) {
        synchronized (lock) {
            if (state != State.CLOSED) {
                sink.emit(event);
            }
        }
    }

    private String notSendingMessage() {
        return switch (state) {
            case OUTPUT_SHUT -> TcpText.TEXT.get("not.sent.half.closed", id);
            case CLOSING -> TcpText.TEXT.get("not.sent.closing", id);
            default -> TcpText.TEXT.get("not.sent.closed", id);

        };
    }

    /** "OutOfMemoryError: Java heap space": what stopped a thread, in a close reason or a Failure. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** A send the end of the connection cut short: no Failure, ConnectionClosed says why. */
    CancellationException notSent(long bytes) {
        return new CancellationException("Connection " + id + " closed before " + bytes + " bytes were sent");
    }
}
