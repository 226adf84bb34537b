package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.text.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.socketworkbench.engine.relay.RelayText.TEXT;

/**
 * One UDP client address and the relay's own socket toward the target for it. Datagrams from the client arrive on
 * the relay's shared socket ({@link #fromClient}); replies are read here, by the pair's own thread, and sent back to
 * the client from the shared socket. Every datagram is one chunk: held, delayed or cut like a TCP read.
 */
final class UdpPair implements RelayPair, PairEnds {
    private static final Logger LOG = LoggerFactory.getLogger(UdpPair.class);

    private final long id;
    private final Relay relay;
    private final UdpRelay owner;
    private final EventSink sink;
    private final SocketAddress client;
    private final SocketAddress relayAddress;
    private final DatagramChannel upstream;
    private final SocketAddress serverAddress;
    private final PairCounters counters = new PairCounters();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Pipe clientToServer;
    private final Pipe serverToClient;
    private volatile long lastActivityNanos = System.nanoTime();

    UdpPair(long id, Relay relay, UdpRelay owner, SocketAddress client, DatagramChannel upstream) {
        this.id = id;
        this.relay = relay;
        this.owner = owner;
        this.sink = relay.sink();
        this.client = client;
        this.relayAddress = owner.localAddress();
        this.upstream = upstream;
        this.serverAddress = remote(upstream);
        this.clientToServer = new Pipe(id, RelayDirection.CLIENT_TO_SERVER, relay.controls(), relay.holds(),
                relay.threads(), "relay-udp-pair-" + id + "-c2s-writer", this, new DatagramOutlet(upstream, null),
                false);
        this.serverToClient = new Pipe(id, RelayDirection.SERVER_TO_CLIENT, relay.controls(), relay.holds(),
                relay.threads(), "relay-udp-pair-" + id + "-s2c-writer", this,
                new DatagramOutlet(owner.channel(), client), true);
    }

    /** A Failure was emitted for the upstream socket: the client's pair ends before it began. */
    static void reportFailedOpen(Relay relay, long id, SocketAddress relayAddress, SocketAddress client,
                                 SocketAddress target) {
        relay.sink().emit(new ConnectionClosed(Instant.now(), id, relayAddress, client, CloseReason.ERROR,
                TEXT.get("closed.connectFailed", Endpoints.describe(target))));
    }

    void start() {
        sink.emit(new Notice(Instant.now(), id, relayAddress, client, TEXT.get("notice.upstream.udp",
                Endpoints.describe(serverAddress), Endpoints.describe(local(upstream)))));
        relay.threads().start("relay-udp-pair-" + id + "-s2c", this::readReplies);
    }

    @Override
    public long id() {
        return id;
    }

    SocketAddress clientAddress() {
        return client;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** A datagram from the client, in the relay's receive buffer (free again when this returns). */
    void fromClient(ByteBuffer datagram) {
        lastActivityNanos = System.nanoTime();
        clientToServer.deliver(datagram);
    }

    private void readReplies() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(UdpRelay.DATAGRAM_BUFFER_BYTES);
        while (!finished.get()) {
            buffer.clear();
            try {
                upstream.read(buffer);
            } catch (PortUnreachableException e) {
                notice(TEXT.get("notice.udp.unreachable", Endpoints.describe(serverAddress)));
                continue;
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!finished.get()) {
                    LOG.debug("Relay UDP pair {}: receiving from the server failed", id, e);
                    notice(TEXT.get("notice.udp.receiveFailed", SocketErrors.technicalDetail(e)));
                }
                continue;
            }
            lastActivityNanos = System.nanoTime();
            buffer.flip();
            if (!serverToClient.deliver(buffer)) {
                return;
            }
        }
    }

    @Override
    public void forwarded(RelayDirection direction, byte[] data) {
        counters.add(direction, data.length);
        Instant now = Instant.now();
        sink.emit(direction == RelayDirection.CLIENT_TO_SERVER
                ? new BytesReceived(now, id, relayAddress, client, data)
                : new BytesSent(now, id, relayAddress, client, data));
    }

    @Override
    public void endForwarded(RelayDirection direction) {
        // Datagrams have no end of stream.
    }

    @Override
    public boolean writeFailed(RelayDirection direction, IOException error) {
        if (finished.get()) {
            return false;
        }
        notice(error instanceof PortUnreachableException
                ? TEXT.get("notice.udp.unreachable", Endpoints.describe(serverAddress))
                : TEXT.get("notice.udp.sendFailed", RelayText.direction(direction),
                        SocketErrors.technicalDetail(error)));
        return true;
    }

    @Override
    public void dropLimitReached(RelayDirection direction, long limit) {
        finish(CloseReason.LOCAL_CLOSE, TEXT.get("closed.dropAfter.udp", ByteSizes.format(limit),
                RelayText.direction(direction)));
    }

    @Override
    public void notice(String message) {
        sink.emit(new Notice(Instant.now(), id, relayAddress, client, message));
    }

    @Override
    public Pipe pipe(RelayDirection direction) {
        return direction == RelayDirection.CLIENT_TO_SERVER ? clientToServer : serverToClient;
    }

    @Override
    public void close(RelaySide side, CloseMode mode) {
        finish(CloseReason.LOCAL_CLOSE, TEXT.get("closed.byUser.udp"));
    }

    @Override
    public void stop() {
        finish(CloseReason.LISTENER_STOPPED, TEXT.get("closed.relayStopped"));
    }

    void idledOut(Duration idle) {
        finish(CloseReason.TIMEOUT, TEXT.get("closed.idle", DurationText.of(idle)));
    }

    @Override
    public PairSnapshot snapshot() {
        boolean open = !finished.get();
        return counters.snapshot(id, client, serverAddress, TEXT.get(open ? "state.open" : "state.closed"), open);
    }

    private void finish(CloseReason reason, String detail) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        owner.forget(this);
        clientToServer.close();
        serverToClient.close();
        RelaySocket.closeQuietly(upstream);
        sink.emit(new ConnectionClosed(Instant.now(), id, relayAddress, client, reason, detail));
        relay.pairEnded(this);
    }

    private static SocketAddress remote(DatagramChannel channel) {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private static SocketAddress local(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends each write as one datagram: on a connected socket, or to one client from the relay's socket. */
    private record DatagramOutlet(DatagramChannel channel, SocketAddress to) implements Outlet {
        @Override
        public void write(ByteBuffer data) throws IOException {
            if (to == null) {
                channel.write(data);
            } else {
                channel.send(data, to);
            }
        }

        @Override
        public boolean keepsBoundaries() {
            return true;
        }
    }
}
