package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.tcp.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.socketworkbench.engine.relay.RelayText.TEXT;

/**
 * One client connection and the relay's connection to the target. The thread that serves the client first
 * connects to the target, then reads the client (client → server) while a second thread reads the server
 * (server → client); each hands what it reads to its direction's {@link Pipe}.
 *
 * <p>Endings: a FIN is passed on as a half-close (shutdownOutput) once everything before it is forwarded, and the
 * pair ends when both directions have ended; a reset (or a failed write, the receiving side being gone) resets the
 * other side with SO_LINGER 0; the drop-after-bytes fault resets both. Exactly one ConnectionClosed says which side
 * did what.
 */
final class TcpPair implements RelayPair, PairEnds {
    private static final Logger LOG = LoggerFactory.getLogger(TcpPair.class);

    private final long id;
    private final Relay relay;
    private final EventSink sink;
    private final SocketChannel client;
    private final SocketAddress clientAddress;
    private final SocketAddress relayAddress;
    private final PairCounters counters = new PairCounters();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile SocketChannel server;
    private volatile RelaySocket clientSide;
    private volatile RelaySocket serverSide;
    private volatile SocketAddress serverAddress;
    private volatile Pipe clientToServer;
    private volatile Pipe serverToClient;
    private volatile String stateKey = "state.connecting";
    private RelaySide firstToEnd;
    private boolean clientEndForwarded;
    private boolean serverEndForwarded;

    TcpPair(long id, Relay relay, SocketChannel client) throws IOException {
        this.id = id;
        this.relay = relay;
        this.sink = relay.sink();
        this.client = client;
        this.clientAddress = client.getRemoteAddress();
        this.relayAddress = client.getLocalAddress();
        this.clientSide = RelaySocket.plain(client);
    }

    @Override
    public long id() {
        return id;
    }

    SocketAddress clientAddress() {
        return clientAddress;
    }

    SocketAddress relayAddress() {
        return relayAddress;
    }

    /** The client side's thread: connect to the target, start the server side's reader, read the client. */
    void run() {
        if (relay.clientTls() != null && !PairTls.towardClient(this, relay)) {
            return;
        }
        if (!connect()) {
            return;
        }
        RelaySocket upstream = serverSide;
        relay.threads().start("relay-pair-" + id + "-s2c", () -> read(upstream, serverToClient, RelaySide.SERVER));
        read(clientSide, clientToServer, RelaySide.CLIENT);
    }

    long pairId() {
        return id;
    }

    SocketChannel clientChannel() {
        return client;
    }

    boolean isFinished() {
        return finished.get();
    }

    void clientSecured(RelaySocket secured) {
        clientSide = secured;
    }

    /** A TLS handshake failed: its Failure, then the pair ends with the client closed. */
    void handshakeFailed(Failure failure, String detail) {
        sink.emit(failure);
        finish(CloseReason.ERROR, detail, () -> {
            clientSide.close();
            RelaySocket upstream = serverSide;
            if (upstream != null) {
                upstream.close();
            } else {
                RelaySocket.closeQuietly(server);
            }
        });
    }

