package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.text.DurationText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The sending side of a {@link UdpEndpoint}: sends, connects and the name resolution they need run in call order on
 * one virtual thread {@code udp-send-<id>-<n>}, which ends after a second without work, so callers never wait for
 * the network. A send that finds the endpoint unbound has it bind a free port first ({@link Sessions#forSending}).
 */
final class UdpSender {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSender.class);
    private static final long STALL_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** What the sender needs of its endpoint. */
    interface Sessions {
        /** The bound socket, or null. */
        UdpSession current();

        /** The bound socket, bound now for {@code purpose} when there is none. */
        UdpSession forSending(InetAddress target, String purpose) throws SocketErrorException;
    }

    @FunctionalInterface
    interface SendCall<T> {
        T run() throws SocketErrorException;
    }

    private final UdpEvents events;
    private final EngineThreads threads;
    private final UdpCounters counters;
    private final UdpSettings settings;
    private final Sessions sessions;
    private final int maxQueued;
    private final long maxQueuedBytes;
    private ThreadPoolExecutor executor;
    /** Calls waiting behind the running one, and their payload bytes; guarded by {@code this}. */
    private int queued;
    private long queuedBytes;

    UdpSender(UdpEvents events, EngineThreads threads, UdpCounters counters, UdpSettings settings,
              Sessions sessions, int maxQueued, long maxQueuedBytes) {
        this.events = events;
        this.threads = threads;
        this.counters = counters;
        this.settings = settings;
        this.sessions = sessions;
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * Queues {@code call} (carrying {@code bytes} of payload) behind earlier sends and connects; the endpoint holds
     * its lock. Refused, with one LIMIT_EXCEEDED Failure whose message starts with {@code what}, when the queue
     * already holds {@code maxQueued} calls or the payload would take it past {@code maxQueuedBytes}: the queue holds
     * copies of the payloads, and a send thread that waits (a slow name look-up, a full send buffer) must not let
     * them pile up.
     */
    <T> CompletableFuture<T> submit(int bytes, Operation operation, String what, SendCall<T> call) {
        if (!reserve(bytes)) {
            return CompletableFuture.failedFuture(events.refused(localAddress(), null, operation,
                    FailureKind.LIMIT_EXCEEDED, queueFull(what)));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        if (executor == null) {
            executor = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    threads.factory("udp-send-" + events.id + "-"));
        }
        try {
            executor.execute(new SendTask<>(call, result, bytes));
        } catch (RejectedExecutionException e) {
            release(bytes);
            result.completeExceptionally(cancelled(UdpText.TEXT.get("stopping")));
        }
        return result;
    }

    private synchronized boolean reserve(int bytes) {
        if (queued >= maxQueued || queuedBytes + bytes > maxQueuedBytes) {
            return false;
        }
        queued++;
        queuedBytes += bytes;
        return true;
    }

    private synchronized void release(int bytes) {
        queued--;
        queuedBytes -= bytes;
    }

    private synchronized String queueFull(String what) {
        return UdpText.TEXT.get("queue.full", what, count(queued), count(queuedBytes), count(maxQueued),
                count(maxQueuedBytes));
    }

    /** "1,234": counts in messages the way the app writes them. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Calls waiting behind the running one. */
    synchronized int queued() {
        return queued;
    }

    /** Payload bytes of the calls waiting behind the running one. */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /**
     * Cancels every queued send and interrupts the running one; the endpoint holds its lock, so the running one
     * cannot bind a new socket after the stop. The thread then ends on its own.
     *
     * @return the queued calls that were cancelled before they ran
     */
    int cancelAll() {
        if (executor == null) {
            return 0;
        }
        int cancelled = 0;
        for (Runnable waiting : executor.shutdownNow()) {
            if (waiting instanceof SendTask<?> task) {
                task.cancel();
                cancelled++;
            }
        }
        executor = null;
        return cancelled;
    }

    private final class SendTask<T> implements Runnable {
        private final SendCall<T> call;
        private final CompletableFuture<T> result;
        private final int bytes;

        SendTask(SendCall<T> call, CompletableFuture<T> result, int bytes) {
            this.call = call;
            this.result = result;
            this.bytes = bytes;
        }

        @Override
        public void run() {
            // Out of the queue: the payload now counts as the one being sent.
            release(bytes);
            try {
                result.complete(call.run());
            } catch (SocketErrorException | CancellationException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                LOG.warn("Unexpected error while sending", e);
                result.completeExceptionally(events.emitted(UdpErrors.failure(events.id, null, null, Operation.SEND,
                        FailureKind.IO_ERROR, UdpText.TEXT.get("unexpected", e), e)));
            }
        }

        void cancel() {
            release(bytes);
            result.completeExceptionally(cancelled(UdpText.TEXT.get("stopped.first")));
        }
    }

    void transmit(String host, int port, byte[] payload) throws SocketErrorException {
        InetAddress address = resolve(host, Operation.SEND);
        InetSocketAddress target = new InetSocketAddress(address, port);
        refuseAbove(target, payload.length);
        if (!settings.broadcast() && BroadcastAddresses.isBroadcast(address)) {
            throw events.refused(localAddress(), target, Operation.SEND, FailureKind.INVALID_INPUT,
                    UdpErrors.broadcastNeedsOption(target));
        }
        UdpSession s = sessions.forSending(address, "send");
        checkFamily(s, target, Operation.SEND);
        SocketAddress peer = s.remote();
        if (peer != null && !peer.equals(target)) {
            throw events.refused(s.local, target, Operation.SEND, FailureKind.INVALID_INPUT,
                    UdpText.TEXT.get("connected.elsewhere", Endpoints.describe(peer), Endpoints.describe(target)));
        }
        write(s, target, payload);
        counters.sent(payload.length);
        events.emit(new BytesSent(Instant.now(), events.id, s.local, target, payload));
    }

    /** Refuses a payload of {@code length} bytes, more than any datagram carries, for the target's family. */
    void refuseTooLarge(String host, int port, int length) throws SocketErrorException {
        refuseAbove(new InetSocketAddress(resolve(host, Operation.SEND), port), length);
        throw new IllegalStateException(length + " bytes fit in a datagram");
    }

    private void refuseAbove(InetSocketAddress target, int length) throws SocketErrorException {
        String tooLarge = UdpLimits.refusal(target.getAddress(), length);
        if (tooLarge != null) {
            throw events.refused(localAddress(), target, Operation.SEND, FailureKind.LIMIT_EXCEEDED, tooLarge);
        }
    }

    InetSocketAddress connectTo(String host, int port) throws SocketErrorException {
        InetSocketAddress target = new InetSocketAddress(resolve(host, Operation.CONNECT), port);
        UdpSession s = sessions.forSending(target.getAddress(), "connect");
        checkFamily(s, target, Operation.CONNECT);
        try {
            s.channel.connect(target);
        } catch (ClosedChannelException e) {
            throw cancelled(UdpText.TEXT.get("connect.stopped"));
        } catch (IOException e) {
            throw events.emitted(UdpErrors.sendFailure(events.id, s.local, target, Operation.CONNECT,
                    settings.broadcast(), e));
        }
        events.notice(s.local, target, UdpText.TEXT.get("connected.notice", Endpoints.describe(target)));
        return target;
    }

    /** Picks the address of the socket's family when a name has several; DNS runs on the send thread. */
    private InetAddress resolve(String host, Operation operation) throws SocketErrorException {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (IOException e) {
            throw events.emitted(UdpErrors.unknownHost(events.id, localAddress(), host, operation, e));
        }
        UdpSession s = sessions.current();
        if (s == null || s.dualStack()) {
            return all[0];
        }
        Class<?> wanted = s.family == StandardProtocolFamily.INET6 ? Inet6Address.class : Inet4Address.class;
        return Arrays.stream(all).filter(wanted::isInstance).findFirst().orElse(all[0]);
    }

    private void checkFamily(UdpSession s, InetSocketAddress target, Operation operation)
            throws SocketErrorException {
        if (s.family == StandardProtocolFamily.INET && target.getAddress() instanceof Inet6Address) {
            throw events.refused(s.local, target, operation, FailureKind.INVALID_INPUT,
                    UdpText.TEXT.get("family.v6.from.v4", Endpoints.describe(target), Endpoints.describe(s.local)));
        }
        if (s.family == StandardProtocolFamily.INET6 && !s.dualStack()
                && target.getAddress() instanceof Inet4Address) {
            throw events.refused(s.local, target, operation, FailureKind.INVALID_INPUT,
                    UdpText.TEXT.get("family.v4.from.v6", Endpoints.describe(target), Endpoints.describe(s.local)));
        }
    }

    private void write(UdpSession s, InetSocketAddress target, byte[] payload) throws SocketErrorException {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long deadline = System.nanoTime() + STALL_TIMEOUT_NANOS;
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
                // The first is that earlier datagram's report; a second one fails this send.
                Failure icmp = UdpErrors.failure(events.id, s.local, target, Operation.SEND,
                        FailureKind.CONNECTION_REFUSED, retriedAfterIcmp
                                ? UdpText.TEXT.get("not.sent.prefix", UdpErrors.portUnreachable(target))
                                : UdpErrors.portUnreachable(target), e);
                if (retriedAfterIcmp) {
                    throw events.emitted(icmp);
                }
                events.emit(icmp);
                retriedAfterIcmp = true;
            } catch (SocketErrorException e) {
                throw e;
            } catch (ClosedChannelException | ClosedSelectorException e) {
                throw cancelled(UdpText.TEXT.get("stopped"));
            } catch (AlreadyConnectedException | UnsupportedAddressTypeException e) {
                throw events.emitted(UdpErrors.failure(events.id, s.local, target, Operation.SEND,
                        FailureKind.INVALID_INPUT, UdpText.TEXT.get("cannot.send.from", Endpoints.describe(target),
                                Endpoints.describe(s.local)), e));
            } catch (IOException e) {
                if (s.stopping) {
                    throw cancelled(UdpText.TEXT.get("stopped"));
                }
                throw events.emitted(UdpErrors.sendFailure(events.id, s.local, target, Operation.SEND,
                        settings.broadcast(), e));
            }
        }
    }

    private void awaitWritable(UdpSession s, InetSocketAddress target, long deadline) throws IOException {
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
                throw events.emitted(UdpErrors.failure(events.id, s.local, target, Operation.SEND, FailureKind.IO_ERROR,
                        UdpText.TEXT.get("buffer.stalled", DurationText.ofNanos(STALL_TIMEOUT_NANOS)), null));

            }
            s.writeSelector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
    }

    /** A send the endpoint's own stop or close ended: no Failure, ListenerStopped says what happened. */
    static CancellationException cancelled(String message) {
        return new CancellationException(message);
    }

    private InetSocketAddress localAddress() {
        UdpSession s = sessions.current();
        return s == null ? null : s.local;
    }
}
