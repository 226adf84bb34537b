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
    /**
     * The drop-after fault cut this client off: the pair stays (so the client's next datagram does not open a fresh
     * one with a fresh count) and drops everything from the client until it idles out or the user forgets it.
     */
    private volatile boolean cutOff;
    private volatile String cutDetail;
    /** Datagrams (and their bytes) from the client dropped since the cut; guarded by {@code this}. */
    private long droppedAfterCut;
    private long droppedBytesAfterCut;

    UdpPair(long id, Relay relay, UdpRelay owner, SocketAddress client, DatagramChannel upstream,
            SocketAddress target) {
        this.id = id;
        this.relay = relay;
        this.owner = owner;
        this.sink = relay.sink();
        this.client = client;
        this.relayAddress = owner.localAddress();
        this.upstream = upstream;
        this.serverAddress = target;
        this.clientToServer = new Pipe(id, RelayDirection.CLIENT_TO_SERVER, relay.controls(), relay.holds(),
                relay.threads(), "relay-udp-pair-" + id + "-c2s-writer", this,
                new DatagramOutlet(upstream, serverAddress), false);
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

    /**
     * How long the pair has been idle at {@code now}: nothing read or written either way, and nothing waiting. A pair
     * that holds a datagram for the user, or delays one (latency, pacing), is not idle, however long that takes: its
     * idle time starts when the last one is forwarded or dropped.
     */
    long idleNanos(long now) {
        if (clientToServer.pending() || serverToClient.pending()) {
            lastActivityNanos = now;
            return 0;
        }
        return now - lastActivityNanos;
    }

    /** A datagram from the client, in the relay's receive buffer (free again when this returns). */
    void fromClient(ByteBuffer datagram) {
        lastActivityNanos = System.nanoTime();
        if (cutOff) {
            // Counted, and reported when the pair ends: nothing is dropped without a word.
            synchronized (this) {
                droppedAfterCut++;
                droppedBytesAfterCut += datagram.remaining();
            }
            return;
        }
        clientToServer.deliver(datagram);
    }

    private void readReplies() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(UdpRelay.DATAGRAM_BUFFER_BYTES);
        while (!finished.get()) {
            buffer.clear();
            try {
                SocketAddress from = upstream.receive(buffer);
                if (!serverAddress.equals(from)) {
                    // Only the target's replies belong to this pair (what a connected socket would let through).
                    LOG.debug("Relay UDP pair {}: ignored a datagram from {}", id, from);
                    continue;
                }
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
        lastActivityNanos = System.nanoTime();
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

    /**
     * The drop-after fault: like a TCP pair that is reset, the client is cut off, but UDP has no connection to end.
     * Forgetting the pair (as before) would let the client's next datagram open a fresh pair with a fresh count, so
     * the fault would never drop anything. Instead the pair stays and drops every datagram from the client (and
     * nothing more comes back: the upstream socket is closed) until no datagram arrives for the idle time or the
     * user forgets the pair; then the pair ends with how much was dropped.
     */
    @Override
    public void dropLimitReached(RelayDirection direction, long limit) {
        synchronized (this) {
            if (cutOff || finished.get()) {
                return;
            }
            cutDetail = TEXT.get("closed.dropAfter.udp", ByteSizes.format(limit), RelayText.direction(direction));
            cutOff = true;
        }
        lastActivityNanos = System.nanoTime();
        clientToServer.close();
        serverToClient.close();
        RelaySocket.closeQuietly(upstream);
        notice(TEXT.get("notice.cutOff", ByteSizes.format(limit), RelayText.direction(direction),
                DurationText.of(relay.config().udpPairIdle())));
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
        String state = !open ? "state.closed" : cutOff ? "state.cutOff" : "state.open";
        return counters.snapshot(id, client, serverAddress, TEXT.get(state), open);
    }

    private void finish(CloseReason reason, String detail) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        owner.forget(this);
        clientToServer.close();
        serverToClient.close();
        RelaySocket.closeQuietly(upstream);
        String said = detail;
        if (cutOff) {
            long datagrams;
            long bytes;
            synchronized (this) {
                datagrams = droppedAfterCut;
                bytes = droppedBytesAfterCut;
            }
            said = TEXT.get("closed.afterCut", cutDetail, Long.toString(datagrams), ByteSizes.format(bytes), detail);
        }
        sink.emit(new ConnectionClosed(Instant.now(), id, relayAddress, client, reason, said));
        relay.pairEnded(this);
    }

    private static SocketAddress local(DatagramChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Sends each write as one datagram: to the target from the pair's socket, or to one client from the relay's
     * socket. Neither socket is connected: the JDK sends nothing for an empty buffer on a connected channel, and an
     * empty datagram is a message (a keep-alive, a probe) like any other.
     */
    private record DatagramOutlet(DatagramChannel channel, SocketAddress to) implements Outlet {
        @Override
        public void write(ByteBuffer data) throws IOException {
            channel.send(data, to);
        }

        @Override
        public boolean keepsBoundaries() {
            return true;
        }
    }
}
