package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A TCP client: one connection at a time to the configured host and port, read through a framer like a server's
 * connections. It may connect again after a connection ended; {@link #close()} ends it for good. All its events
 * carry this client's own id.
 */
public final class TcpClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpClient.class);
    private static final AtomicLong CLIENT_IDS = new AtomicLong();
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final TcpClientConfig config;
    private final EventSink sink;
    private final long id = CLIENT_IDS.incrementAndGet();
    private final EngineThreads threads = new EngineThreads();
    private final Object lock = new Object();
    private volatile Supplier<Framer> framerFactory = Framer::raw;

    private boolean closed;
    private boolean connecting;
    private SocketChannel pending;
    private boolean cancelled;
    private TcpConnection connection;

    public TcpClient(TcpClientConfig config, EventSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = new GuardedSink(sink);
    }

    /** The id carried by every event of this client. */
    public long id() {
        return id;
    }

    public TcpClientConfig config() {
        return config;
    }

    /**
     * Resolves and connects on a virtual thread, never on the caller. Emits ConnectionOpened, or a Failure (refused,
     * timeout, unknown host, ...) and completes exceptionally with a {@link SocketErrorException} carrying it.
     *
     * @return completes with the local address of the new connection
     */
    public CompletableFuture<InetSocketAddress> connect() {
        CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("This client is closed"));
            }
            if (connecting) {
                return CompletableFuture.failedFuture(new IllegalStateException("Already connecting"));
            }
            if (connection != null && connection.isOpen()) {
                return CompletableFuture.failedFuture(new IllegalStateException("Already connected"));
            }
            connecting = true;
            cancelled = false;
            threads.start("tcp-client-connect", () -> connectNow(result));
        }
        return result;
    }

    public CompletableFuture<Void> send(byte[] data) {
        TcpConnection current = current();
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Not connected"));
        }
        return current.send(data.clone());
    }

    /** Graceful close (queued data is written first); cancels a connect in progress. */
    public void disconnect() {
        close(CloseMode.GRACEFUL);
    }

    public void close(CloseMode mode) {
        Objects.requireNonNull(mode, "mode");
        TcpConnection current;
        synchronized (lock) {
            cancelConnect();
            current = connection;
        }
        if (current != null) {
            current.close(mode);
        }
    }

    /** True from ConnectionOpened until the connection has ended (including while half-closed). */
    public boolean isConnected() {
        TcpConnection current = current();
        return current != null && current.isOpen();
    }

    /** Of the current (or last) connection; null before the first connect succeeded. */
    public InetSocketAddress localAddress() {
        TcpConnection current = current();
        return current == null ? null : (InetSocketAddress) current.local();
    }

    public InetSocketAddress remoteAddress() {
        TcpConnection current = current();
        return current == null ? null : (InetSocketAddress) current.remote();
    }

    /** For the next connection, and for the open one at its next read. */
    public void setFramerFactory(Supplier<Framer> factory) {
        framerFactory = Objects.requireNonNull(factory, "factory");
        TcpConnection current = current();
        if (current != null) {
            current.setFramerFactory(factory);
        }
    }

    public long bytesIn() {
        TcpConnection current = current();
        return current == null ? 0 : current.bytesIn();
    }

    public long bytesOut() {
        TcpConnection current = current();
        return current == null ? 0 : current.bytesOut();
    }

    public long messagesIn() {
        TcpConnection current = current();
        return current == null ? 0 : current.messagesIn();
    }

    public long messagesOut() {
        TcpConnection current = current();
        return current == null ? 0 : current.messagesOut();
    }

    /** Disconnects gracefully, waits up to 2 s for this client's threads (aborting if they do not end), for good. */
    @Override
    public void close() {
        TcpConnection current;
        synchronized (lock) {
            closed = true;
            cancelConnect();
            current = connection;
        }
        if (current != null) {
            current.close(CloseMode.GRACEFUL);
        }
        if (!threads.awaitTermination(CLOSE_WAIT.dividedBy(2)) && current != null) {
            current.abort();
            threads.awaitTermination(CLOSE_WAIT.dividedBy(2));
        }
    }

    /** The threads of this client still running; for tests. */
    List<Thread> liveThreads() {
        return threads.live();
    }

    private TcpConnection current() {
        synchronized (lock) {
            return connection;
        }
    }

    private void cancelConnect() {
        if (connecting) {
            cancelled = true;
            if (pending != null) {
                try {
                    pending.close();
                } catch (IOException e) {
                    LOG.debug("Closing a pending connect failed", e);
                }
            }
        }
    }

    private void connectNow(CompletableFuture<InetSocketAddress> result) {
        InetSocketAddress target = InetSocketAddress.createUnresolved(config.hostForResolution(), config.port());
        SocketChannel channel = null;
        try {
            target = new InetSocketAddress(InetAddress.getByName(config.hostForResolution()), config.port());
            channel = SocketChannel.open();
            synchronized (lock) {
                if (cancelled) {
                    throw new CancellationException();
                }
                pending = channel;
            }
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            // The socket adaptor is the one blocking connect of a SocketChannel that takes a timeout.
            channel.socket().connect(target, (int) Math.min(config.connectTimeout().toMillis(), Integer.MAX_VALUE));
            opened(channel, target, result);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            boolean wasCancelled;
            synchronized (lock) {
                wasCancelled = cancelled;
                connecting = false;
                pending = null;
            }
            if (wasCancelled) {
                sink.emit(new Notice(Instant.now(), id, null, target,
                        "Connect to " + Endpoints.describe(target) + " cancelled"));
                result.completeExceptionally(new CancellationException("Connect cancelled"));
                return;
            }
            Failure failure = SocketErrors.classify(e) == FailureKind.CONNECT_TIMEOUT
                    ? SocketErrors.connectTimeout(id, null, target, config.connectTimeout(), e)
                    : SocketErrors.toFailure(e, id, null, target, "connect");
            sink.emit(failure);
            result.completeExceptionally(new SocketErrorException(failure, e));
        }
    }

    private void opened(SocketChannel channel, InetSocketAddress target, CompletableFuture<InetSocketAddress> result)
            throws IOException {
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        TcpConnection opened;
        synchronized (lock) {
            if (cancelled) {
                throw new CancellationException();
            }
            opened = new TcpConnection(id, channel, local, remote == null ? target : remote, sink, threads,
                    framerFactory, () -> false, finished -> { });
            connection = opened;
            connecting = false;
            pending = null;
            sink.emit(new ConnectionOpened(Instant.now(), id, local, opened.remote()));
        }
        opened.setFramerFactory(framerFactory);
        opened.start();
        result.complete(local);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", channel, e);
        }
    }
}
