package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionRejected;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
import java.util.function.Supplier;

/**
 * A TCP server: listens, accepts connections up to a maximum, reads them through a framer, writes what it is told to
 * (and echoes if enabled). Everything it observes is reported through the {@link EventSink}; listener-level events
 * carry connection id 0, connections are numbered from 1 per server.
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
    private volatile boolean echo;
    private volatile Supplier<Framer> framerFactory = Framer::raw;

    public TcpServer(TcpServerConfig config, EventSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = new GuardedSink(sink);
        this.echo = config.echo();
    }

    /**
     * Binds (backlog 1024, SO_REUSEADDR) and starts accepting. Emits ListenerStarted with the actual address, or a
     * Failure (port in use, address not available, permission denied, unknown host) and throws it.
     *
     * @throws SocketErrorException carrying the emitted Failure
     * @throws IllegalStateException when called twice or after stop
     */
    public InetSocketAddress start() throws SocketErrorException {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException(state == State.RUNNING ? "The server is already running"
                        : "A stopped server cannot be started again; create a new one");
            }
            InetSocketAddress requested = config.bindsAllInterfaces() ? new InetSocketAddress(config.port())
                    : new InetSocketAddress(config.bindHost(), config.port());
            ServerSocketChannel channel = null;
            try {
                if (requested.isUnresolved()) {
                    throw new UnknownHostException(config.bindHost());
                }
                channel = ServerSocketChannel.open();
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(requested, BACKLOG);
                localAddress = (InetSocketAddress) channel.getLocalAddress();
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                Failure failure = SocketErrors.toFailure(e, LISTENER_ID, requested, null, "bind");
                sink.emit(failure);
                throw new SocketErrorException(failure, e);
            }
            listener = channel;
            state = State.RUNNING;
        }
        sink.emit(new ListenerStarted(Instant.now(), LISTENER_ID, localAddress, null, "TCP"));
        threads.start("tcp-server-accept-" + localAddress.getPort(), this::acceptLoop);
        return localAddress;
    }

    public boolean isRunning() {
        synchronized (lock) {
            return state == State.RUNNING;
        }
    }

    /** The bound address (port 0 resolved); null before start. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Queues {@code data} (copied) for connection {@code connectionId}; never blocks. */
    public CompletableFuture<Void> send(long connectionId, byte[] data) {
        TcpConnection connection = connections.get(connectionId);
        if (connection == null) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("There is no open connection with id " + connectionId));
        }
        return connection.send(data.clone());
    }

    /** Queues {@code data} for every connection open now; completes when all writes have completed. */
    public CompletableFuture<Void> sendToAll(byte[] data) {
        byte[] copy = data.clone();
        CompletableFuture<?>[] sends = connections.values().stream()
                .map(connection -> connection.send(copy))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    /** Graceful close: queued data is written, then FIN; emits ConnectionClosed(LOCAL_CLOSE). Unknown ids are ignored. */
    public void disconnect(long connectionId) {
        close(connectionId, CloseMode.GRACEFUL);
    }

    public void close(long connectionId, CloseMode mode) {
        TcpConnection connection = connections.get(connectionId);
        if (connection != null) {
            connection.close(Objects.requireNonNull(mode, "mode"));
        }
    }

    public void setEcho(boolean echo) {
        boolean changed = this.echo != echo;
        this.echo = echo;
        if (changed && isRunning()) {
            sink.emit(new Notice(Instant.now(), LISTENER_ID, localAddress, null, echo ? "Echo on" : "Echo off"));
        }
    }

    public boolean echo() {
        return echo;
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

    public long rejectedCount() {
        return rejected.get();
    }

    public int connectionCount() {
        return connections.size();
    }

    /**
     * Closes the listener and every connection (ConnectionClosed LISTENER_STOPPED each), waits up to 2 s for all
     * threads of this server to end, then emits ListenerStopped. Idempotent.
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
        sink.emit(new ListenerStopped(Instant.now(), LISTENER_ID, localAddress, null, "stopped by user"));
    }

    @Override
    public void close() {
        stop();
    }

    /** The threads of this server that are still running; for tests. */
    List<Thread> liveThreads() {
        return threads.live();
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
                sink.emit(SocketErrors.toFailure(e, LISTENER_ID, localAddress, null, "accept"));
                pauseAfterAcceptError();
                continue;
            }
            admit(accepted);
        }
    }

    private void admit(SocketChannel accepted) {
        SocketAddress local;
        SocketAddress remote;
        try {
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            local = accepted.getLocalAddress();
            remote = accepted.getRemoteAddress();
        } catch (IOException e) {
            LOG.debug("A connection ended before it could be set up", e);
            closeQuietly(accepted);
            return;
        }
        TcpConnection connection;
        synchronized (lock) {
            if (state != State.RUNNING) {
                closeQuietly(accepted);
                return;
            }
            if (connections.size() >= config.maxConnections()) {
                closeQuietly(accepted);
                rejected.incrementAndGet();
                sink.emit(new ConnectionRejected(Instant.now(), LISTENER_ID, local, remote,
                        "maximum of " + config.maxConnections() + " connections reached"));
                return;
            }
            long id = ids.incrementAndGet();
            connection = new TcpConnection(id, accepted, local, remote, sink, threads, framerFactory,
                    () -> echo, finished -> connections.remove(finished.id(), finished));
            connections.put(id, connection);
            sink.emit(new ConnectionAccepted(Instant.now(), id, local, remote));
        }
        // A factory set while this connection was being registered might have missed it in the map.
        connection.setFramerFactory(framerFactory);
        connection.start();
    }

    private void listenerFailed(IOException e) {
        Failure failure = SocketErrors.toFailure(e, LISTENER_ID, localAddress, null, "accept");
        sink.emit(failure);
        synchronized (lock) {
            state = State.STOPPED;
        }
        for (TcpConnection connection : List.copyOf(connections.values())) {
            connection.finish(CloseReason.LISTENER_STOPPED, failure.message());
        }
        sink.emit(new ListenerStopped(Instant.now(), LISTENER_ID, localAddress, null,
                "the listener failed: " + failure.message()));
    }

    private void pauseAfterAcceptError() {
        try {
            // Errors such as "too many open files" repeat at once; the pause keeps the loop from spinning.
            Thread.sleep(ACCEPT_ERROR_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        return "TcpServer[" + (localAddress == null ? config.bindHost() + ":" + config.port()
                : Endpoints.describe(localAddress)) + "]";
    }
}
