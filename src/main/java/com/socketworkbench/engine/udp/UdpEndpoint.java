package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.UnsupportedAddressTypeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One UDP socket that receives, sends, replies, broadcasts and joins multicast groups, reporting everything as
 * {@link NetEvent}s. All events carry {@link #id()} as their connection id.
 *
 * <p>Threads: one named virtual thread {@code udp-recv-<port>} receives while the endpoint is bound; sends, connects
 * and name resolution run in order on one virtual thread {@code udp-send-<id>-<n>} (it ends after a second idle), so
 * callers never wait for the network. {@link #stop()} ends and joins both.
 *
 * <p>The channel is non-blocking and the receive thread waits in a {@link Selector}: a blocking receive would hold
 * the channel's read lock, and {@link DatagramChannel#connect} takes that lock, so connecting would hang until the
 * next datagram arrived.
 */
public final class UdpEndpoint implements AutoCloseable {

    /** Receive limit by default: the largest datagram UDP can describe, so nothing is ever cut. */
    public static final int DEFAULT_MAX_DATAGRAM_SIZE = UdpLimits.MAX_DATAGRAM_SIZE;

    private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final long STOP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SEND_STALL_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_CONSECUTIVE_RECEIVE_ERRORS = 20;

    private final UdpConfig config;
    private final EventSink sink;
    private final long id = IDS.incrementAndGet();
    private final Object lock = new Object();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong senderThreadCount = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();

    private volatile Session session;
    private ThreadPoolExecutor sender;
    private boolean closed;

    private volatile boolean broadcast;
    private volatile int maxDatagramSize = DEFAULT_MAX_DATAGRAM_SIZE;
    private volatile int multicastTtl = 1;
    private volatile boolean multicastLoopback = true;
    private volatile String multicastInterface;

    private final LongAdder datagramsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder datagramsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder truncatedIn = new LongAdder();

    /** Everything that exists only while the socket is bound. */
    private static final class Session {
        final DatagramChannel channel;
        final ProtocolFamily family;
        final Selector readSelector;
        final Selector writeSelector;
        final InetSocketAddress local;
        final int effectiveReceiveBuffer;
        final Map<MulticastMembership, MembershipKey> memberships = new LinkedHashMap<>();
        volatile boolean stopping;
        Thread receiver;

        Session(DatagramChannel channel, ProtocolFamily family, Selector readSelector, Selector writeSelector,
                InetSocketAddress local, int effectiveReceiveBuffer) {
            this.channel = channel;
            this.family = family;
            this.readSelector = readSelector;
            this.writeSelector = writeSelector;
            this.local = local;
            this.effectiveReceiveBuffer = effectiveReceiveBuffer;
        }

        boolean dualStack() {
            return family == StandardProtocolFamily.INET6 && local.getAddress().isAnyLocalAddress();
        }
    }

    @FunctionalInterface
    private interface SendCall<T> {
        T run() throws SocketErrorException;
    }

    public UdpEndpoint(UdpConfig config, EventSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.broadcast = config.broadcast();
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
                Failure failure = UdpErrors.unknownHost(id, null, config.bindHost(), e);
                emit(failure);
                throw new SocketErrorException(failure, e);
            }
            session = bind(new InetSocketAddress(bindAddress, config.port()));
            return session.local;
        }
    }

    /**
     * Closes the socket (dropping group memberships and the connected peer), cancels queued sends, joins the
     * endpoint's threads (at most about 2 s) and emits {@link ListenerStopped}. Idempotent. The endpoint can be
     * started again; settings (broadcast, multicast options, receive limit) are kept and counters keep counting.
     */
    public void stop() {
        stop("stopped by user");
    }

    /** {@link #stop()}, after which the endpoint refuses to start or send. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        stop("closed");
    }

    public boolean isRunning() {
        return session != null;
    }

    /** The bound address (actual port), or null when not bound. */
    public InetSocketAddress localAddress() {
        Session s = session;
        return s == null ? null : s.local;
    }

    /** SO_RCVBUF as the system reports it after binding (Linux doubles the request, capped by rmem_max); 0 unbound. */
    public int effectiveReceiveBuffer() {
        Session s = session;
        return s == null ? 0 : s.effectiveReceiveBuffer;
    }

    private void stop(String reason) {
        long deadline = System.nanoTime() + STOP_TIMEOUT_NANOS;
        Session s;
        ThreadPoolExecutor executor;
        synchronized (lock) {
            s = session;
            session = null;
            executor = sender;
            sender = null;
            if (s != null) {
                s.stopping = true;
            }
            // Under the lock: a running send is interrupted before it could take the lock and bind again.
            if (executor != null) {
                cancelQueuedSends(executor);
            }
        }
        if (s != null) {
            closeSession(s, reason, deadline);
        }
        // A sink callback may call stop() on one of this endpoint's own threads; it must not wait for itself.
        boolean onOwnThread = threads.contains(Thread.currentThread());
        if (executor != null && !onOwnThread) {
            awaitTermination(executor, deadline);
        }
        joinThreads(deadline);
    }

    private void cancelQueuedSends(ThreadPoolExecutor executor) {
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof SendTask<?> task) {
                task.cancel();
            }
        }
    }

    private void closeSession(Session s, String reason, long deadline) {
        s.stopping = true;
        s.readSelector.wakeup();
        Thread receiver = s.receiver;
        if (receiver != null && receiver != Thread.currentThread()) {
            join(receiver, deadline);
        }
        closeQuietly(s.channel);
        closeQuietly(s.readSelector);
        closeQuietly(s.writeSelector);
        synchronized (lock) {
            s.memberships.clear();
        }
        emit(new ListenerStopped(Instant.now(), id, s.local, null, reason));
    }

    private void awaitTermination(ThreadPoolExecutor executor, long deadline) {
        try {
            if (!executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("UDP endpoint {}: a send did not finish within the stop timeout", id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinThreads(long deadline) {
        for (Thread thread : List.copyOf(threads)) {
            if (thread != Thread.currentThread()) {
                join(thread, deadline);
            }
        }
    }

    private static void join(Thread thread, long deadline) {
        try {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !thread.join(java.time.Duration.ofNanos(remaining))) {
                LOG.warn("Thread {} did not end within the stop timeout", thread.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Threads this endpoint started that are still alive (for tests that check nothing is left behind). */
    Set<Thread> liveThreads() {
        threads.removeIf(thread -> !thread.isAlive());
        return Set.copyOf(threads);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This UDP endpoint is closed; create a new one");
        }
    }

    // ---------------------------------------------------------------- binding

    private Session bind(InetSocketAddress requested) throws SocketErrorException {
        ProtocolFamily family = requested.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = null;
        Selector readSelector = null;
        Selector writeSelector = null;
        try {
            channel = DatagramChannel.open(family);
            // Before bind, so the queue is already large when the first datagram arrives.
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
            channel.bind(requested);
            channel.configureBlocking(false);
            readSelector = Selector.open();
            writeSelector = Selector.open();
            channel.register(readSelector, SelectionKey.OP_READ);
            channel.register(writeSelector, SelectionKey.OP_WRITE);
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            Session s = new Session(channel, family, readSelector, writeSelector, local,
                    channel.getOption(StandardSocketOptions.SO_RCVBUF));
            applyOptions(s);
            emit(new ListenerStarted(Instant.now(), id, local, null, "UDP"));
            if (s.effectiveReceiveBuffer < config.receiveBufferBytes()) {
                notice(s, null, String.format(Locale.ROOT, "Receive buffer: asked for %,d bytes, the system granted "
                                + "%,d (on Linux net.core.rmem_max caps it); a fast burst may be dropped by the kernel",
                        config.receiveBufferBytes(), s.effectiveReceiveBuffer));
            }
            Thread receiver = Thread.ofVirtual().name("udp-recv-" + local.getPort()).unstarted(() -> receiveLoop(s));
            s.receiver = receiver;
            threads.add(receiver);
            receiver.start();
            return s;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            closeQuietly(readSelector);
            closeQuietly(writeSelector);
            Failure failure = UdpErrors.bindFailure(id, requested, e);
            emit(failure);
            throw new SocketErrorException(failure, e);
        }
    }

    private void applyOptions(Session s) {
        setOption(s, StandardSocketOptions.SO_BROADCAST, broadcast, "the Broadcast option");
        setOption(s, StandardSocketOptions.IP_MULTICAST_TTL, multicastTtl, "the multicast TTL");
        setOption(s, StandardSocketOptions.IP_MULTICAST_LOOP, multicastLoopback, "multicast loopback");
        String name = multicastInterface;
        if (name != null) {
            applyMulticastInterface(s, name);
        }
    }

    private <T> void setOption(Session s, java.net.SocketOption<T> option, T value, String what) {
        try {
            s.channel.setOption(option, value);
        } catch (IOException | RuntimeException e) {
            if (!s.stopping) {
                emit(UdpErrors.failure(id, s.local, null, FailureKind.IO_ERROR,
                        "Could not set " + what + " to " + value + ": " + e.getMessage(), e));
            }
        }
    }

    private void applyMulticastInterface(Session s, String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                emit(UdpErrors.failure(id, s.local, null, FailureKind.INVALID_INPUT,
                        "The multicast interface '" + name + "' no longer exists (available: "
                                + MulticastGroups.availableNames() + ")", null));
                return;
            }
            s.channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
        } catch (IOException | RuntimeException e) {
            emit(UdpErrors.failure(id, s.local, null, FailureKind.IO_ERROR,
                    "Could not send multicast through " + name + ": " + e.getMessage(), e));
        }
    }

    /**
     * The session to send from; binds an ephemeral port when not started: loopback of the target's family when the
     * target is loopback, otherwise that family's wildcard.
     */
    private Session sessionFor(InetAddress target, String purpose) throws SocketErrorException {
        synchronized (lock) {
            Session s = session;
            if (s != null) {
                return s;
            }
            if (closed) {
                throw notSent(null, null, "Not sent: the UDP endpoint is closed");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw notSent(null, null, "Not sent: the UDP endpoint was stopped first");
            }
            InetAddress bindAddress = target instanceof Inet6Address
                    ? InetAddress.ofLiteral(target.isLoopbackAddress() ? "::1" : "::")
                    : InetAddress.ofLiteral(target.isLoopbackAddress() ? "127.0.0.1" : "0.0.0.0");
            s = bind(new InetSocketAddress(bindAddress, 0));
            session = s;
            notice(s, null, "Not started: bound " + Endpoints.describe(s.local) + " to " + purpose);
            return s;
        }
    }

    // ---------------------------------------------------------------- receiving

    private void receiveLoop(Session s) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(maxDatagramSize + 1);
        int consecutiveErrors = 0;
        while (!s.stopping) {
            try {
                s.readSelector.select();
                s.readSelector.selectedKeys().clear();
                buffer = drain(s, buffer);
                consecutiveErrors = 0;
            } catch (PortUnreachableException e) {
                // The kernel keeps the ICMP error of an earlier datagram and hands it to the next receive.
                SocketAddress peer = remoteOf(s);
                emit(UdpErrors.failure(id, s.local, (InetSocketAddress) peer, FailureKind.CONNECTION_REFUSED,
                        UdpErrors.portUnreachable((InetSocketAddress) peer), e));
            } catch (ClosedChannelException | ClosedSelectorException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (s.stopping) {
                    break;
                }
                emit(UdpErrors.failure(id, s.local, null, FailureKind.IO_ERROR,
                        "Receiving on " + Endpoints.describe(s.local) + " failed: " + e.getMessage(), e));
                if (++consecutiveErrors >= MAX_CONSECUTIVE_RECEIVE_ERRORS) {
                    abandon(s, "receiving failed repeatedly");
                    break;
                }
            }
        }
    }

    /** Reads every datagram that is queued now; returns the buffer to keep using. */
    private ByteBuffer drain(Session s, ByteBuffer buffer) throws IOException {
        while (!s.stopping) {
            int limit = maxDatagramSize;
            if (buffer.capacity() != limit + 1) {
                buffer = ByteBuffer.allocateDirect(limit + 1);
            }
            buffer.clear();
            // One byte more than the limit: the kernel silently cuts a datagram to the buffer, so a full buffer is
            // the only sign that the datagram was larger than the limit.
            SocketAddress source = s.channel.receive(buffer);
            if (source == null) {
                return buffer;
            }
            buffer.flip();
            boolean truncated = buffer.remaining() > limit;
            byte[] data = new byte[truncated ? limit : buffer.remaining()];
            buffer.get(data);
            datagramsIn.increment();
            bytesIn.add(data.length);
            if (truncated) {
                truncatedIn.increment();
            }
            emit(new BytesReceived(Instant.now(), id, s.local, source, data, 1, truncated));
        }
        return buffer;
    }

    /** The receive thread gave up: release the socket without joining itself. */
    private void abandon(Session s, String reason) {
        synchronized (lock) {
            if (session != s) {
                return;
            }
            session = null;
        }
        closeSession(s, reason, System.nanoTime() + STOP_TIMEOUT_NANOS);
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one datagram from the bound socket (so the peer sees this endpoint's port), binding an ephemeral port
     * first when not started (with a {@link Notice}). Resolves {@code host} (name, IPv4 or IPv6 literal, "[::1]")
     * off the caller's thread. Emits {@link BytesSent} once the datagram is handed to the system, or a
     * {@link Failure} and completes exceptionally with {@link SocketErrorException}: INVALID_INPUT for a bad port, a
     * broadcast address without the Broadcast option, an IPv6 target from an IPv4 socket, or a target other than the
     * connected peer; LIMIT_EXCEEDED above {@link UdpLimits#maxPayload}; UNKNOWN_HOST; and the mapped socket errors.
     * Sends (and {@link #connect}) run in call order.
     *
     * @param data copied; may be empty (an empty datagram is sent)
     */
    public CompletableFuture<Void> send(String host, int port, byte[] data) {
        Objects.requireNonNull(data, "data");
        byte[] payload = data.clone();
        return submit(host, port, () -> {
            transmit(host.strip(), port, payload);
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
     * sends.
     *
     * @return the resolved peer address
     */
    public CompletableFuture<InetSocketAddress> connect(String host, int port) {
        return submit(host, port, () -> connectTo(host.strip(), port));
    }

    /** Accepts datagrams from any address again. Does nothing when not connected. */
    public void disconnect() {
        Session s = session;
        if (s == null || !s.channel.isConnected()) {
            return;
        }
        try {
            s.channel.disconnect();
            notice(s, null, "Disconnected: datagrams from any address are received again");
        } catch (IOException e) {
            emit(UdpErrors.failure(id, s.local, null, FailureKind.IO_ERROR,
                    "Could not disconnect: " + e.getMessage(), e));
        }
    }

    public boolean isConnected() {
        Session s = session;
        return s != null && s.channel.isConnected();
    }

    /** The connected peer, or null. */
    public InetSocketAddress connectedAddress() {
        Session s = session;
        return s == null ? null : (InetSocketAddress) remoteOf(s);
    }

    private <T> CompletableFuture<T> submit(String host, int port, SendCall<T> call) {
        if (host == null || host.isBlank()) {
            return refuse("Enter the host to send to");
        }
        if (port < 1 || port > 65_535) {
            return refuse("Port " + port + " cannot be sent to: use 1 to 65535");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("This UDP endpoint is closed"));
                return result;
            }
            if (sender == null) {
                sender = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                        trackedFactory());
            }
            try {
                sender.execute(new SendTask<>(call, result));
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(notSent(null, null, "Not sent: the UDP endpoint is stopping"));
            }
        }
        return result;
    }

    private ThreadFactory trackedFactory() {
        ThreadFactory virtual = Thread.ofVirtual().factory();
        return task -> {
            Thread thread = virtual.newThread(task);
            thread.setName("udp-send-" + id + "-" + senderThreadCount.incrementAndGet());
            threads.removeIf(old -> !old.isAlive());
            threads.add(thread);
            return thread;
        };
    }

    private <T> CompletableFuture<T> refuse(String message) {
        Failure failure = UdpErrors.failure(id, localAddress(), null, FailureKind.INVALID_INPUT, message, null);
        emit(failure);
        return CompletableFuture.failedFuture(new SocketErrorException(failure, null));
    }

    private final class SendTask<T> implements Runnable {
        private final SendCall<T> call;
        private final CompletableFuture<T> result;

        SendTask(SendCall<T> call, CompletableFuture<T> result) {
            this.call = call;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                result.complete(call.run());
            } catch (SocketErrorException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                LOG.warn("Unexpected error while sending", e);
                result.completeExceptionally(e);
            }
        }

        void cancel() {
            result.completeExceptionally(notSent(null, null, "Not sent: the UDP endpoint was stopped first"));
        }
    }

    private void transmit(String host, int port, byte[] payload) throws SocketErrorException {
        InetAddress address = resolve(host);
        InetSocketAddress target = new InetSocketAddress(address, port);
        String tooLarge = UdpLimits.refusal(address, payload.length);
        if (tooLarge != null) {
            throw emitted(UdpErrors.failure(id, localAddress(), target, FailureKind.LIMIT_EXCEEDED, tooLarge, null));
        }
        if (!broadcast && BroadcastAddresses.isBroadcast(address)) {
            throw emitted(UdpErrors.failure(id, localAddress(), target, FailureKind.INVALID_INPUT,
                    UdpErrors.broadcastNeedsOption(target), null));
        }
        Session s = sessionFor(address, "send");
        checkFamily(s, target);
        SocketAddress peer = remoteOf(s);
        if (peer != null && !peer.equals(target)) {
            throw emitted(UdpErrors.failure(id, s.local, target, FailureKind.INVALID_INPUT,
                    "This endpoint is connected to " + Endpoints.describe(peer) + " and can only send there; "
                            + "disconnect first to send to " + Endpoints.describe(target), null));
        }
        write(s, target, payload);
        datagramsOut.increment();
        bytesOut.add(payload.length);
        emit(new BytesSent(Instant.now(), id, s.local, target, payload));
    }

    private InetSocketAddress connectTo(String host, int port) throws SocketErrorException {
        InetSocketAddress target = new InetSocketAddress(resolve(host), port);
        Session s = sessionFor(target.getAddress(), "connect");
        checkFamily(s, target);
        try {
            s.channel.connect(target);
        } catch (ClosedChannelException e) {
            throw notSent(s, target, "Not connected: the UDP endpoint was stopped");
        } catch (IOException e) {
            throw emitted(UdpErrors.sendFailure(id, s.local, target, broadcast, e));
        }
        notice(s, target, "Connected to " + Endpoints.describe(target) + ": only its datagrams are received, "
                + "and ICMP errors (nothing listening there) are reported");
        return target;
    }

    /** Picks the address of the socket's family when a name has several; DNS runs on the send thread. */
    private InetAddress resolve(String host) throws SocketErrorException {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (IOException e) {
            throw emitted(UdpErrors.unknownHost(id, localAddress(), host, e));
        }
        Session s = session;
        if (s == null || s.dualStack()) {
            return all[0];
        }
        Class<?> wanted = s.family == StandardProtocolFamily.INET6 ? Inet6Address.class : Inet4Address.class;
        return Arrays.stream(all).filter(wanted::isInstance).findFirst().orElse(all[0]);
    }

    private void checkFamily(Session s, InetSocketAddress target) throws SocketErrorException {
        if (s.family == StandardProtocolFamily.INET && target.getAddress() instanceof Inet6Address) {
            throw emitted(UdpErrors.failure(id, s.local, target, FailureKind.INVALID_INPUT,
                    "Cannot reach the IPv6 address " + Endpoints.describe(target) + " from a socket bound to the "
                            + "IPv4 address " + Endpoints.describe(s.local) + "; bind to :: (IPv6 and IPv4) or an "
                            + "IPv6 address", null));
        }
        if (s.family == StandardProtocolFamily.INET6 && !s.dualStack()
                && target.getAddress() instanceof Inet4Address) {
            throw emitted(UdpErrors.failure(id, s.local, target, FailureKind.INVALID_INPUT,
                    "Cannot reach the IPv4 address " + Endpoints.describe(target) + " from a socket bound to the "
                            + "IPv6 address " + Endpoints.describe(s.local) + "; bind to :: (IPv6 and IPv4) or an "
                            + "IPv4 address", null));
        }
    }

    private void write(Session s, InetSocketAddress target, byte[] payload) throws SocketErrorException {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long deadline = System.nanoTime() + SEND_STALL_TIMEOUT_NANOS;
        boolean retriedAfterIcmp = false;
        while (true) {
            try {
                if (payload.length == 0) {
                    // send() answers 0 both for "sent an empty datagram" and for "no buffer space": wait for space.
                    awaitWritable(s, target, deadline);
                    s.channel.send(buffer, target);
                    return;
                }
                if (s.channel.send(buffer, target) > 0) {
                    return;
                }
                awaitWritable(s, target, deadline);
            } catch (PortUnreachableException e) {
                // A connected socket reports an earlier datagram's ICMP error here; this datagram was not sent yet.
                emit(UdpErrors.failure(id, s.local, target, FailureKind.CONNECTION_REFUSED,
                        UdpErrors.portUnreachable(target), e));
                if (retriedAfterIcmp) {
                    throw notSent(s, target, "Not sent: " + UdpErrors.portUnreachable(target));
                }
                retriedAfterIcmp = true;
            } catch (SocketErrorException e) {
                throw e;
            } catch (ClosedChannelException | ClosedSelectorException e) {
                throw notSent(s, target, "Not sent: the UDP endpoint was stopped");
            } catch (AlreadyConnectedException | UnsupportedAddressTypeException e) {
                throw emitted(UdpErrors.failure(id, s.local, target, FailureKind.INVALID_INPUT,
                        "Cannot send to " + Endpoints.describe(target) + " from "
                                + Endpoints.describe(s.local), e));
            } catch (IOException e) {
                if (s.stopping) {
                    throw notSent(s, target, "Not sent: the UDP endpoint was stopped");
                }
                throw emitted(UdpErrors.sendFailure(id, s.local, target, broadcast, e));
            }
        }
    }

    private void awaitWritable(Session s, InetSocketAddress target, long deadline) throws IOException {
        while (true) {
            if (Thread.currentThread().isInterrupted() || s.stopping) {
                throw new ClosedChannelException();
            }
            if (s.writeSelector.selectNow() > 0) {
                s.writeSelector.selectedKeys().clear();
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw emitted(UdpErrors.failure(id, s.local, target, FailureKind.IO_ERROR,
                        "Not sent: the send buffer stayed full for 5 s", null));
            }
            s.writeSelector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
    }

    private SocketErrorException emitted(Failure failure) {
        emit(failure);
        return new SocketErrorException(failure, null);
    }

    /** A failure of the caller's request alone, not worth a timeline row (e.g. cancelled by stop). */
    private SocketErrorException notSent(Session s, InetSocketAddress target, String message) {
        return new SocketErrorException(UdpErrors.failure(id, s == null ? null : s.local, target, FailureKind.IO_ERROR,
                message, null), null);
    }

    private static SocketAddress remoteOf(Session s) {
        try {
            return s.channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- options

    /** SO_BROADCAST: needed to send to a broadcast address. Applies now and on later binds. */
    public void setBroadcast(boolean on) {
        broadcast = on;
        Session s = session;
        if (s != null) {
            setOption(s, StandardSocketOptions.SO_BROADCAST, on, "the Broadcast option");
        }
    }

    public boolean isBroadcast() {
        return broadcast;
    }

    /**
     * The largest datagram delivered whole; a larger one arrives as its first {@code bytes} bytes with
     * {@code truncated = true}. 1 to 65,535; applies from the next datagram.
     */
    public void setMaxDatagramSize(int bytes) {
        if (bytes < 1 || bytes > UdpLimits.MAX_DATAGRAM_SIZE) {
            throw new IllegalArgumentException("The receive limit must be 1 to 65,535 bytes, not " + bytes);
        }
        maxDatagramSize = bytes;
    }

    public int maxDatagramSize() {
        return maxDatagramSize;
    }

    /** IP_MULTICAST_TTL (the hop limit for IPv6), 0 to 255; 1 (the default) keeps multicast on the local link. */
    public void setMulticastTtl(int ttl) {
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("The multicast TTL must be 0 to 255, not " + ttl);
        }
        multicastTtl = ttl;
        Session s = session;
        if (s != null) {
            setOption(s, StandardSocketOptions.IP_MULTICAST_TTL, ttl, "the multicast TTL");
        }
    }

    public int multicastTtl() {
        return multicastTtl;
    }

    /**
     * IP_MULTICAST_LOOP: whether this host's own members receive what this socket sends to a group. It has no effect
     * when the group is sent through loopback (lo), where the datagram itself comes back in.
     */
    public void setMulticastLoopback(boolean on) {
        multicastLoopback = on;
        Session s = session;
        if (s != null) {
            setOption(s, StandardSocketOptions.IP_MULTICAST_LOOP, on, "multicast loopback");
        }
    }

    public boolean multicastLoopback() {
        return multicastLoopback;
    }

    /**
     * IP_MULTICAST_IF: the interface multicast is sent through, and the default for {@link #joinGroup}. Null or
     * blank returns to the system's choice from the next start (a bound socket cannot unset it).
     *
     * @throws IllegalArgumentException when no interface has that name
     */
    public void setMulticastInterface(String interfaceName) {
        if (interfaceName == null || interfaceName.isBlank()) {
            boolean wasSet = multicastInterface != null;
            multicastInterface = null;
            Session s = session;
            if (wasSet && s != null) {
                notice(s, null, "Multicast interface: back to the system's choice after the next start");
            }
            return;
        }
        String name;
        try {
            name = MulticastGroups.interfaceNamed(interfaceName).getName();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot look up network interface '" + interfaceName + "': "
                    + e.getMessage(), e);
        }
        multicastInterface = name;
        Session s = session;
        if (s != null) {
            applyMulticastInterface(s, name);
        }
    }

    /** The configured multicast interface name, or null for the system's choice. */
    public String multicastInterface() {
        return multicastInterface;
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
     * @throws IllegalArgumentException not a multicast literal, an IPv6 group on an IPv4 socket, unknown interface
     * @throws IllegalStateException    not bound
     * @throws SocketErrorException             the system refused (after emitting the Failure)
     */
    public void joinGroup(String group, String interfaceName) throws SocketErrorException {
        InetAddress address = MulticastGroups.parseGroup(group);
        synchronized (lock) {
            Session s = requireSession("join a multicast group");
            if (s.family == StandardProtocolFamily.INET && address instanceof Inet6Address) {
                throw new IllegalArgumentException(Endpoints.addressText(address) + " is an IPv6 group, but this endpoint "
                        + "is bound to the IPv4 address " + Endpoints.describe(s.local)
                        + "; bind to :: to join IPv6 groups");
            }
            NetworkInterface nif = chooseInterface(s, address, interfaceName);
            MulticastMembership membership = new MulticastMembership(address, nif.getName());
            if (s.memberships.containsKey(membership)) {
                return;
            }
            try {
                s.memberships.put(membership, s.channel.join(address, nif));
            } catch (IOException | RuntimeException e) {
                throw emitted(UdpErrors.failure(id, s.local, null, FailureKind.IO_ERROR,
                        "Could not join multicast group " + membership + ": " + e.getMessage(), e));
            }
            notice(s, null, "Joined multicast group " + membership + joinWarnings(s, address, nif));
        }
    }

    /**
     * Leaves a group on one interface, or on every interface it was joined on when {@code interfaceName} is null.
     *
     * @throws IllegalArgumentException not a multicast literal, or not a member
     */
    public void leaveGroup(String group, String interfaceName) {
        InetAddress address = MulticastGroups.parseGroup(group);
        String name = interfaceName == null || interfaceName.isBlank() ? null : interfaceName.strip();
        synchronized (lock) {
            Session s = session;
            List<MulticastMembership> matching = new ArrayList<>();
            if (s != null) {
                for (MulticastMembership membership : s.memberships.keySet()) {
                    if (membership.group().equals(address)
                            && (name == null || membership.interfaceName().equals(name))) {
                        matching.add(membership);
                    }
                }
            }
            if (matching.isEmpty()) {
                throw new IllegalArgumentException("Not a member of " + Endpoints.addressText(address)
                        + (name == null ? "" : " on " + name));
            }
            for (MulticastMembership membership : matching) {
                s.memberships.remove(membership).drop();
                notice(s, null, "Left multicast group " + membership);
            }
        }
    }

    /** Current memberships in join order; empty when not bound (closing the socket leaves every group). */
    public List<MulticastMembership> joinedGroups() {
        synchronized (lock) {
            Session s = session;
            return s == null ? List.of() : List.copyOf(s.memberships.keySet());
        }
    }

    private Session requireSession(String action) {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("Start the UDP endpoint before you " + action);
        }
        return s;
    }

    private NetworkInterface chooseInterface(Session s, InetAddress group, String interfaceName) {
        String name = interfaceName == null || interfaceName.isBlank() ? multicastInterface : interfaceName;
        try {
            return name != null ? MulticastGroups.interfaceNamed(name) : MulticastGroups.defaultInterface(group);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list network interfaces to join " + Endpoints.addressText(group)
                    + " on " + Endpoints.describe(s.local) + ": " + e.getMessage(), e);
        }
    }

    private static String joinWarnings(Session s, InetAddress group, NetworkInterface nif) {
        StringBuilder warnings = new StringBuilder();
        InetAddress bound = s.local.getAddress();
        if (!bound.isAnyLocalAddress() && !bound.equals(group)) {
            warnings.append("; note: the socket is bound to ").append(Endpoints.addressText(bound))
                    .append(", so the system will not deliver datagrams addressed to the group here; bind to ")
                    .append(s.family == StandardProtocolFamily.INET6 ? "::" : "0.0.0.0").append(" to receive them");
        }
        try {
            if (!nif.supportsMulticast()) {
                warnings.append("; note: ").append(nif.getName()).append(" is not flagged as multicast-capable, so "
                        + "group datagrams may not arrive");
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the flags of {}", nif.getName(), e);
        }
        return warnings.toString();
    }

    // ---------------------------------------------------------------- counters

    public long datagramsIn() {
        return datagramsIn.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long datagramsOut() {
        return datagramsOut.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Datagrams that arrived larger than {@link #maxDatagramSize()} and were delivered cut. */
    public long truncatedDatagrams() {
        return truncatedIn.sum();
    }

    /**
     * Datagrams the kernel dropped for this socket's port because its receive queue was full (Linux
     * /proc/net/udp "drops"); empty when not bound or not on Linux.
     */
    public OptionalLong kernelDrops() {
        Session s = session;
        return s == null ? OptionalLong.empty() : UdpKernelStats.socketDrops(s.local.getPort());
    }

    // ---------------------------------------------------------------- helpers

    /** A misbehaving sink must not kill the receive or send thread. */
    private void emit(NetEvent event) {
        try {
            sink.emit(event);
        } catch (RuntimeException e) {
            // A broken sink fails on every datagram; one stack trace says it, the rest would flood the log.
            if (sinkFailures.getAndIncrement() == 0) {
                LOG.warn("The event sink failed on {} (further failures are logged at debug level)",
                        event.getClass().getSimpleName(), e);
            } else {
                LOG.debug("The event sink failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private void notice(Session s, SocketAddress remote, String message) {
        emit(new Notice(Instant.now(), id, s.local, remote, message));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Ignoring a close failure", e);
        }
    }

    @Override
    public String toString() {
        Session s = session;
        return "UdpEndpoint[" + id + (s == null ? ", not bound" : ", " + Endpoints.describe(s.local)) + "]";
    }
}
