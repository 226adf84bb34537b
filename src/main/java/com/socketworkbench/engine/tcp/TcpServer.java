// Over 400 lines: the documented public API of a server and its accept loop, which share its lock and state.
package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.runtime.GuardedSink;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionRejected;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.net.StaleSocketCheck;
import com.socketworkbench.engine.net.UnixPeerAddress;
import com.socketworkbench.engine.net.UnixSocketPaths;
import com.socketworkbench.engine.options.ConnectionDetails;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.SocketOptionsApplier;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsSetupException;
import com.socketworkbench.engine.tls.TlsSockets;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A TCP server: listens, accepts connections up to a maximum, reads them through a framer, writes what it is told to
 * (and echoes if enabled). Everything it observes is reported through the {@link EventSink}; listener-level events
 * carry connection id 0, connections are numbered from 1 per server.
 *
 * <p>With {@link TcpServerConfig#tls() TLS} each accepted client is handshaken on its own thread after
 * ConnectionAccepted: TlsEstablished (also in {@link ConnectionInfo#tls()}), or a Failure in plain words and that
 * client's close; the listener goes on. Certificate or key files that cannot be used fail {@link #start()}.
 *
 * <p>With a {@link TcpServerConfig#unix(Path) Unix domain socket config} it listens on a socket file instead and
 * behaves the same otherwise: it creates the file on start and removes it on stop; ListenerStarted carries the
 * path ({@link UnixDomainSocketAddress}) and transport "UNIX"; an accepted client, which has no address of its own,
 * is reported with a {@link UnixPeerAddress} ("unix:/tmp/app.sock client #3"); {@link CloseMode#ABORT} closes
 * normally with a Notice (Unix sockets have no reset). A file already at the path fails the start with
 * {@link FailureKind#PORT_IN_USE}; {@link #checkUnixPath} tells whether it is a stale socket that
 * {@link #deleteStaleSocket} may remove.
 *
 * <p>Socket concepts made visible: {@link #setOversizePolicy} decides whether an oversized frame ends the connection
 * or is skipped; {@link #pending(long)} and {@link ConnectionInfo#pendingBytes()} show an incomplete frame (a Notice
 * reports one left at close); {@link #setSocketOptions} sets options on the listening socket and on every
 * connection and {@link #effectiveOptions(long)} / {@link #details(long)} read them back;
 * {@link #send(long, byte[], SendPlan)} cuts a message into paced writes or glues repeats together.
 *
 * <p>Hostile peers: all connections together hold at most {@link #memoryBudget()} for their peers (queued sends and
 * echoes, unfinished frames), whatever their number; a connection whose reader or writer thread dies, even of an
 * Error, is ended like any other (one Failure, one ConnectionClosed, its descriptor closed); one that fails between
 * accept and set-up gets a Failure (ACCEPT) of its own.
 */
public final class TcpServer implements AutoCloseable {
    static final int BACKLOG = 1024;
    static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(TcpServer.class);
    private static final long LISTENER_ID = 0;
    private static final Duration ACCEPT_ERROR_PAUSE = Duration.ofMillis(100);

    private enum State { NEW, RUNNING, STOPPED }

    private final TcpServerConfig config;
    private final EventSink sink;
    private final EngineThreads threads = new EngineThreads();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<Long, TcpConnection> connections = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private State state = State.NEW;
    private ServerSocketChannel listener;
    private volatile InetSocketAddress localAddress;
    private volatile SocketAddress boundAddress;
    private final ServerSocketFile socketFile;
    private final ConnectionSettings settings;
    private volatile EffectiveOptions listenerApplied = new EffectiveOptions(List.of());
    private volatile Supplier<Framer> framerFactory = Framer::raw;
    private final MemoryBudget budget;
    /** Set once by {@link #start} when the config asks for TLS. */
    private volatile SSLContext tlsContext;
    /** What {@link #start} says about a certificate that expired or soon will; null when nothing. */
    private String expiryWarning;

    public TcpServer(TcpServerConfig config, EventSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = new GuardedSink(sink);
        this.budget = new MemoryBudget("listener", config.effectiveMemoryBudget(), connections::values);
        this.settings = new ConnectionSettings(config.echo());
        this.socketFile = config.isUnix() ? new ServerSocketFile(config.unixPath(), this.sink) : null;
    }

    /**
     * Binds (backlog 1024; SO_REUSEADDR for TCP) and starts accepting. Emits ListenerStarted with the actual address,
     * or a Failure (port in use, address not available, permission denied, unknown host; for a Unix domain socket:
     * a file already at the path, a missing or unwritable directory) and throws it.
     *
     * @return the bound TCP address (port 0 resolved); null for a Unix domain socket, see {@link #boundAddress()}
     * @throws SocketErrorException carrying the emitted Failure
     * @throws IllegalStateException when called twice or after stop
     */
    public InetSocketAddress start() throws SocketErrorException {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException(state == State.RUNNING ? "The server is already running"
                        : "A stopped server cannot be started again; create a new one");
            }
            SocketAddress requested = requestedAddress();
            if (config.tls() != null) {
                try {
                    tlsContext = TlsContexts.server(config.tls());
                    expiryWarning = TlsContexts.expiryWarning(config.tls(), Instant.now());
                } catch (TlsSetupException e) {
                    Failure failure = new Failure(Instant.now(), LISTENER_ID, requested, null, Operation.START,
                            FailureKind.INVALID_INPUT, e.getMessage(), SocketErrors.technicalDetail(e));
                    sink.emit(failure);
                    throw new SocketErrorException(failure, e);
                }
            }
            ServerSocketChannel channel = null;
            boolean bound = false;
            try {
                if (requested instanceof InetSocketAddress inet && inet.isUnresolved()) {
                    throw new UnknownHostException(config.bindHost());
                }
                channel = config.isUnix() ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                        : ServerSocketChannel.open();
                if (!config.isUnix()) {
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                }
                SocketOptionsSpec listenerSpec = listenerSpec(settings.socketOptions());
                if (!listenerSpec.isEmpty()) {
                    // Before bind: SO_REUSEADDR only matters there, and accepted sockets inherit SO_RCVBUF, which
                    // decides the window scale offered in their handshake.
                    listenerApplied = SocketOptionsApplier.apply(channel, listenerSpec);
                }
                channel.bind(requested, BACKLOG);
                bound = true;
                boundAddress = channel.getLocalAddress();
                if (boundAddress instanceof InetSocketAddress inet) {
                    localAddress = inet;
                } else {
                    socketFile.bound(boundAddress);
                }
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                if (bound && config.isUnix()) {
                    removeSocketFile();
                }
                Failure failure = SocketErrors.toFailure(e, Operation.START, LISTENER_ID, requested, null);
                sink.emit(failure);
                throw new SocketErrorException(failure, e);
            }
            listener = channel;
            state = State.RUNNING;
        }
        sink.emit(new ListenerStarted(Instant.now(), LISTENER_ID, boundAddress, null,
                config.isUnix() ? "UNIX" : "TCP"));
        String warning = expiryWarning;
        if (warning != null) {
            LOG.info("TLS server on {}: {}", boundAddress, warning);
            sink.emit(new Notice(Instant.now(), LISTENER_ID, boundAddress, null, warning));
        }
        announceListenerOptions();
        threads.start("tcp-server-accept-" + (config.isUnix() ? "unix" : localAddress.getPort()), this::acceptLoop);
        return localAddress;
    }

    /**
     * What is at {@code path} for a Unix domain socket server: nothing, a stale socket file (nobody listening: a
     * connect is refused), a socket someone listens on, or something that is not a socket. Never blocks; a program
     * listening there sees the probe as a connection that closes at once.
     */
    public static StaleSocketCheck checkUnixPath(Path path) {
        return UnixSocketPaths.check(path);
    }

    /**
     * Deletes the socket file at {@code path} only if, checked again now, it is
     * {@link StaleSocketCheck#STALE_SOCKET}; does nothing when nothing is there.
     *
     * @throws IOException with a message fit for the user when it is not a stale socket (it is left alone) or could
     *                     not be deleted
     */
    public static void deleteStaleSocket(Path path) throws IOException {
        UnixSocketPaths.deleteStale(path);
    }

    /**
     * {@link #deleteStaleSocket(Path)}, reported to {@code sink}: a Notice "Deleted the stale socket file …", or the
     * Failure (operation START, which the file blocked) that says why nothing was deleted.
     *
     * @return true when nothing is in the way of listening on {@code path} any more
     */
    public static boolean deleteStaleSocket(Path path, EventSink sink) {
        return ServerSocketFile.deleteStale(path, sink);
    }

    public boolean isRunning() {
        synchronized (lock) {
            return state == State.RUNNING;
        }
    }

    /** The bound TCP address (port 0 resolved); null before start and for a Unix domain socket. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * The bound address: an {@link InetSocketAddress} for TCP, the socket file's {@link UnixDomainSocketAddress} for
     * a Unix domain socket; null before start.
     */
    public SocketAddress boundAddress() {
        return boundAddress;
    }

    /**
     * Queues {@code data} (copied) for connection {@code connectionId}; never blocks. A send that cannot be queued
     * (the client has gone: INVALID_STATE; the queue is full: LIMIT_EXCEEDED) emits its Failure and fails the future
     * with the {@link SocketErrorException} carrying it; one still queued when the connection ends is cancelled.
     */
    public CompletableFuture<Void> send(long connectionId, byte[] data) {
        TcpConnection connection = connections.get(connectionId);
        if (connection == null) {
            return noSuchClient(connectionId);
        }
        return connection.send(data.clone());
    }

    /**
     * Queues {@code data} (copied) for connection {@code connectionId}, to be written as {@code plan} says: in
     * segments with pauses between them, or repeated, each repeat its own write or all of them in one
     * ({@link SendPlan}). Every write is its own BytesSent. Never blocks; an abort or stop ends a paced send at once
     * (the future fails), a graceful close or half-close writes the rest without the pauses.
     *
     * @return fails like {@link #send(long, byte[])}, and (LIMIT_EXCEEDED) for a plan that would queue more than
     * 64 MiB or make more than {@link SendPlan#MAX_WRITES} writes
     */
    public CompletableFuture<Void> send(long connectionId, byte[] data, SendPlan plan) {
        Objects.requireNonNull(plan, "plan");
        TcpConnection connection = connections.get(connectionId);
        if (connection == null) {
            return noSuchClient(connectionId);
        }
        return connection.send(data.clone(), plan, false);
    }

    /**
     * {@link #sendToAll(byte[])} with a {@link SendPlan}, see {@link #send(long, byte[], SendPlan)}; a plan over the
     * limits is refused once, with listener id 0, not once per client.
     */
    public CompletableFuture<Void> sendToAll(byte[] data, SendPlan plan) {
        Objects.requireNonNull(plan, "plan");
        String problem = plan.problemWith(data.length, TcpConnection.MAX_QUEUED_BYTES);
        if (problem != null) {
            return refuse(LISTENER_ID, FailureKind.LIMIT_EXCEEDED, problem);
        }
        byte[] copy = data.clone();
        return toAll(copy, connection -> connection.send(copy, plan, true));
    }

    /**
     * Queues {@code data} for every connection open now; completes when all writes have completed. Each connection
     * that cannot take it reports its own Failure; with no client connected at all the send fails once
     * (INVALID_STATE, listener id 0).
     */
    public CompletableFuture<Void> sendToAll(byte[] data) {
        byte[] copy = data.clone();
        return toAll(copy, connection -> connection.send(copy, SendPlan.WHOLE, true));
    }

    /** One copy of the data goes to every connection: its memory counts once, until the last of them is done. */
    private CompletableFuture<Void> toAll(byte[] copy, Function<TcpConnection, CompletableFuture<Void>> send) {
        if (connections.isEmpty()) {
            return refuse(LISTENER_ID, FailureKind.INVALID_STATE, TcpText.TEXT.get("server.no.client"));
        }
        if (!budget.tryReserve(copy.length)) {
            return refuse(LISTENER_ID, FailureKind.LIMIT_EXCEEDED, TcpText.TEXT.get("server.budget.all",
                    MemoryBudget.size(copy.length), budget.full()));
        }
        CompletableFuture<?>[] sends = connections.values().stream().map(send).toArray(CompletableFuture[]::new);
        CompletableFuture<Void> all = sends.length == 0
                ? refuse(LISTENER_ID, FailureKind.INVALID_STATE, TcpText.TEXT.get("server.no.client"))
                : CompletableFuture.allOf(sends);
        all.whenComplete((ignored, failure) -> budget.release(copy.length));
        return all;
    }

    private CompletableFuture<Void> noSuchClient(long connectionId) {
        return refuse(connectionId, FailureKind.INVALID_STATE, TcpText.TEXT.get("server.client.gone", connectionId));
    }

    /** A send refused before anything was queued: its one Failure, and the future that carries it. */
    private CompletableFuture<Void> refuse(long connectionId, FailureKind kind, String message) {
        Failure failure = new Failure(Instant.now(), connectionId, boundAddress, null, Operation.SEND, kind, message,
                "");
        sink.emit(failure);
        return CompletableFuture.failedFuture(new SocketErrorException(failure));
    }

    /**
     * Graceful close: queued data is written, then FIN; emits ConnectionClosed(LOCAL_CLOSE, "FIN sent (graceful
     * close)"). Unknown ids are ignored.
     */
    public void disconnect(long connectionId) {
        close(connectionId, CloseMode.GRACEFUL);
    }

    /**
     * Ends connection {@code connectionId} as {@code mode} says; its timeline says what went out:
     * GRACEFUL → ConnectionClosed(LOCAL_CLOSE, "FIN sent (graceful close)") (with SO_LINGER 0 set through the
     * socket options it says that a reset went out instead); HALF_CLOSE → Notice "Output shut down (FIN sent); still
     * reading until the peer closes"; ABORT → ConnectionClosed(LOCAL_CLOSE, "RST sent (abort: SO_LINGER 0)"). Unix
     * domain sockets, which have neither FIN nor RST, say so in their own words. Unknown ids are ignored.
     */
    public void close(long connectionId, CloseMode mode) {
        TcpConnection connection = connections.get(connectionId);
        if (connection != null) {
            connection.close(Objects.requireNonNull(mode, "mode"));
        }
    }

    public void setEcho(boolean echo) {
        boolean changed = settings.echo() != echo;
        settings.setEcho(echo);
        if (changed && isRunning()) {
            sink.emit(new Notice(Instant.now(), LISTENER_ID, localAddress, null,
                    TcpText.TEXT.get(echo ? "server.echo.on" : "server.echo.off")));
        }
    }

    public boolean echo() {
        return settings.echo();
    }

    /**
     * What every connection (open ones from their next read) does with a frame larger than the framing's maximum:
     * close (the default) or report it, skip it and go on. DISCARD emits Failure(LIMIT_EXCEEDED, "Frame of N bytes
     * exceeds the maximum of M bytes: discarded, resynchronising") per skipped frame.
     */
    public void setOversizePolicy(OversizePolicy policy) {
        settings.setOversizePolicy(policy);
    }

    public OversizePolicy oversizePolicy() {
        return settings.oversizePolicy();
    }

    /**
     * Socket options for the listening socket and every connection; null fields leave an option as it is. Before
     * {@link #start()} SO_REUSEADDR and SO_RCVBUF are set on the listening socket before bind (accepted connections
     * inherit SO_RCVBUF, which decides the TCP window scale of their handshake); once running they are set on it
     * at once (SO_REUSEADDR then only matters for a later bind, which its read-back note says). The connection
     * options (TCP_NODELAY, SO_KEEPALIVE, SO_RCVBUF, SO_SNDBUF, SO_LINGER, IP_TOS) are set on every accepted
     * connection and on the open ones now. The read idle timeout closes a connection that received nothing for that
     * long (ConnectionClosed TIMEOUT "no data for N s"), counted from its last bytes; the connect timeout has no
     * meaning for a server. Each socket the options are set on gets a Notice of what was granted
     * ("SO_RCVBUF requested 65536, granted 65536 (kernel reserves 131072)"). TCP_NODELAY is on unless set off here.
     */
    public void setSocketOptions(SocketOptionsSpec spec) {
        settings.setSocketOptions(Objects.requireNonNull(spec, "spec"));
        ServerSocketChannel channel;
        synchronized (lock) {
            channel = state == State.RUNNING ? listener : null;
        }
        SocketOptionsSpec listenerSpec = listenerSpec(spec);
        if (channel != null && !listenerSpec.isEmpty()) {
            listenerApplied = SocketOptionsApplier.apply(channel, listenerSpec);
            announceListenerOptions();
        }
        SocketOptionsSpec connectionSpec = connectionSpec(spec);
        for (TcpConnection connection : connections.values()) {
            connection.applyOptions(connectionSpec);
        }
    }

    /** The options last given to {@link #setSocketOptions}; {@link SocketOptionsSpec#NONE} at first. */
    public SocketOptionsSpec socketOptions() {
        return settings.socketOptions();
    }

    /** Connection {@code connectionId}'s options read back now, with what was requested; empty for an unknown id. */
    public EffectiveOptions effectiveOptions(long connectionId) {
        TcpConnection connection = connections.get(connectionId);
        return connection == null ? new EffectiveOptions(List.of()) : connection.effectiveOptions();
    }

    /** The listening socket's options read back now, with what was requested; empty when not listening. */
    public EffectiveOptions listenerOptions() {
        ServerSocketChannel channel = runningListener();
        return channel == null ? new EffectiveOptions(List.of())
                : SocketOptionsApplier.reread(channel, listenerApplied);
    }

    /**
     * Address family (IPv4, IPv6, Unix), socket type, both ends and the options of connection {@code connectionId};
     * null for an unknown id (or one that has ended).
     */
    public ConnectionDetails details(long connectionId) {
        TcpConnection connection = connections.get(connectionId);
        return connection == null ? null : connection.details();
    }

    /** The same for the listening socket; null when not listening. */
    public ConnectionDetails listenerDetails() {
        ServerSocketChannel channel = runningListener();
        if (channel == null) {
            return null;
        }
        ConnectionDetails described = ConnectionDetails.describe(channel);
        return new ConnectionDetails(described.family(), described.type(), described.role(), described.local(),
                described.remote(), SocketOptionsApplier.reread(channel, listenerApplied));
    }

    /**
     * The bytes connection {@code connectionId} received that do not form a complete frame yet, as of its last
     * read (a copy; the first 64 KiB when more are pending — {@link ConnectionInfo#pendingBytes()} has the exact
     * count). Empty for an unknown id.
     */
    public byte[] pending(long connectionId) {
        TcpConnection connection = connections.get(connectionId);
        return connection == null ? new byte[0] : connection.pending();
    }

    /** For connections accepted from now on, and for open ones at their next read. */
    public void setFramerFactory(Supplier<Framer> factory) {
        framerFactory = Objects.requireNonNull(factory, "factory");
        for (TcpConnection connection : connections.values()) {
            connection.setFramerFactory(factory);
        }
    }

    public List<ConnectionInfo> connections() {
        List<ConnectionInfo> snapshot = new ArrayList<>();
        for (TcpConnection connection : connections.values()) {
            snapshot.add(connection.info());
        }
        snapshot.sort(Comparator.comparingLong(ConnectionInfo::id));
        return snapshot;
    }

    /**
     * The most bytes all connections together may hold in memory for their peers: sends and echoes queued until
     * written, unfinished frames ({@link TcpServerConfig#memoryBudget()}, by default a quarter of the heap). A frame
     * or an echo that would go over it closes the connection holding the most (a Failure LIMIT_EXCEEDED names it,
     * "Closed the connection to … to make room: it held …"), or the requesting connection when it would hold the
     * most itself; a send that would go over it is refused (LIMIT_EXCEEDED), the connection stays.
     */
    public long memoryBudget() {
        return budget.limit();
    }

    /** How much of {@link #memoryBudget()} is held now. */
    public long memoryInUse() {
        return budget.used();
    }

    public long rejectedCount() {
        return rejected.get();
    }

    public int connectionCount() {
        return connections.size();
    }

    /**
     * Closes the listener and every connection (ConnectionClosed LISTENER_STOPPED each), waits up to 2 s for all
     * threads of this server to end, removes a Unix domain socket's file, then emits ListenerStopped. Idempotent.
     */
    public void stop() {
        ServerSocketChannel channel;
        synchronized (lock) {
            if (state != State.RUNNING) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPED;
            channel = listener;
        }
        closeQuietly(channel);
        for (TcpConnection connection : List.copyOf(connections.values())) {
            connection.finish(CloseReason.LISTENER_STOPPED, "");
        }
        threads.awaitTermination(STOP_WAIT);
        removeSocketFile();
        sink.emit(new ListenerStopped(Instant.now(), LISTENER_ID, boundAddress, null,
                TcpText.TEXT.get("detail.stopped.by.user")));
    }

    @Override
    public void close() {
        stop();
    }

    /** The threads of this server that are still running; for tests. */
    List<Thread> liveThreads() {
        return threads.live();
    }

    private ServerSocketChannel runningListener() {
        synchronized (lock) {
            return state == State.RUNNING ? listener : null;
        }
    }

    private void announceListenerOptions() {
        String refused = OptionsNotice.refusals(TcpText.TEXT.get("options.subject.listener",
                Endpoints.describe(boundAddress)),
                listenerApplied);
        if (refused != null) {
            sink.emit(new Failure(Instant.now(), LISTENER_ID, boundAddress, null, Operation.OPTIONS,
                    FailureKind.IO_ERROR, refused, ""));
        }
        EffectiveOptions options = listenerOptions();
        String text = OptionsNotice.text(TcpText.TEXT.get("options.title.listener"), options);
        if (text != null) {
            sink.emit(new Notice(Instant.now(), LISTENER_ID, boundAddress, null, text));
        }
    }

    /** What of the options a listening socket takes: SO_REUSEADDR and SO_RCVBUF. */
    private static SocketOptionsSpec listenerSpec(SocketOptionsSpec spec) {
        return new SocketOptionsSpec(spec.reuseAddress(), null, null, spec.receiveBuffer(), null, null, null, null,
                null, null, null, null);
    }

    /** What of the options an accepted connection takes: all but SO_REUSEADDR (bind) and the connect timeout. */
    private static SocketOptionsSpec connectionSpec(SocketOptionsSpec spec) {
        return new SocketOptionsSpec(null, spec.tcpNoDelay(), spec.keepAlive(), spec.receiveBuffer(),
                spec.sendBuffer(), spec.lingerSeconds(), spec.ipTos(), spec.readIdleTimeout(), null, spec.broadcast(),
                spec.multicastTtl(), spec.multicastLoopback());
    }

    private void acceptLoop() {
        ServerSocketChannel channel;
        synchronized (lock) {
            channel = listener;
        }
        while (true) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                if (!isRunning()) {
                    return;
                }
                if (!channel.isOpen()) {
                    listenerFailed(e);
                    return;
                }
                sink.emit(SocketErrors.toFailure(e, Operation.ACCEPT, LISTENER_ID, boundAddress, null));
                pauseAfterAcceptError();
                continue;
            }
            try {
                admit(accepted);
            } catch (RuntimeException | Error e) {
                // Whatever one connection's set-up throws, the listener keeps accepting.
                LOG.error("Admitting a connection failed", e);
                closeQuietly(accepted);
                sink.emit(new Failure(Instant.now(), LISTENER_ID, boundAddress, null, Operation.ACCEPT,
                        FailureKind.IO_ERROR, TcpText.TEXT.get("server.accept.setup.failed",
                        TcpConnection.describe(e)), SocketErrors.technicalDetail(e)));
            }
        }
    }

    /**
     * Registers and starts a connection the accept loop took, or closes it. A connection that fails before it is
     * registered (the peer reset it at once: the BSDs then fail setsockopt with "Invalid argument"; Linux hands it
     * over and the first read sees the reset) gets a Failure of its own, never only a log line. Package-private: a
     * test hands it a channel that fails its set-up the way such an OS does.
     */
    void admit(SocketChannel accepted) {
        SocketAddress remote = null;
        SocketAddress local;
        StreamIo io;
        try {
            remote = accepted.getRemoteAddress();
            if (!config.isUnix()) {
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            local = accepted.getLocalAddress();
            SSLContext tls = tlsContext;
            io = tls == null ? StreamIo.of(accepted) : new TlsStreamIo(accepted,
                    TlsSockets.server(tls, config.tls(), accepted.socket()),
                    config.tls().clientAuth() != ClientAuth.NONE, null, config.tls().handshakeTimeout());
        } catch (IOException e) {
            closeQuietly(accepted);
            setUpFailed(unnamed(remote) ? null : remote, e);
            return;
        }
        TcpConnection connection;
        synchronized (lock) {
            if (state != State.RUNNING) {
                closeQuietly(io);
                return;
            }
            if (connections.size() >= config.maxConnections()) {
                closeQuietly(io);
                rejected.incrementAndGet();
                sink.emit(new ConnectionRejected(Instant.now(), LISTENER_ID, local, remote,
                        TcpText.TEXT.get("detail.max.connections", config.maxConnections())));
                return;
            }
            long id = ids.incrementAndGet();
            SocketAddress peer = unnamed(remote) ? new UnixPeerAddress(config.unixPath(), id) : remote;
            connection = new TcpConnection(id, io, local, peer, sink, threads, framerFactory,
                    settings, budget, finished -> connections.remove(finished.id(), finished));
            connections.put(id, connection);
            sink.emit(new ConnectionAccepted(Instant.now(), id, local, peer));
        }
        try {
            // A factory set while this connection was being registered might have missed it in the map.
            connection.setFramerFactory(framerFactory);
            connection.applyOptions(connectionSpec(settings.socketOptions()));
            connection.start();
        } catch (RuntimeException | Error e) {
            // Such as no memory left for its threads: the connection ends, the listener goes on.
            LOG.error("Starting connection {} failed", connection.id(), e);
            connection.emitWhileOpen(new Failure(Instant.now(), connection.id(), local, connection.remote(),
                    Operation.ACCEPT, FailureKind.IO_ERROR, TcpText.TEXT.get("server.setup.failed",
                    Endpoints.describe(connection.remote()), TcpConnection.describe(e)),
                    SocketErrors.technicalDetail(e)));
            connection.finish(CloseReason.ERROR, TcpText.TEXT.get("detail.setup.failed", TcpConnection.describe(e)));
        }
    }

    /** The one report of a connection that ended between accept and registration. */
    private void setUpFailed(SocketAddress remote, IOException e) {
        FailureKind kind = SocketErrors.classify(e);
        String from = remote == null ? TcpText.TEXT.get("server.a.connection")
                : TcpText.TEXT.get("server.a.connection.from", Endpoints.describe(remote));
        String message = kind == FailureKind.CONNECTION_RESET
                ? TcpText.TEXT.get("server.early.reset", from)
                : TcpText.TEXT.get("server.early.ended", from, TcpConnection.describe(e));
        sink.emit(new Failure(Instant.now(), LISTENER_ID, boundAddress, remote, Operation.ACCEPT, kind, message,
                SocketErrors.technicalDetail(e)));
    }

    private void listenerFailed(IOException e) {
        Failure failure = SocketErrors.toFailure(e, Operation.ACCEPT, LISTENER_ID, boundAddress, null);
        sink.emit(failure);
        synchronized (lock) {
            state = State.STOPPED;
        }
        for (TcpConnection connection : List.copyOf(connections.values())) {
            connection.finish(CloseReason.LISTENER_STOPPED, failure.message());
        }
        removeSocketFile();
        sink.emit(new ListenerStopped(Instant.now(), LISTENER_ID, boundAddress, null,
                TcpText.TEXT.get("detail.listener.failed", failure.message())));

    }

    private void pauseAfterAcceptError() {
        try {
            // Errors such as "too many open files" repeat at once; the pause keeps the loop from spinning.
            Thread.sleep(ACCEPT_ERROR_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SocketAddress requestedAddress() {
        if (config.isUnix()) {
            return UnixDomainSocketAddress.of(config.unixPath());
        }
        return config.bindsAllInterfaces() ? new InetSocketAddress(config.port())
                : new InetSocketAddress(config.bindHost(), config.port());
    }

    /** True for a Unix domain client that did not bind a path: the system gives it no address of its own. */
    private boolean unnamed(SocketAddress remote) {
        return config.isUnix() && (remote == null
                || remote instanceof UnixDomainSocketAddress unix && unix.getPath().toString().isEmpty());
    }

    private void removeSocketFile() {
        if (socketFile != null) {
            socketFile.remove();
        }
    }

    private static void closeQuietly(StreamIo io) {
        try {
            io.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", io, e);
        }
    }

    private static void closeQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", channel, e);
        }
    }

    @Override
    public String toString() {
        if (config.isUnix()) {
            return "TcpServer[unix:" + config.unixPath() + "]";
        }
        return "TcpServer[" + (localAddress == null ? config.bindHost() + ":" + config.port()
                : Endpoints.describe(localAddress)) + "]";
    }
}
