// Over 400 lines: the documented public API of a relay (start, pairs, intercept, faults, stop) over one state.
package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.net.SocketErrors;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.runtime.GuardedSink;
import com.socketworkbench.engine.tcp.CloseMode;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static com.socketworkbench.engine.relay.RelayText.TEXT;

/**
 * A man in the middle between clients and one target: listens (TCP or UDP), and for each client opens its own way
 * to the target and forwards both directions, reporting every forwarded chunk as an event. With intercept on, each
 * chunk of a direction is held until the user forwards it (possibly edited) or drops it; faults delay, pace, cut or
 * drop traffic per direction.
 *
 * <p>Events (connection id = pair id; local = the relay's side of the client connection, remote = the client):
 * ListenerStarted / ListenerStopped for the relay itself (id 0); per pair ConnectionAccepted when the client
 * arrives, a Notice when the target is connected (or a Failure and the client closed when it cannot be), a
 * BytesReceived for every chunk forwarded client → server and a BytesSent for every chunk forwarded server →
 * client, as forwarded (after edits, one per segment written), a Notice for every dropped chunk and for bytes a
 * closing pair could not deliver, and one ConnectionClosed saying why and which side ended it.
 *
 * <p>Threads: an accept (or receive) thread; per TCP pair one reader per direction, and a writer per direction
 * only once intercept or faults queue something. See docs/relay.md.
 */
public final class Relay implements AutoCloseable {
    static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final long LISTENER_ID = 0;
    private static final int BACKLOG = 1024;
    private static final int CLOSED_PAIRS_KEPT = 256;
    private static final Duration ACCEPT_ERROR_PAUSE = Duration.ofMillis(100);

    private final RelayConfig config;
    private final EventSink sink;
    private final Holds holds;
    private final RelayControls controls = new RelayControls();
    private final EngineThreads threads = new EngineThreads();
    private final ReadBuffers readBuffers = new ReadBuffers();
    private final AtomicLong pairIds = new AtomicLong();
    private final Map<Long, RelayPair> pairs = new ConcurrentHashMap<>();
    private final ArrayDeque<PairSnapshot> closedPairs = new ArrayDeque<>();
    private volatile boolean closed;
    private ServerSocketChannel listener;
    private UdpRelay udp;
    private InetSocketAddress localAddress;
    private SSLContext clientTls;
    private SSLContext serverTls;

