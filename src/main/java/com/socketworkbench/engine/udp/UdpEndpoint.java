// Over 400 lines: the documented public API of an endpoint; UdpSender, UdpReceiver, UdpSettings do the work.
package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.runtime.EngineThreads;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One UDP socket that receives, sends, replies, broadcasts and joins multicast groups, reporting everything as
 * {@link NetEvent}s. All events carry {@link #id()} as their connection id.
 *
 * <p>Threads: one named virtual thread {@code udp-recv-<port>} receives while the endpoint is bound
 * ({@link UdpReceiver}); sends, connects and name resolution run in order on one virtual thread
 * {@code udp-send-<id>-<n>} (it ends after a second idle, {@link UdpSender}), so callers never wait for the network.
 * {@link #stop()} ends and joins both.
 *
 * <p>The channel is non-blocking and the receive thread waits in a {@link Selector}: a blocking receive would hold
 * the channel's read lock, and {@link DatagramChannel#connect} takes that lock, so connecting would hang until the
 * next datagram arrived.
 */
public final class UdpEndpoint implements AutoCloseable {

    /** Receive limit by default: the largest datagram UDP can describe, so nothing is ever cut. */
    public static final int DEFAULT_MAX_DATAGRAM_SIZE = UdpLimits.MAX_DATAGRAM_SIZE;

    private static final AtomicLong IDS = new AtomicLong();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final UdpConfig config;
    private final long id = IDS.incrementAndGet();
    private final UdpEvents events;
    private final EngineThreads threads = new EngineThreads();
    private final Object lock = new Object();
    private final UdpCounters counters = new UdpCounters();
    private final UdpSettings settings;
    private final UdpSender sender;
    private final MulticastMemberships multicast;

    private volatile UdpSession session;
    private boolean closed;

    public UdpEndpoint(UdpConfig config, EventSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = new UdpEvents(id, Objects.requireNonNull(sink, "sink"));
        this.settings = new UdpSettings(events, config.broadcast());
        this.sender = new UdpSender(events, threads, counters, settings, new UdpSender.Sessions() {
            @Override
            public UdpSession current() {
                return session;
            }

            @Override
            public UdpSession forSending(InetAddress target, String purpose) throws SocketErrorException {
                return sessionFor(target, purpose);
            }
        }, UdpLimits.SEND_QUEUE_DATAGRAMS, UdpLimits.SEND_QUEUE_BYTES);
        this.multicast = new MulticastMemberships(events, settings);
    }

    /** Identifies this endpoint in its events' {@code connectionId}. */
    public long id() {
        return id;
    }

    public UdpConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Binds the configured address (port 0 picks a free port) and starts receiving. Emits {@link ListenerStarted}
     * (transport "UDP"), plus a {@link Notice} when the system granted a smaller receive buffer than asked for.
     *
     * @return the bound address with the actual port
     * @throws SocketErrorException          after emitting its {@link Failure} (e.g. PORT_IN_USE) when binding fails
     * @throws IllegalStateException when already bound (stop first) or closed
     */
    public InetSocketAddress start() throws SocketErrorException {
        synchronized (lock) {
            ensureOpen();
            if (session != null) {
                throw new IllegalStateException("Already bound to " + Endpoints.describe(session.local)
                        + "; stop it first");
            }
            InetAddress bindAddress;
            try {
                bindAddress = InetAddress.getByName(config.bindHost());
            } catch (IOException e) {
                throw events.emitted(UdpErrors.unknownHost(id, null, config.bindHost(), Operation.START, e));
            }
            session = bind(new InetSocketAddress(bindAddress, config.port()));
            return session.local;
        }
    }

    /**
     * Closes the socket (the system drops its group memberships and the connected peer), cancels queued sends (a
     * {@link Notice} counts them), joins the endpoint's threads (at most about 2 s) and emits {@link ListenerStopped}.
     * Idempotent. The endpoint can be started again; settings (broadcast, multicast options, receive limit) and the
     * multicast groups are kept (the next start joins the groups again) and counters keep counting.
     */
    public void stop() {
        stop(UdpText.TEXT.get("detail.stopped.by.user"));
    }

    /** {@link #stop()}, after which the endpoint refuses to start or send. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        stop(UdpText.TEXT.get("detail.closed"));
    }

    public boolean isRunning() {
        return session != null;
    }

    /** The bound address (actual port), or null when not bound. */
    public InetSocketAddress localAddress() {
        UdpSession s = session;
        return s == null ? null : s.local;
    }

    /** SO_RCVBUF as the system reports it after binding (Linux doubles the request, capped by rmem_max); 0 unbound. */
    public int effectiveReceiveBuffer() {
        UdpSession s = session;
        return s == null ? 0 : s.effectiveReceiveBuffer;
    }

    private void stop(String reason) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        UdpSession s;
        int dropped;
        synchronized (lock) {
            s = session;
            session = null;
            if (s != null) {
                s.stopping = true;
            }
            // Under the lock: a running send is interrupted before it could take the lock and bind again.
            dropped = sender.cancelAll();
        }
        if (dropped > 0) {
            // Their futures are cancelled (no Failure: the user stopped), but the timeline says what did not go out.
            events.notice(s == null ? null : s.local, null, dropped == 1 ? UdpText.TEXT.get("queued.dropped.one")
                    : UdpText.TEXT.get("queued.dropped.other", UdpSender.count(dropped)));
        }
        if (s != null) {
            closeSession(s, reason, deadline);
        }
        // A sink callback may call stop() on one of this endpoint's own threads, which is not waited for.
        threads.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    private void closeSession(UdpSession s, String reason, long deadline) {
        s.stopping = true;
        s.readSelector.wakeup();
        Thread receiver = s.receiver;
        if (receiver != null && receiver != Thread.currentThread()) {
            try {
                receiver.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        s.close();
        synchronized (lock) {
            s.memberships.clear();
        }
        events.emit(new ListenerStopped(Instant.now(), id, s.local, null, reason));
    }

    /** The receive thread gave up: release the socket without joining itself. */
    private void abandon(UdpSession s, String reason) {
        synchronized (lock) {
            if (session != s) {
                return;
            }
            session = null;
        }
        closeSession(s, reason, System.nanoTime() + STOP_TIMEOUT.toNanos());
    }

    /** Threads this endpoint started that are still alive (for tests that check nothing is left behind). */
    Set<Thread> liveThreads() {
        return Set.copyOf(threads.live());
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This UDP endpoint is closed; create a new one");
        }
    }

    // ---------------------------------------------------------------- binding

    private UdpSession bind(InetSocketAddress requested) throws SocketErrorException {
        UdpSession s;
        try {
            s = UdpSession.bind(requested, config.receiveBufferBytes(), config.reuseAddress());
        } catch (IOException | RuntimeException e) {
            throw events.emitted(UdpErrors.bindFailure(id, requested, config.reuseAddress(), e));
        }
        settings.applyTo(s);
        events.emit(new ListenerStarted(Instant.now(), id, s.local, null, "UDP"));
        multicast.rejoin(s);
        if (s.effectiveReceiveBuffer < config.receiveBufferBytes()) {
            events.notice(s.local, null, UdpText.TEXT.get("receive.buffer.capped",
                    UdpSender.count(config.receiveBufferBytes()), UdpSender.count(s.effectiveReceiveBuffer)));
        }
        s.receiver = threads.start("udp-recv-" + s.local.getPort(),
                new UdpReceiver(s, settings, counters, events, reason -> abandon(s, reason)));
        return s;
    }

    /**
     * The session to send from; binds an ephemeral port when not started: loopback of the target's family when the
     * target is loopback, otherwise that family's wildcard.
     */
    private UdpSession sessionFor(InetAddress target, String purpose) throws SocketErrorException {
        synchronized (lock) {
            UdpSession s = session;
            if (s != null) {
                return s;
            }
            if (closed) {
                throw UdpSender.cancelled(UdpText.TEXT.get("closed.first"));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw UdpSender.cancelled(UdpText.TEXT.get("stopped.first"));
            }
            InetAddress bindAddress = target instanceof Inet6Address
                    ? InetAddress.ofLiteral(target.isLoopbackAddress() ? "::1" : "::")
                    : InetAddress.ofLiteral(target.isLoopbackAddress() ? "127.0.0.1" : "0.0.0.0");
            s = bind(new InetSocketAddress(bindAddress, 0));
            session = s;
            events.notice(s.local, null, UdpText.TEXT.get("connect".equals(purpose) ? "bound.to.connect"
                    : "bound.to.send", Endpoints.describe(s.local)));
            return s;
        }
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one datagram from the bound socket (so the peer sees this endpoint's port), binding an ephemeral port
     * first when not started (with a {@link Notice}). Resolves {@code host} (name, IPv4 or IPv6 literal, "[::1]")
     * off the caller's thread. Emits {@link BytesSent} once the datagram is handed to the system, or one
     * {@link Failure} (operation SEND) and completes exceptionally with the {@link SocketErrorException} carrying it:
     * INVALID_INPUT for a bad host or port, a broadcast address without the Broadcast option, an IPv6 target from an
     * IPv4 socket, or a target other than the connected peer; LIMIT_EXCEEDED above {@link UdpLimits#maxPayload}, and
     * at once when {@link UdpLimits#SEND_QUEUE_DATAGRAMS} sends or {@link UdpLimits#SEND_QUEUE_BYTES} of payload
     * already wait to be sent; INVALID_STATE once closed; UNKNOWN_HOST; and the mapped socket errors. A send that
     * {@link #stop()} or {@link #close()} overtakes is cancelled (CancellationException, no Failure; a Notice counts
     * the queued ones). Sends (and {@link #connect}) run in call order.
     *
     * @param data copied; may be empty (an empty datagram is sent)
     */
    public CompletableFuture<Void> send(String host, int port, byte[] data) {
        Objects.requireNonNull(data, "data");
        if (data.length > UdpLimits.MAX_IPV6_PAYLOAD) {
            // No datagram can carry it: refused on the send thread (the message names the target's family) without
            // a copy waiting in the queue.
            int length = data.length;
            return submit(host, port, Operation.SEND, 0, () -> {
                sender.refuseTooLarge(host.strip(), port, length);
                return null;
            });
        }
        byte[] payload = data.clone();
        return submit(host, port, Operation.SEND, payload.length, () -> {
            sender.transmit(host.strip(), port, payload);
            return null;
        });
    }

    /**
     * {@link #send(String, int, byte[])} to an address, typically a received event's {@code remote()} to reply to
     * its sender. An unresolved address is resolved on the send thread.
     */
    public CompletableFuture<Void> send(InetSocketAddress target, byte[] data) {
        Objects.requireNonNull(target, "target");
        String host = target.isUnresolved() ? target.getHostString() : target.getAddress().getHostAddress();
        return send(host, target.getPort(), data);
    }

    /**
     * Connects the socket to one peer: only its datagrams are received, and ICMP errors (nothing listening) are
     * reported as CONNECTION_REFUSED failures. Binds an ephemeral port first when not started. Runs in order with
     * sends, and fails or is cancelled like them (its Failure's operation is CONNECT).
     *
     * @return the resolved peer address
     */
    public CompletableFuture<InetSocketAddress> connect(String host, int port) {
        return submit(host, port, Operation.CONNECT, 0, () -> sender.connectTo(host.strip(), port));
    }

    /** Accepts datagrams from any address again. Does nothing when not connected. */
    public void disconnect() {
        UdpSession s = session;
        if (s == null || !s.channel.isConnected()) {
            return;
        }
        try {
            s.channel.disconnect();
            events.notice(s.local, null, UdpText.TEXT.get("disconnected"));
        } catch (IOException e) {
            events.emit(UdpErrors.failure(id, s.local, null, Operation.CONNECT, FailureKind.IO_ERROR,
                    UdpText.TEXT.get("disconnect.failed", e.getMessage()), e));
        }
    }

    public boolean isConnected() {
        UdpSession s = session;
        return s != null && s.channel.isConnected();
    }

    /** The connected peer, or null. */
    public InetSocketAddress connectedAddress() {
        UdpSession s = session;
        return s == null ? null : (InetSocketAddress) s.remote();
    }

    private <T> CompletableFuture<T> submit(String host, int port, Operation operation, int bytes,
                                            UdpSender.SendCall<T> call) {
        if (host == null || host.isBlank()) {
            return refuse(operation, FailureKind.INVALID_INPUT, UdpText.TEXT.get("enter.host"));
        }
        if (port < 1 || port > 65_535) {
            return refuse(operation, FailureKind.INVALID_INPUT, UdpText.TEXT.get("bad.port", port));
        }
        synchronized (lock) {
            if (closed) {
                return refuse(operation, FailureKind.INVALID_STATE, UdpText.TEXT.get("closed"));
            }
            String what = operation == Operation.CONNECT ? UdpText.TEXT.get("what.connect", host.strip(), port)
                    : UdpText.TEXT.get("what.send", UdpSender.count(bytes), host.strip(), port);

            return sender.submit(bytes, operation, what, call);
        }
    }

    private <T> CompletableFuture<T> refuse(Operation operation, FailureKind kind, String message) {
        return CompletableFuture.failedFuture(events.refused(localAddress(), null, operation, kind, message));
    }

    // ---------------------------------------------------------------- options

    /** SO_BROADCAST: needed to send to a broadcast address. Applies now and on later binds. */
    public void setBroadcast(boolean on) {
        settings.setBroadcast(on, session);
    }

    public boolean isBroadcast() {
        return settings.broadcast();
    }

    /**
     * The largest datagram delivered whole; a larger one arrives as its first {@code bytes} bytes with
     * {@code truncated = true}. 1 to 65,535; applies from the next datagram.
     *
     * @return false, after a Failure (OPTIONS, INVALID_INPUT), for a value out of range, which is not taken
     */
    public boolean setMaxDatagramSize(int bytes) {
        return settings.setMaxDatagramSize(bytes, session);
    }

    public int maxDatagramSize() {
        return settings.maxDatagramSize();
    }

    /**
     * IP_MULTICAST_TTL (the hop limit for IPv6), 0 to 255; 1 (the default) keeps multicast on the local link.
     *
     * @return false, after a Failure (MULTICAST, INVALID_INPUT), for a value out of range, which is not taken
     */
    public boolean setMulticastTtl(int ttl) {
        return settings.setMulticastTtl(ttl, session);
    }

    public int multicastTtl() {
        return settings.multicastTtl();
    }

    /**
     * IP_MULTICAST_LOOP: whether this host's own members receive what this socket sends to a group. It has no effect
     * when the group is sent through loopback (lo), where the datagram itself comes back in.
     */
    public void setMulticastLoopback(boolean on) {
        settings.setMulticastLoopback(on, session);
    }

    public boolean multicastLoopback() {
        return settings.multicastLoopback();
    }

    /**
     * IP_MULTICAST_IF: the interface multicast is sent through, and the default for {@link #joinGroup}. Null or
     * blank returns to the system's choice from the next start (a bound socket cannot unset it).
     *
     * @return false, after a Failure (MULTICAST, INVALID_INPUT), when no interface has that name; the setting stays
     */
    public boolean setMulticastInterface(String interfaceName) {
        return settings.setMulticastInterface(interfaceName, session);
    }

    /** The configured multicast interface name, or null for the system's choice. */
    public String multicastInterface() {
        return settings.multicastInterface();
    }

    // ---------------------------------------------------------------- multicast membership

    /**
     * Joins a multicast group so datagrams sent to it arrive here (the endpoint must be bound to the wildcard
     * address, or the group address, to receive them; the Notice warns otherwise). An IPv4 group may be joined on a
     * dual-stack "::" socket; an IPv6 group needs an IPv6 socket. Joining a group twice on one interface does
     * nothing.
     *
     * @param interfaceName null or blank: {@link #multicastInterface()} if set, else the interface the system routes
     *                      the group to, else the first multicast-capable interface that is up, else loopback
     * @throws SocketErrorException carrying the Failure (MULTICAST) emitted for it: not a multicast literal, an IPv6
     *                              group on an IPv4 socket or an unknown interface (INVALID_INPUT), not bound
     *                              (INVALID_STATE), or the system refused
     */
    public void joinGroup(String group, String interfaceName) throws SocketErrorException {
        synchronized (lock) {
            multicast.join(session, group, interfaceName);
        }
    }

    /**
     * Leaves a group on one interface, or on every interface it was joined on when {@code interfaceName} is null;
     * while stopped, the next start does not join it.
     *
     * @throws SocketErrorException carrying the Failure (MULTICAST) emitted for it: not a multicast literal
     *                              (INVALID_INPUT), or not a member (INVALID_STATE)
     */
    public void leaveGroup(String group, String interfaceName) throws SocketErrorException {
        synchronized (lock) {
            multicast.leave(session, group, interfaceName);
        }
    }

    /** The bound socket's memberships in join order; empty when not bound (closing the socket leaves every group). */
    public List<MulticastMembership> joinedGroups() {
        synchronized (lock) {
            return MulticastMemberships.joined(session);
        }
    }

    /**
     * The endpoint's groups in join order: while bound, those its socket has joined; while stopped, those the next
     * start joins again (on the interface each was joined on). A group the new socket cannot join (an IPv6 group on
     * an IPv4 socket, an interface that is gone) is reported as a MULTICAST Failure then, and dropped from this list.
     */
    public List<MulticastMembership> multicastGroups() {
        synchronized (lock) {
            return multicast.groups();
        }
    }

    /**
     * Groups for this endpoint to join when it starts, after any of its own: how a new endpoint takes over the
     * groups of one that was stopped (the UDP tab makes a new endpoint for each start). {@link #leaveGroup} removes
     * one again before the start.
     *
     * @throws IllegalStateException when bound (use {@link #joinGroup}) or closed
     */
    public void joinAtStart(Collection<MulticastMembership> groups) {
        Objects.requireNonNull(groups, "groups");
        synchronized (lock) {
            ensureOpen();
            multicast.joinAtStart(session, groups);
        }
    }

    // ---------------------------------------------------------------- counters

    public long datagramsIn() {
        return counters.datagramsIn();
    }

    public long bytesIn() {
        return counters.bytesIn();
    }

    public long datagramsOut() {
        return counters.datagramsOut();
    }

    public long bytesOut() {
        return counters.bytesOut();
    }

    /** Datagrams that arrived larger than {@link #maxDatagramSize()} and were delivered cut. */
    public long truncatedDatagrams() {
        return counters.truncatedIn();
    }

    /**
     * Datagrams the kernel dropped for this socket's port because its receive queue was full (Linux
     * /proc/net/udp "drops"); empty when not bound or not on Linux.
     */
    public OptionalLong kernelDrops() {
        UdpSession s = session;
        return s == null ? OptionalLong.empty() : UdpKernelStats.socketDrops(s.local.getPort());
    }

    @Override
    public String toString() {
        UdpSession s = session;
        return "UdpEndpoint[" + id + (s == null ? ", not bound" : ", " + Endpoints.describe(s.local)) + "]";
    }
}