    private boolean connect() {
        RelayConfig config = relay.config();
        InetSocketAddress target = new InetSocketAddress(config.targetHost(), config.targetPort());
        serverAddress = target;
        SocketChannel upstream;
        try {
            upstream = SocketChannel.open();
        } catch (IOException e) {
            connectFailed(SocketErrors.toFailure(e, Operation.CONNECT, id, null, target));
            return false;
        }
        server = upstream;
        if (finished.get()) {
            RelaySocket.closeQuietly(upstream);
            return false;
        }
        try {
            if (target.isUnresolved()) {
                throw new UnknownHostException(config.targetHost());
            }
            upstream.socket().connect(target, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
            upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | RuntimeException e) {
            RelaySocket.closeQuietly(upstream);
            if (finished.get()) {
                return false;
            }
            connectFailed(e instanceof SocketTimeoutException
                    ? SocketErrors.connectTimeout(id, null, target, config.connectTimeout(), e)
                    : SocketErrors.toFailure(e, Operation.CONNECT, id, null, target));
            return false;
        }
        SocketAddress upstreamLocal = RelaySocket.localAddress(upstream);
        serverAddress = RelaySocket.remoteAddress(upstream, target);
        serverSide = RelaySocket.plain(upstream);
        sink.emit(new Notice(Instant.now(), id, relayAddress, clientAddress, TEXT.get("notice.upstream",
                Endpoints.describe(serverAddress), Endpoints.describe(upstreamLocal))));
        if (relay.serverTls() != null && !PairTls.towardServer(this, relay, upstream, target)) {
            return false;
        }
        clientToServer = new Pipe(id, RelayDirection.CLIENT_TO_SERVER, relay.controls(), relay.holds(),
                relay.threads(), "relay-pair-" + id + "-c2s-writer", this, serverSide, true);
        serverToClient = new Pipe(id, RelayDirection.SERVER_TO_CLIENT, relay.controls(), relay.holds(),
                relay.threads(), "relay-pair-" + id + "-s2c-writer", this, clientSide, true);
        stateKey = "state.open";
        if (finished.get()) {
            // Stopped while connecting: the stop closed what it knew of; the pipes were not there yet.
            clientToServer.close();
            serverToClient.close();
            serverSide.close();
            return false;
        }
        return true;
    }

    void serverSecured(RelaySocket secured) {
        serverSide = secured;
    }

    private void connectFailed(Failure failure) {
        sink.emit(failure);
        finish(CloseReason.ERROR, TEXT.get("closed.connectFailed", Endpoints.describe(serverAddress)),
                () -> clientSide.close());
    }

    private void read(RelaySocket channel, Pipe pipe, RelaySide side) {
        ReadBuffers buffers = relay.readBuffers();
        ByteBuffer buffer = buffers.first(channel);
        try {
            boolean filled = false;
            while (true) {
                if (filled) {
                    buffer = buffers.grow(channel, buffer);
                }
                buffer.clear();
                int count;
                try {
                    count = channel.read(buffer);
                } catch (IOException e) {
                    readFailed(side, e);
                    return;
                }
                if (count < 0) {
                    ended(side);
                    pipe.deliverEnd();
                    return;
                }
                filled = count == buffer.capacity();
                buffer.flip();
                if (!pipe.deliver(buffer)) {
                    return;
                }
            }
        } finally {
            buffers.release(buffer);
        }
    }

    private void ended(RelaySide side) {
        synchronized (lock) {
            if (firstToEnd == null) {
                firstToEnd = side;
            }
            if (!finished.get()) {
                stateKey = side == RelaySide.CLIENT ? "state.clientEnded" : "state.serverEnded";
            }
        }
    }

    private void readFailed(RelaySide side, IOException e) {
        if (finished.get()) {
            return;
        }
        if (SocketErrors.classify(e) == FailureKind.CONNECTION_RESET) {
            resetBy(side);
        } else {
            LOG.debug("Relay pair {}: reading the {} failed", id, side, e);
            RelaySide other = other(side);
            finish(CloseReason.ERROR, TEXT.get("closed.readFailed", RelayText.side(side),
                    SocketErrors.technicalDetail(e), RelayText.side(other)), () -> {
                reset(other);
                socket(side).close();
            });
        }
    }

    /** {@code side} reset its connection (or is gone): the relay resets the other side too. */
    private void resetBy(RelaySide side) {
        RelaySide other = other(side);
        finish(CloseReason.RESET, TEXT.get("closed.reset", RelayText.side(side), RelayText.side(other)), () -> {
            reset(other);
            reset(side);
        });
    }

    @Override
    public void forwarded(RelayDirection direction, byte[] data) {
        counters.add(direction, data.length);
        Instant now = Instant.now();
        sink.emit(direction == RelayDirection.CLIENT_TO_SERVER
                ? new BytesReceived(now, id, relayAddress, clientAddress, data)
                : new BytesSent(now, id, relayAddress, clientAddress, data));
    }

    @Override
    public void endForwarded(RelayDirection direction) {
        RelaySide receiving = direction == RelayDirection.CLIENT_TO_SERVER ? RelaySide.SERVER : RelaySide.CLIENT;
        try {
            socket(receiving).shutdownOutput();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Relay pair {}: passing the FIN on to the {} failed", id, receiving, e);
        }
        boolean bothEnded;
        RelaySide first;
        synchronized (lock) {
            if (direction == RelayDirection.CLIENT_TO_SERVER) {
                clientEndForwarded = true;
            } else {
                serverEndForwarded = true;
            }
            bothEnded = clientEndForwarded && serverEndForwarded;
            first = firstToEnd;
        }
        if (bothEnded) {
            RelaySide firstSide = first == null ? RelaySide.CLIENT : first;
            finish(CloseReason.PEER_CLOSED, TEXT.get("closed.fin", RelayText.side(firstSide),
                    RelayText.side(other(firstSide))), () -> {
                clientSide.close();
                serverSide.close();
            });
        }
    }

    @Override
    public boolean writeFailed(RelayDirection direction, IOException error) {
        if (finished.get()) {
            return false;
        }
        RelaySide receiving = direction == RelayDirection.CLIENT_TO_SERVER ? RelaySide.SERVER : RelaySide.CLIENT;
        LOG.debug("Relay pair {}: writing to the {} failed", id, receiving, error);
        resetBy(receiving);
        return false;
    }

    @Override
    public void dropLimitReached(RelayDirection direction, long limit) {
        finish(CloseReason.LOCAL_CLOSE, TEXT.get("closed.dropAfter", ByteSizes.format(limit),
                RelayText.direction(direction)), () -> {
            reset(RelaySide.CLIENT);
            reset(RelaySide.SERVER);
        });
    }

    @Override
    public void notice(String message) {
        sink.emit(new Notice(Instant.now(), id, relayAddress, clientAddress, message));
    }

    @Override
    public Pipe pipe(RelayDirection direction) {
        return direction == RelayDirection.CLIENT_TO_SERVER ? clientToServer : serverToClient;
    }

    @Override
    public void close(RelaySide side, CloseMode mode) {
        if (mode == CloseMode.HALF_CLOSE) {
            throw new IllegalArgumentException("A relay pair closes a side with GRACEFUL (FIN) or ABORT (RST)");
        }
        RelaySide other = other(side);
        boolean rst = mode == CloseMode.ABORT;
        finish(CloseReason.LOCAL_CLOSE, TEXT.get(rst ? "closed.byUser.rst" : "closed.byUser.fin",
                RelayText.side(side), RelayText.side(other)), () -> {
            if (rst) {
                reset(side);
            } else {
                close(side);
            }
            close(other);
        });
    }

    @Override
    public void stop() {
        finish(CloseReason.LISTENER_STOPPED, TEXT.get("closed.relayStopped"), () -> {
            close(RelaySide.CLIENT);
            close(RelaySide.SERVER);
        });
    }

    @Override
    public PairSnapshot snapshot() {
        boolean open = !finished.get();
        return counters.snapshot(id, clientAddress, serverAddress, TEXT.get(open ? stateKey : "state.closed"), open);
    }

    /**
     * Ends the pair once: the pipes first (releasing holds, reporting undelivered bytes), then the sockets as
     * {@code closing} says, then the one ConnectionClosed.
     */
    private void finish(CloseReason reason, String detail, Runnable closing) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        Pipe up = clientToServer;
        Pipe down = serverToClient;
        if (up != null) {
            up.close();
        }
        if (down != null) {
            down.close();
        }
        closing.run();
        sink.emit(new ConnectionClosed(Instant.now(), id, relayAddress, clientAddress, reason, detail));
        relay.pairEnded(this);
    }

    /** The side as the pair's threads use it; null for the server before it is connected. */
    private RelaySocket socket(RelaySide side) {
        return side == RelaySide.CLIENT ? clientSide : serverSide;
    }

    private static RelaySide other(RelaySide side) {
        return side == RelaySide.CLIENT ? RelaySide.SERVER : RelaySide.CLIENT;
    }

    /** Resets a side (SO_LINGER 0); the server side while still connecting is just closed. */
    private void reset(RelaySide side) {
        RelaySocket socket = socket(side);
        if (socket != null) {
            socket.reset();
        } else if (side == RelaySide.SERVER) {
            RelaySocket.closeQuietly(server);
        }
    }

    /** Closes a side gracefully; the server side while still connecting aborts the connect. */
    private void close(RelaySide side) {
        RelaySocket socket = socket(side);
        if (socket != null) {
            socket.close();
        } else if (side == RelaySide.SERVER) {
            RelaySocket.closeQuietly(server);
        }
    }

}