    private Relay(RelayConfig config, EventSink events, HoldListener holdListener) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = new GuardedSink(Objects.requireNonNull(events, "events"));
        this.holds = new Holds(holdListener);
    }

    /**
     * Binds and starts relaying. Emits ListenerStarted with the actual address, or a Failure (port in use, address
     * not available, permission denied, unknown host) and throws it.
     *
     * @throws SocketErrorException carrying the emitted Failure, whose message says what is wrong in plain words
     */
    public static Relay start(RelayConfig config, EventSink events, HoldListener holds) throws IOException {
        Relay relay = new Relay(config, events, holds);
        relay.bind();
        return relay;
    }

    private void bind() throws SocketErrorException {
        InetSocketAddress requested = new InetSocketAddress(config.bindHost(), config.listenPort());
        try {
            // Key files and trust are read once, here: a bad file fails the start, not every pair.
            clientTls = config.clientTls() == null ? null : TlsContexts.server(config.clientTls());
            serverTls = config.serverTls() == null ? null : TlsContexts.client(config.serverTls());
        } catch (TlsSetupException e) {
            Failure failure = new Failure(Instant.now(), LISTENER_ID, requested, null, Operation.START,
                    FailureKind.INVALID_INPUT, e.getMessage(), SocketErrors.technicalDetail(e));
            sink.emit(failure);
            throw new SocketErrorException(failure, e);
        }
        try {
            if (requested.isUnresolved()) {
                throw new UnknownHostException(config.bindHost());
            }
            if (config.transport() == RelayTransport.UDP) {
                udp = UdpRelay.bind(this, requested);
                localAddress = udp.localAddress();
            } else {
                ServerSocketChannel channel = ServerSocketChannel.open();
                try {
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    channel.bind(requested, BACKLOG);
                    localAddress = (InetSocketAddress) channel.getLocalAddress();
                } catch (IOException | RuntimeException e) {
                    RelaySocket.closeQuietly(channel);
                    throw e;
                }
                listener = channel;
            }
        } catch (IOException | RuntimeException e) {
            Failure failure = SocketErrors.toFailure(e, Operation.START, LISTENER_ID, requested, null);
            sink.emit(failure);
            throw new SocketErrorException(failure, e);
        }
        sink.emit(new ListenerStarted(Instant.now(), LISTENER_ID, localAddress, null, config.transport().name()));
        if (udp != null) {
            udp.start();
        } else {
            threads.start("relay-accept-" + localAddress.getPort(), this::acceptLoop);
        }
    }

    /** The bound address (port 0 resolved). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    public RelayConfig config() {
        return config;
    }

    /** Faults for one direction from the next chunk on; {@link Faults#none()} switches them off. */
    public void setFaults(RelayDirection direction, Faults faults) {
        controls.setFaults(Objects.requireNonNull(direction, "direction"), faults);
    }

    /**
     * Holds every chunk of {@code direction} from now on (on) or only what is already held (off: those keep waiting
     * for the user, chunks behind them pass once they are decided; {@link #forwardAll} releases them).
     */
    public void setIntercept(RelayDirection direction, boolean on) {
        controls.setIntercept(Objects.requireNonNull(direction, "direction"), on);
    }

    /** After {@code timeout} (counted from when a chunk arrived; zero: never) a held chunk is forwarded or dropped. */
    public void setHoldTimeout(Duration timeout, HoldTimeoutAction action) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
            throw new IllegalArgumentException(TEXT.get("hold.timeout.negative"));
        }
        controls.setHoldTimeout(timeout, action);
        for (RelayPair pair : pairs.values()) {
            for (RelayDirection direction : RelayDirection.values()) {
                Pipe pipe = pair.pipe(direction);
                if (pipe != null) {
                    pipe.settingsChanged();
                }
            }
        }
    }

    /**
     * Forwards a held chunk with {@code bytes} (the held bytes, or edited ones: EDITED when they differ).
     *
     * @return false when the hold is gone (decided already, timed out, its pair closed)
     */
    public boolean forward(long holdId, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        Holds.Hold hold = holds.claim(holdId);
        if (hold == null) {
            return false;
        }
        HoldOutcome outcome = Arrays.equals(hold.item().bytes, bytes) ? HoldOutcome.FORWARDED : HoldOutcome.EDITED;
        hold.pipe().decide(hold.item(), bytes.clone(), outcome);
        return true;
    }

    /**
     * Drops a held chunk: it is never delivered, and a Notice says so.
     *
     * @return false when the hold is gone
     */
    public boolean drop(long holdId) {
        Holds.Hold hold = holds.claim(holdId);
        if (hold == null) {
            return false;
        }
        hold.pipe().decide(hold.item(), null, HoldOutcome.DROPPED);
        return true;
    }

    /**
     * Forwards, unchanged, every chunk held in {@code direction} on every pair (Burp's "intercept off" and "forward
     * all"); chunks queued behind them follow in order. Call {@link #setIntercept} off first to hold nothing new.
     *
     * @return how many held chunks this released
     */
    public int forwardAll(RelayDirection direction) {
        return releaseAll(Objects.requireNonNull(direction, "direction"), HoldOutcome.FORWARDED);
    }

    /**
     * Drops every chunk held in {@code direction} on every pair, each with its Notice.
     *
     * @return how many held chunks this released
     */
    public int dropAll(RelayDirection direction) {
        return releaseAll(Objects.requireNonNull(direction, "direction"), HoldOutcome.DROPPED);
    }

    private int releaseAll(RelayDirection direction, HoldOutcome outcome) {
        // A reader that decided to hold a chunk just before intercept went off may still be registering it: waiting
        // for each pipe's lock lets it finish, so the sweep below sees it.
        for (RelayPair pair : pairs.values()) {
            Pipe pipe = pair.pipe(direction);
            if (pipe != null) {
                pipe.settle();
            }
        }
        int released = 0;
        // In hold order, so that the Notices of a Drop all read in the order the chunks came.
        for (long holdId : holds.ids().stream().sorted().toList()) {
            Holds.Hold hold = holds.peek(holdId);
            if (hold == null || hold.pipe().direction() != direction) {
                continue;
            }
            Holds.Hold claimed = holds.claim(holdId);
            if (claimed != null) {
                claimed.pipe().decide(claimed.item(), null, outcome);
                released++;
            }
        }
        return released;
    }

    /**
     * Ends a pair from here: {@code side} gets a FIN ({@link CloseMode#GRACEFUL}) or a reset
     * ({@link CloseMode#ABORT}), the other side a FIN. For UDP, which has neither, the pair is simply forgotten.
     * Does nothing for a pair that has ended.
     *
     * @throws IllegalArgumentException for {@link CloseMode#HALF_CLOSE}: a relay passes half-closes on, it does
     *                                  not make them
     */
    public void closePair(long pairId, RelaySide side, CloseMode mode) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(mode, "mode");
        if (mode == CloseMode.HALF_CLOSE) {
            throw new IllegalArgumentException("A relay pair closes a side with GRACEFUL (FIN) or ABORT (RST)");
        }
        RelayPair pair = pairs.get(pairId);
        if (pair != null) {
            pair.close(side, mode);
        }
    }

    /** The open pairs and the last 256 closed ones, by pair id: cheap enough for a UI tick. */
    public List<PairSnapshot> pairs() {
        List<PairSnapshot> all = new ArrayList<>();
        synchronized (closedPairs) {
            all.addAll(closedPairs);
        }
        for (RelayPair pair : pairs.values()) {
            all.add(pair.snapshot());
        }
        all.sort(Comparator.comparingLong(PairSnapshot::pairId));
        // A pair that ended between the two reads appears twice: keep its closed snapshot.
        List<PairSnapshot> unique = new ArrayList<>(all.size());
        for (PairSnapshot snapshot : all) {
            PairSnapshot last = unique.isEmpty() ? null : unique.getLast();
            if (last != null && last.pairId() == snapshot.pairId()) {
                if (!snapshot.open()) {
                    unique.set(unique.size() - 1, snapshot);
                }
            } else {
                unique.add(snapshot);
            }
        }
        return unique;
    }

    /** Stops listening, closes every pair (held chunks are released as PAIR_CLOSED, undelivered), waits for threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        RelaySocket.closeQuietly(listener);
        if (udp != null) {
            udp.stop();
        }
        for (RelayPair pair : List.copyOf(pairs.values())) {
            pair.stop();
        }
        sink.emit(new ListenerStopped(Instant.now(), LISTENER_ID, localAddress, null, TEXT.get("stopped")));
        if (!threads.awaitTermination(STOP_WAIT)) {
            LOG.warn("Relay on {}: some threads did not end within {}", localAddress, STOP_WAIT);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Bytes queued (held or waiting behind a held chunk) in one direction of a pair; 0 for a pair that is gone. */
    long queuedBytes(long pairId, RelayDirection direction) {
        RelayPair pair = pairs.get(pairId);
        Pipe pipe = pair == null ? null : pair.pipe(direction);
        return pipe == null ? 0 : pipe.queuedBytes();
    }

    /** The live threads (tests check that none is left after close). */
    List<Thread> liveThreads() {
        return threads.live();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                sink.emit(SocketErrors.toFailure(e, Operation.ACCEPT, LISTENER_ID, localAddress, null));
                pause();
                continue;
            }
            TcpPair pair;
            try {
                pair = new TcpPair(pairIds.incrementAndGet(), this, client);
            } catch (IOException e) {
                // The client left between accept and now: nothing to relay.
                LOG.debug("Relay on {}: a client left at once", localAddress, e);
                RelaySocket.closeQuietly(client);
                continue;
            }
            pairs.put(pair.id(), pair);
            sink.emit(new ConnectionAccepted(Instant.now(), pair.id(), pair.relayAddress(), pair.clientAddress()));
            if (closed) {
                pair.stop();
                return;
            }
            threads.start("relay-pair-" + pair.id() + "-c2s", pair::run);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_ERROR_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Shared with the pairs.

    long nextPairId() {
        return pairIds.incrementAndGet();
    }

    void pairStarted(RelayPair pair) {
        pairs.put(pair.id(), pair);
    }

    void pairEnded(RelayPair pair) {
        PairSnapshot last = pair.snapshot();
        synchronized (closedPairs) {
            closedPairs.addLast(last);
            while (closedPairs.size() > CLOSED_PAIRS_KEPT) {
                closedPairs.removeFirst();
            }
        }
        pairs.remove(pair.id());
    }

    EventSink sink() {
        return sink;
    }

    /** The context for TLS toward clients; null when the client side is plain. */
    SSLContext clientTls() {
        return clientTls;
    }

    /** The context for TLS toward the target; null when the server side is plain. */
    SSLContext serverTls() {
        return serverTls;
    }

    RelayControls controls() {
        return controls;
    }

    Holds holds() {
        return holds;
    }

    ReadBuffers readBuffers() {
        return readBuffers;
    }

    EngineThreads threads() {
        return threads;
    }
}
