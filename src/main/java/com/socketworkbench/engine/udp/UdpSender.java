package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
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
    private ThreadPoolExecutor executor;

    UdpSender(UdpEvents events, EngineThreads threads, UdpCounters counters, UdpSettings settings,
              Sessions sessions) {
        this.events = events;
        this.threads = threads;
        this.counters = counters;
        this.settings = settings;
        this.sessions = sessions;
    }

    /** Queues {@code call} behind earlier sends and connects; the endpoint holds its lock. */
    <T> CompletableFuture<T> submit(SendCall<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (executor == null) {
            executor = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    threads.factory("udp-send-" + events.id + "-"));
        }
        try {
            executor.execute(new SendTask<>(call, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(notSent(null, null, "Not sent: the UDP endpoint is stopping"));
        }
        return result;
    }

    /**
     * Fails every queued send and interrupts the running one; the endpoint holds its lock, so the running one cannot
     * bind a new socket after the stop. The thread then ends on its own.
     */
    void cancelAll() {
        if (executor == null) {
            return;
        }
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof SendTask<?> task) {
                task.cancel();
            }
        }
        executor = null;
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

    void transmit(String host, int port, byte[] payload) throws SocketErrorException {
        InetAddress address = resolve(host);
        InetSocketAddress target = new InetSocketAddress(address, port);
        String tooLarge = UdpLimits.refusal(address, payload.length);
        if (tooLarge != null) {
            throw events.emitted(UdpErrors.failure(events.id, localAddress(), target, FailureKind.LIMIT_EXCEEDED,
                    tooLarge, null));
        }
        if (!settings.broadcast() && BroadcastAddresses.isBroadcast(address)) {
            throw events.emitted(UdpErrors.failure(events.id, localAddress(), target, FailureKind.INVALID_INPUT,
                    UdpErrors.broadcastNeedsOption(target), null));
        }
        UdpSession s = sessions.forSending(address, "send");
        checkFamily(s, target);
        SocketAddress peer = s.remote();
        if (peer != null && !peer.equals(target)) {
            throw events.emitted(UdpErrors.failure(events.id, s.local, target, FailureKind.INVALID_INPUT,
                    "This endpoint is connected to " + Endpoints.describe(peer) + " and can only send there; "
                            + "disconnect first to send to " + Endpoints.describe(target), null));
        }
        write(s, target, payload);
        counters.sent(payload.length);
        events.emit(new BytesSent(Instant.now(), events.id, s.local, target, payload));
    }

    InetSocketAddress connectTo(String host, int port) throws SocketErrorException {
        InetSocketAddress target = new InetSocketAddress(resolve(host), port);
        UdpSession s = sessions.forSending(target.getAddress(), "connect");
        checkFamily(s, target);
        try {
            s.channel.connect(target);
        } catch (ClosedChannelException e) {
            throw notSent(s, target, "Not connected: the UDP endpoint was stopped");
        } catch (IOException e) {
            throw events.emitted(UdpErrors.sendFailure(events.id, s.local, target, settings.broadcast(), e));
        }
        events.notice(s.local, target, "Connected to " + Endpoints.describe(target) + ": only its datagrams are "
                + "received, and ICMP errors (nothing listening there) are reported");
        return target;
    }

    /** Picks the address of the socket's family when a name has several; DNS runs on the send thread. */
    private InetAddress resolve(String host) throws SocketErrorException {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (IOException e) {
            throw events.emitted(UdpErrors.unknownHost(events.id, localAddress(), host, e));
        }
        UdpSession s = sessions.current();
        if (s == null || s.dualStack()) {
            return all[0];
        }
        Class<?> wanted = s.family == StandardProtocolFamily.INET6 ? Inet6Address.class : Inet4Address.class;
        return Arrays.stream(all).filter(wanted::isInstance).findFirst().orElse(all[0]);
    }

    private void checkFamily(UdpSession s, InetSocketAddress target) throws SocketErrorException {
        if (s.family == StandardProtocolFamily.INET && target.getAddress() instanceof Inet6Address) {
            throw events.emitted(UdpErrors.failure(events.id, s.local, target, FailureKind.INVALID_INPUT,
                    "Cannot reach the IPv6 address " + Endpoints.describe(target) + " from a socket bound to the "
                            + "IPv4 address " + Endpoints.describe(s.local) + "; bind to :: (IPv6 and IPv4) or an "
                            + "IPv6 address", null));
        }
        if (s.family == StandardProtocolFamily.INET6 && !s.dualStack()
                && target.getAddress() instanceof Inet4Address) {
            throw events.emitted(UdpErrors.failure(events.id, s.local, target, FailureKind.INVALID_INPUT,
                    "Cannot reach the IPv4 address " + Endpoints.describe(target) + " from a socket bound to the "
                            + "IPv6 address " + Endpoints.describe(s.local) + "; bind to :: (IPv6 and IPv4) or an "
                            + "IPv4 address", null));
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
                events.emit(UdpErrors.failure(events.id, s.local, target, FailureKind.CONNECTION_REFUSED,
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
                throw events.emitted(UdpErrors.failure(events.id, s.local, target, FailureKind.INVALID_INPUT,
                        "Cannot send to " + Endpoints.describe(target) + " from "
                                + Endpoints.describe(s.local), e));
            } catch (IOException e) {
                if (s.stopping) {
                    throw notSent(s, target, "Not sent: the UDP endpoint was stopped");
                }
                throw events.emitted(UdpErrors.sendFailure(events.id, s.local, target, settings.broadcast(), e));
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
                throw events.emitted(UdpErrors.failure(events.id, s.local, target, FailureKind.IO_ERROR,
                        "Not sent: the send buffer stayed full for "
                                + DurationText.ofNanos(STALL_TIMEOUT_NANOS), null));
            }
            s.writeSelector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
    }

    /** A failure of the caller's request alone, not worth a timeline row (e.g. cancelled by stop). */
    SocketErrorException notSent(UdpSession s, InetSocketAddress target, String message) {
        Failure failure = UdpErrors.failure(events.id, s == null ? null : s.local, target, FailureKind.IO_ERROR,
                message, null);
        return new SocketErrorException(failure, null);
    }

    private InetSocketAddress localAddress() {
        UdpSession s = sessions.current();
        return s == null ? null : s.local;
    }
}
