package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The UDP side of a relay: one socket receives from every client; each client address gets a pair with its own
 * socket toward the target, whose replies go back to that client from the relay's socket. A pair with no
 * datagram either way for {@link RelayConfig#udpPairIdle()}, and nothing held or delayed, ends (checked by an idle
 * thread).
 */
final class UdpRelay {
    /** Large enough for any UDP datagram (65,507 bytes of payload over IPv4). */
    static final int DATAGRAM_BUFFER_BYTES = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(UdpRelay.class);
    private static final Duration MAX_IDLE_CHECK = Duration.ofSeconds(1);
    private static final Duration MIN_IDLE_CHECK = Duration.ofMillis(10);

    private final Relay relay;
    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final Map<SocketAddress, UdpPair> byClient = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();

    private UdpRelay(Relay relay, DatagramChannel channel) throws IOException {
        this.relay = relay;
        this.channel = channel;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
    }

    static UdpRelay bind(Relay relay, InetSocketAddress requested) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(requested);
            return new UdpRelay(relay, channel);
        } catch (IOException | RuntimeException e) {
            RelaySocket.closeQuietly(channel);
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    DatagramChannel channel() {
        return channel;
    }

    void start() {
        relay.threads().start("relay-udp-" + localAddress.getPort(), this::receiveLoop);
        relay.threads().start("relay-udp-" + localAddress.getPort() + "-idle", this::idleLoop);
    }

    void stop() {
        RelaySocket.closeQuietly(channel);
        lock.lock();
        try {
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
        for (UdpPair pair : List.copyOf(byClient.values())) {
            pair.stop();
        }
    }

    void forget(UdpPair pair) {
        byClient.remove(pair.clientAddress(), pair);
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(DATAGRAM_BUFFER_BYTES);
        while (!relay.isClosed()) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (relay.isClosed()) {
                    return;
                }
                // Some systems report an ICMP error for an earlier send here; the socket itself is fine.
                LOG.debug("Relay on {}: receive failed", localAddress, e);
                continue;
            }
            buffer.flip();
            UdpPair pair = byClient.get(from);
            if (pair == null) {
                pair = open(from);
                if (pair == null) {
                    continue;
                }
            }
            pair.fromClient(buffer);
        }
    }

    /** A new client: its own socket connected to the target; null (a Failure emitted) when that fails. */
    private UdpPair open(SocketAddress client) {
        RelayConfig config = relay.config();
        long id = relay.nextPairId();
        InetSocketAddress target = new InetSocketAddress(config.targetHost(), config.targetPort());
        relay.sink().emit(new ConnectionAccepted(Instant.now(), id, localAddress, client));
        DatagramChannel upstream = null;
        try {
            if (target.isUnresolved()) {
                throw new UnknownHostException(config.targetHost());
            }
            upstream = openUpstream(target);
        } catch (IOException | RuntimeException e) {
            RelaySocket.closeQuietly(upstream);
            Failure failure = SocketErrors.toFailure(e, Operation.CONNECT, id, localAddress, target);
            relay.sink().emit(failure);
            UdpPair.reportFailedOpen(relay, id, localAddress, client, target);
            return null;
        }
        UdpPair pair = new UdpPair(id, relay, this, client, upstream, target);
        byClient.put(client, pair);
        relay.pairStarted(pair);
        pair.start();
        if (relay.isClosed()) {
            pair.stop();
        }
        return pair;
    }

    /**
     * The pair's own socket toward the target. Not connected: the JDK sends nothing for an empty buffer written to a
     * connected DatagramChannel (send() on a connected channel takes the same path), and an empty datagram is a
     * message like any other. It is bound to the address a connect would have chosen (a throw-away connected socket
     * asks the routing table; connecting sends nothing), so the source address stays what it was; replies are
     * filtered by sender as a connect would. The price: ICMP errors (port unreachable) are reported only to connected
     * sockets, so the relay no longer hears of them.
     */
    private static DatagramChannel openUpstream(InetSocketAddress target) throws IOException {
        InetAddress source;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.connect(target);
            source = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
        }
        DatagramChannel upstream = DatagramChannel.open();
        try {
            upstream.bind(new InetSocketAddress(source, 0));
            return upstream;
        } catch (IOException | RuntimeException e) {
            RelaySocket.closeQuietly(upstream);
            throw e;
        }
    }

    private void idleLoop() {
        Duration idle = relay.config().udpPairIdle();
        long checkNanos = Math.clamp(idle.toNanos() / 4, MIN_IDLE_CHECK.toNanos(), MAX_IDLE_CHECK.toNanos());
        while (!relay.isClosed()) {
            lock.lock();
            try {
                if (relay.isClosed()) {
                    return;
                }
                stopped.await(checkNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            long now = System.nanoTime();
            for (UdpPair pair : List.copyOf(byClient.values())) {
                if (pair.idleNanos(now) >= idle.toNanos()) {
                    pair.idledOut(idle);
                }
            }
        }
    }
}
