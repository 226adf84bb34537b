package com.socketworkbench.engine.tcp;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One established stream connection, either side: a reader thread feeding the framer and a writer thread draining a
 * FIFO of outgoing payloads. The channel stays in blocking mode; the reader uses the socket adaptor's stream for
 * Internet sockets because only that honours SO_TIMEOUT (needed for idle-gap framing).
 *
 * <p>Every path that ends the connection goes through {@link #finish}, which decides the one close reason under the
 * lock, so exactly one {@link ConnectionClosed} is emitted however reader, writer and callers race.
 */
final class TcpConnection {
    static final int READ_BUFFER_SIZE = 64 * 1024;
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** How long a graceful close waits for queued data to be written before it closes anyway. */
    static final Duration GRACEFUL_CLOSE_LIMIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);

    private enum State { OPEN, OUTPUT_SHUT, CLOSING, CLOSED }

    private final long id;
    private final SocketChannel channel;
    private final SocketAddress local;
    private final SocketAddress remote;
    private final Instant since = Instant.now();
    private final EventSink sink;
    private final EngineThreads threads;
    private final BooleanSupplier echo;
    private final Consumer<TcpConnection> onFinished;
    private volatile Supplier<Framer> framerFactory;

    private final LinkedBlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private State state = State.OPEN;
    private CloseReason closingReason;
    private CloseReason closeReason;
    private long queuedBytes;

    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();

    // Reader thread only.
    private Supplier<Framer> activeFactory;
    private Framer framer;
    private int soTimeout;

    TcpConnection(long id, SocketChannel channel, SocketAddress local, SocketAddress remote, EventSink sink,
                  EngineThreads threads, Supplier<Framer> framerFactory, BooleanSupplier echo,
                  Consumer<TcpConnection> onFinished) {
        this.id = id;
        this.channel = channel;
        this.local = local;
        this.remote = remote;
        this.sink = sink;
        this.threads = threads;
        this.framerFactory = Objects.requireNonNull(framerFactory, "framerFactory");
        this.echo = echo;
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
        return new ConnectionInfo(id, local, remote, since, bytesIn(), bytesOut(), messagesIn(), messagesOut());
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
     * Queues {@code data} (owned by the connection from now on) for the writer; never blocks. Fails at once when the
     * connection no longer sends or the queue already holds {@link #MAX_QUEUED_BYTES}.
     */
    CompletableFuture<Void> send(byte[] data) {
        if (data.length == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        long waiting;
        synchronized (lock) {
            if (state != State.OPEN) {
                return CompletableFuture.failedFuture(new IllegalStateException(notSendingMessage()));
            }
            waiting = queuedBytes;
            if (waiting + data.length <= MAX_QUEUED_BYTES) {
                queuedBytes += data.length;
                queue.add(new Outgoing.Payload(data, done));
                return done;
            }
        }
        Failure failure = new Failure(Instant.now(), id, local, remote, FailureKind.LIMIT_EXCEEDED,
                "Not sent: " + data.length + " bytes would overfill the send queue to "
                        + Endpoints.describe(remote) + " (" + waiting + " bytes are already waiting, the limit is "
                        + MAX_QUEUED_BYTES / (1024 * 1024) + " MiB; the peer is not reading fast enough)", "");
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
        }
        CompletableFuture.delayedExecutor(GRACEFUL_CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                finish(reason, "queued data not sent within " + SocketErrors.describe(GRACEFUL_CLOSE_LIMIT)));
    }

    /** Writes what is queued, then shuts down output; reading goes on until the peer closes. */
    void halfClose() {
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.OUTPUT_SHUT;
            queue.add(new Outgoing.ShutdownOutput());
        }
    }

    /** Drops queued data and resets the connection (SO_LINGER 0): the peer sees RST instead of FIN. */
    void abort() {
        if (!isOpen()) {
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not set SO_LINGER 0 on connection {}", id, e);
        }
        finish(CloseReason.LOCAL_CLOSE, "aborted: reset sent to the peer");
    }

    void close(CloseMode mode) {
        switch (mode) {
            case GRACEFUL -> closeGracefully(CloseReason.LOCAL_CLOSE, "");
            case HALF_CLOSE -> halfClose();
            case ABORT -> abort();
        }
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
            sink.emit(new ConnectionClosed(Instant.now(), id, local, remote, reason, detail == null ? "" : detail));
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing connection {} failed", id, e);
        }
        for (Outgoing item : dropped) {
            if (item instanceof Outgoing.Payload payload) {
                payload.done().completeExceptionally(notSent(payload.data().length));
            }
        }
        onFinished.accept(this);
        return true;
    }

    private void readLoop() {
        byte[] buffer = new byte[READ_BUFFER_SIZE];
        Framer.FrameSink frames = this::frameReceived;
        try {
            Socket socket = remote instanceof InetSocketAddress ? channel.socket() : null;
            InputStream in = socket == null ? null : socket.getInputStream();
            while (true) {
                int n;
                try {
                    n = read(socket, in, buffer, framer(frames).idleGapMillis());
                } catch (SocketTimeoutException idle) {
                    framer(frames).onIdle(frames);
                    continue;
                }
                if (n < 0) {
                    framer(frames).onEndOfStream(frames);
                    closeGracefully(CloseReason.PEER_CLOSED, "");
                    return;
                }
                bytesIn.add(n);
                framer(frames).onBytes(buffer, 0, n, frames);
            }
        } catch (FrameTooLargeException e) {
            sink.emit(new Failure(Instant.now(), id, local, remote, FailureKind.LIMIT_EXCEEDED,
                    "A frame of " + e.size() + " bytes from " + Endpoints.describe(remote) + " exceeds the maximum of "
                            + e.maximum() + " bytes; the connection was closed", SocketErrors.technicalDetail(e)));
            finish(CloseReason.ERROR, e.getMessage());
        } catch (IOException e) {
            readFailed(e);
        } catch (RuntimeException e) {
            LOG.error("Reading connection {} failed unexpectedly", id, e);
            sink.emit(new Failure(Instant.now(), id, local, remote, FailureKind.IO_ERROR,
                    "Receiving from " + Endpoints.describe(remote) + " failed unexpectedly: " + e.getMessage(),
                    SocketErrors.technicalDetail(e)));
            finish(CloseReason.ERROR, e.getMessage());
        }
    }

    private int read(Socket socket, InputStream in, byte[] buffer, long idleGapMillis) throws IOException {
        if (socket == null) {
            return channel.read(ByteBuffer.wrap(buffer));
        }
        int timeout = (int) Math.min(Math.max(idleGapMillis, 0), Integer.MAX_VALUE);
        if (timeout != soTimeout) {
            socket.setSoTimeout(timeout);
            soTimeout = timeout;
        }
        return in.read(buffer, 0, buffer.length);
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
            activeFactory = wanted;
        }
        return framer;
    }

    private void frameReceived(byte[] data, int reads) {
        byte[] copy = data.clone();
        messagesIn.increment();
        emitWhileOpen(new BytesReceived(Instant.now(), id, local, remote, copy, reads, false));
        if (echo.getAsBoolean()) {
            send(copy);
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
        sink.emit(SocketErrors.toFailure(e, id, local, remote, "read"));
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

    private void write(Outgoing.Payload payload) {
        byte[] data = payload.data();
        synchronized (lock) {
            queuedBytes -= data.length;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        try {
            while (buffer.hasRemaining()) {
                bytesOut.add(channel.write(buffer));
            }
        } catch (IOException e) {
            writeFailed(payload, buffer.remaining(), e);
            return;
        }
        messagesOut.increment();
        emitWhileOpen(new BytesSent(Instant.now(), id, local, remote, data));
        payload.done().complete(null);
    }

    private void writeFailed(Outgoing.Payload payload, int unsent, IOException e) {
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
            default -> SocketErrors.toFailure(e, id, local, remote, "write").message() + "; " + unsent
                    + " bytes were not sent";
        };
        Failure failure = new Failure(Instant.now(), id, local, remote, kind, message,
                SocketErrors.technicalDetail(e));
        sink.emit(failure);
        payload.done().completeExceptionally(new SocketErrorException(failure, e));
        boolean peerProblem = kind == FailureKind.BROKEN_PIPE || kind == FailureKind.CONNECTION_RESET;
        CloseReason reason = requested == CloseReason.PEER_CLOSED ? CloseReason.PEER_CLOSED
                : peerProblem ? CloseReason.RESET : CloseReason.ERROR;
        finish(reason, message);
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
            emitWhileOpen(new Notice(Instant.now(), id, local, remote,
                    "Output shut down (half-close): the peer sees end of stream; still receiving"));
        } catch (IOException e) {
            if (isOpen()) {
                sink.emit(SocketErrors.toFailure(e, id, local, remote, "shut down output to"));
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
            case OUTPUT_SHUT -> "Connection " + id + " is half-closed: its output is shut down";
            case CLOSING -> "Connection " + id + " is closing";
            default -> "Connection " + id + " is closed";
        };
    }

    private IOException notSent(int bytes) {
        return new IOException("Connection " + id + " closed before " + bytes + " bytes were sent");
    }
}
