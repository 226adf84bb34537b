// Over 400 lines: the documented public API of a client and its cancellable connect, sharing one lock and state.
package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.runtime.GuardedSink;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.SocketOptionsApplier;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsSetupException;
import com.socketworkbench.engine.tls.TlsSockets;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
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
 *
 * <p>With a {@link TcpClientConfig#unix(java.nio.file.Path) Unix domain socket config} it connects to a socket file
 * instead and behaves the same otherwise; its own end has no address (an unnamed {@link UnixDomainSocketAddress}),
 * so {@link #connect()} completes with null and {@link #localSocketAddress()} is that unnamed address.
 *
 * <p>Like a server's connections: {@link #setOversizePolicy}, {@link #pending()}, {@link #setSocketOptions} with
 * {@link #effectiveOptions()} and {@link #details()}, {@link #send(byte[], SendPlan)}.
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
    private final ConnectionSettings settings = new ConnectionSettings(false);
    private volatile Supplier<Framer> framerFactory = Framer::raw;
    private volatile MemoryBudget budget = budgetOf(TcpServerConfig.defaultMemoryBudget());

    private boolean closed;
    private boolean connecting;
    private SocketChannel pending;
    private boolean cancelled;
    private TcpConnection connection;
    /** Built at the first TLS connect and kept: the files it was read from are not read again. */
    private volatile SSLContext tlsContext;

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
     * timeout, unknown host; for a Unix domain socket: no such file, nobody listening, not a socket, permission
     * denied; INVALID_STATE when closed, connecting or connected already) and completes exceptionally with a
     * {@link SocketErrorException} carrying it; a connect cancelled by {@link #close} or {@link #disconnect} completes
     * with a {@link CancellationException} (a Notice says so).
     *
     * <p>With {@link TcpClientConfig#tls() TLS} the handshake follows ConnectionOpened on the connection's thread:
     * TlsEstablished, then the future completes; a failed handshake emits a Failure whose message says why in plain
     * words ({@link com.socketworkbench.engine.tls.TlsFailures}), then ConnectionClosed, and the future fails with
     * it. Certificate or key files that cannot be used fail the connect before any socket (INVALID_INPUT).
     *
     * @return completes with the local TCP address of the new connection; with null for a Unix domain socket
     */
    public CompletableFuture<InetSocketAddress> connect() {
        CompletableFuture<InetSocketAddress> result = new CompletableFuture<>();
        synchronized (lock) {
            String refusal = closed ? TcpText.TEXT.get("client.closed")
                    : connecting ? TcpText.TEXT.get("client.already.connecting", Endpoints.describe(target()))
                    : connection != null && connection.isOpen() ? TcpText.TEXT.get("client.already.connected",
                    Endpoints.describe(connection.remote())) : null;
            if (refusal != null) {
                return refuse(Operation.CONNECT, refusal);
            }
            connecting = true;
            cancelled = false;
            threads.start("tcp-client-connect", () -> connectNow(result));
        }
        return result;
    }

    /**
     * Queues {@code data} (copied) for the connection; never blocks. Not connected, a connection that no longer
     * sends or a full queue: the Failure is emitted and the future fails with the {@link SocketErrorException}
     * carrying it; a send still queued when the connection ends is cancelled.
     */
    public CompletableFuture<Void> send(byte[] data) {
        TcpConnection current = current();
        if (current == null) {
            return refuse(Operation.SEND, TcpText.TEXT.get("client.not.connected"));
        }
        return current.send(data.clone());
    }

    /**
     * Queues {@code data} (copied) to be written as {@code plan} says: in segments with pauses between them, or
     * repeated, each repeat its own write or all of them in one ({@link SendPlan}); every write is its own
     * BytesSent. Never blocks. {@link #close(CloseMode) ABORT} ends a paced send at once (the future fails); a
     * graceful close, half-close or {@link #close()} writes the rest without the pauses.
     *
     * @return fails like {@link #send(byte[])}, and (LIMIT_EXCEEDED) for a plan that would queue more than 64 MiB or
     * make more than {@link SendPlan#MAX_WRITES} writes
     */
    public CompletableFuture<Void> send(byte[] data, SendPlan plan) {
        Objects.requireNonNull(plan, "plan");
        TcpConnection current = current();
        if (current == null) {
            return refuse(Operation.SEND, TcpText.TEXT.get("client.not.connected"));
        }
        return current.send(data.clone(), plan, false);
    }

    /**
     * What the connection (the open one from its next read) does with a frame larger than the framing's maximum:
     * close (the default) or report, skip it and go on, see {@link OversizePolicy}.
     */
    public void setOversizePolicy(OversizePolicy policy) {
        settings.setOversizePolicy(policy);
    }

    public OversizePolicy oversizePolicy() {
        return settings.oversizePolicy();
    }

    /**
     * Socket options for the next connections and, at once, the open one; null fields leave an option as it is.
     * On connect they are set before the handshake (SO_RCVBUF there decides the TCP window scale; SO_REUSEADDR
     * before the implicit bind); the connect timeout, when set and not zero, replaces the config's (zero waits
     * without limit); the read idle timeout closes a connection that received nothing for that long
     * (ConnectionClosed TIMEOUT "no data for N s"), counted from its last bytes. After connect, and when set on an
     * open connection, a Notice says what was granted. TCP_NODELAY is on unless set off here.
     */
    public void setSocketOptions(SocketOptionsSpec spec) {
        settings.setSocketOptions(Objects.requireNonNull(spec, "spec"));
        TcpConnection current = current();
        if (current != null) {
            current.applyOptions(spec);
        }
    }

    /** The options last given to {@link #setSocketOptions}; {@link SocketOptionsSpec#NONE} at first. */
    public SocketOptionsSpec socketOptions() {
        return settings.socketOptions();
    }

    /** The open connection's options read back now, with what was requested; empty when not connected. */
    public EffectiveOptions effectiveOptions() {
        TcpConnection current = current();
        return current == null ? new EffectiveOptions(List.of()) : current.effectiveOptions();
    }

    /**
     * Address family (IPv4, IPv6, Unix), socket type, both ends and the options of the open connection; null when
     * not connected.
     */
    public ConnectionDetails details() {
        TcpConnection current = current();
        return current == null || !current.isOpen() ? null : current.details();
    }

    /**
     * The bytes received that do not form a complete frame yet, as of the last read (a copy; the first 64 KiB when
     * more are pending — {@link #pendingBytes()} has the exact count). Empty when not connected.
     */
    public byte[] pending() {
        TcpConnection current = current();
        return current == null || !current.isOpen() ? new byte[0] : current.pending();
    }

    /** How many bytes of an incomplete frame the connection holds after its last read. */
    public int pendingBytes() {
        TcpConnection current = current();
        return current == null || !current.isOpen() ? 0 : current.pendingBytes();
    }

    /** Graceful close (queued data is written first); cancels a connect in progress. */
    public void disconnect() {
        close(CloseMode.GRACEFUL);
    }

    /**
     * Ends the connection as {@code mode} says (cancels a connect in progress); the timeline says what went out,
     * as for {@link TcpServer#close(long, CloseMode)}: "FIN sent (graceful close)", "Output shut down (FIN sent);
     * still reading until the peer closes", "RST sent (abort: SO_LINGER 0)".
     */
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

    /**
     * What the TLS handshake of the current (or last) connection agreed on; null for plain TCP, before the handshake
     * is done, or when it failed.
     */
    public com.socketworkbench.engine.tls.TlsSessionDetails tlsDetails() {
        TcpConnection current = current();
        return current == null ? null : current.info().tls();
    }

    /** True from ConnectionOpened until the connection has ended (including while half-closed). */
    public boolean isConnected() {
        TcpConnection current = current();
        return current != null && current.isOpen();
    }

    /** The TCP address of the current (or last) connection; null before the first connect succeeded and for Unix. */
    public InetSocketAddress localAddress() {
        return localSocketAddress() instanceof InetSocketAddress inet ? inet : null;
    }

    /** The TCP address of the peer; null before the first connect succeeded and for a Unix domain socket. */
    public InetSocketAddress remoteAddress() {
        return remoteSocketAddress() instanceof InetSocketAddress inet ? inet : null;
    }

    /**
     * Of the current (or last) connection: an {@link InetSocketAddress}, or for a Unix domain socket the unnamed
     * {@link UnixDomainSocketAddress} of the client's end; null before the first connect succeeded.
     */
    public SocketAddress localSocketAddress() {
        TcpConnection current = current();
        return current == null ? null : current.local();
    }

    /** The peer: an {@link InetSocketAddress} or the server's socket file; null before the first connect succeeded. */
    public SocketAddress remoteSocketAddress() {
        TcpConnection current = current();
        return current == null ? null : current.remote();
    }

    /** For the next connection, and for the open one at its next read. */
    public void setFramerFactory(Supplier<Framer> factory) {
        framerFactory = Objects.requireNonNull(factory, "factory");
        TcpConnection current = current();
        if (current != null) {
            current.setFramerFactory(factory);
        }
    }

    /**
     * The most bytes the connection may hold in memory: sends queued until written and an unfinished frame (by
     * default a quarter of the heap, as a server's). From the next connection on. A frame that would need more ends
     * the connection (Failure LIMIT_EXCEEDED); a send that would go over it is refused (LIMIT_EXCEEDED).
     *
     * @throws IllegalArgumentException below {@link TcpServerConfig#MIN_MEMORY_BUDGET}
     */
    public void setMemoryBudget(long bytes) {
        if (bytes < TcpServerConfig.MIN_MEMORY_BUDGET) {
            throw new IllegalArgumentException(TcpText.TEXT.get("config.memory.budget",
                    ByteSizes.format(TcpServerConfig.MIN_MEMORY_BUDGET)));

        }
        budget = budgetOf(bytes);
    }

    public long memoryBudget() {
        return budget.limit();
    }

    /** How much of the budget the connection holds now. */
    public long memoryInUse() {
        return budget.used();
    }

    private MemoryBudget budgetOf(long bytes) {
        return new MemoryBudget("client", bytes, () -> {
            TcpConnection current = current();
            return current == null ? List.of() : List.of(current);
        });
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

    /** What the config names, before resolution. */
    private SocketAddress target() {
        return config.isUnix() ? UnixDomainSocketAddress.of(config.unixPath())
                : InetSocketAddress.createUnresolved(config.hostForResolution(), config.port());
    }

    /** An operation refused before it began: its one Failure, and the future that carries it. */
    private <T> CompletableFuture<T> refuse(Operation operation, String message) {
        Failure failure = new Failure(Instant.now(), id, null, target(), operation, FailureKind.INVALID_STATE, message,
                "");
        sink.emit(failure);
        return CompletableFuture.failedFuture(new SocketErrorException(failure));
    }

    private void connectNow(CompletableFuture<InetSocketAddress> result) {
        SocketAddress target = target();
        SocketChannel channel = null;
        Duration connectTimeout = connectTimeout();
        try {
            if (!config.isUnix()) {
                target = new InetSocketAddress(InetAddress.getByName(config.hostForResolution()), config.port());
            }
            if (config.tls() != null && tlsContext == null) {
                tlsContext = TlsContexts.client(config.tls()); // files read once, at the first connect
            }
            channel = config.isUnix() ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
            synchronized (lock) {
                if (cancelled) {
                    throw new CancellationException();
                }
                pending = channel;
            }
            if (!config.isUnix()) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            SocketOptionsSpec spec = settings.socketOptions();
            EffectiveOptions applied = spec.isEmpty() ? new EffectiveOptions(List.of())
                    : SocketOptionsApplier.apply(channel, spec);
            if (config.isUnix()) {
                // A Unix domain connect does not wait for an answer: it succeeds or fails at once.
                channel.connect(target);
            } else {
                // The socket adaptor is the one blocking connect of a SocketChannel that takes a timeout.
                channel.socket().connect(target, (int) Math.min(connectTimeout.toMillis(), Integer.MAX_VALUE));
            }
            opened(channel, target, spec, applied, result);
        } catch (TlsSetupException e) {
            synchronized (lock) {
                connecting = false;
                pending = null;
            }
            Failure failure = new Failure(Instant.now(), id, null, target, Operation.CONNECT,
                    FailureKind.INVALID_INPUT, e.getMessage(), SocketErrors.technicalDetail(e));
            sink.emit(failure);
            result.completeExceptionally(new SocketErrorException(failure, e));
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
                        TcpText.TEXT.get("client.cancelled", Endpoints.describe(target))));

                result.completeExceptionally(new CancellationException("Connect cancelled"));
                return;
            }
            Failure failure = !config.isUnix() && SocketErrors.classify(e) == FailureKind.CONNECT_TIMEOUT
                    ? SocketErrors.connectTimeout(id, null, target, connectTimeout, e)
                    : SocketErrors.toFailure(e, Operation.CONNECT, id, null, target);
            sink.emit(failure);
            result.completeExceptionally(new SocketErrorException(failure, e));
        }
    }

    /** The connect timeout of the socket options when set, otherwise the config's; zero = no limit. */
    private Duration connectTimeout() {
        Duration fromOptions = settings.socketOptions().connectTimeout();
        return fromOptions != null ? fromOptions : config.connectTimeout();
    }

    private void opened(SocketChannel channel, SocketAddress target, SocketOptionsSpec spec, EffectiveOptions applied,
                        CompletableFuture<InetSocketAddress> result) throws IOException {
        SocketAddress local = channel.getLocalAddress();
        SocketAddress remote = channel.getRemoteAddress();
        StreamIo io = tlsContext == null ? StreamIo.of(channel) : new TlsStreamIo(channel,
                TlsSockets.client(tlsContext, config.tls(), channel.socket(), config.hostForResolution(),
                        config.port()), config.tls().verify(), config.tls().serverName(config.hostForResolution()),
                config.tls().handshakeTimeout());
        TcpConnection opened;
        synchronized (lock) {
            if (cancelled) {
                io.close();
                throw new CancellationException();
            }
            opened = new TcpConnection(id, io, local, remote == null ? target : remote, sink, threads,
                    framerFactory, settings, budget, finished -> { });
            connection = opened;
            connecting = false;
            pending = null;
            sink.emit(new ConnectionOpened(Instant.now(), id, local, opened.remote()));
        }
        opened.setFramerFactory(framerFactory);
        opened.optionsApplied(applied);
        SocketOptionsSpec latest = settings.socketOptions();
        if (!latest.equals(spec)) {
            opened.applyOptions(latest); // changed while connecting
        }
        opened.start();
        // A TLS connection is usable once its handshake is done; a failed one has reported its Failure and closed.
        opened.tlsReady().whenComplete((details, failure) -> {
            if (failure == null) {
                result.complete(local instanceof InetSocketAddress inet ? inet : null);
            } else {
                result.completeExceptionally(failure);
            }
        });
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
