package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.NetEvent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns engine events into the IP packets a capture shows, in the order given.
 *
 * <p>TCP: ConnectionOpened (we are the client) or ConnectionAccepted (the peer is) gives a three-way handshake;
 * each data event gives segments from its sender ({@link TcpFlow}); ConnectionClosed gives a FIN exchange or a RST
 * ({@link TcpEnding}). A connection whose opening is not among the events (the export starts mid-connection, or the
 * rows were trimmed) gets its handshake synthesized at its first row, with a packet comment saying so. Who was the
 * client is then guessed: the side whose port a ListenerStarted among the events listened on is the server,
 * otherwise the side with the lower port. Connections are told apart by connection id and both addresses, so a
 * client that reconnects is a new connection.
 *
 * <p>UDP: each data event is one datagram from its sender. Unix domain socket rows and rows that are not traffic
 * are left out and counted ({@link SkipReason}). Packets take the event's time, to the microsecond.
 */
final class PacketSynthesizer {
    static final String LATE_HANDSHAKE = "Socket Workbench: handshake synthesized, the capture starts after this"
            + " connection opened";
    static final String RESUMED_HANDSHAKE = "Socket Workbench: handshake synthesized, this connection continues"
            + " from the previous file";
    private static final long SEED = 0x5357_4243_4150L;

    private record FlowKey(long connectionId, IpEndpoints ends) {
    }

    private final CaptureTransport transport;
    private final Map<FlowKey, TcpFlow> flows = new LinkedHashMap<>();
    private final Set<Integer> listeningPorts = new HashSet<>();
    private final SplittableRandom sequenceNumbers = new SplittableRandom(SEED);
    private int datagramIds;

    PacketSynthesizer(CaptureTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Writes the packets of {@code event} to {@code out}; returns null, or why the event has none. */
    SkipReason add(NetEvent event, PacketOut out) throws IOException {
        if (event instanceof ListenerStarted started && started.local() instanceof InetSocketAddress local) {
            listeningPorts.add(local.getPort());
        }
        boolean traffic = event instanceof DataEvent || (transport == CaptureTransport.TCP
                && (event instanceof ConnectionOpened || event instanceof ConnectionAccepted
                || event instanceof ConnectionClosed));
        if (!traffic) {
            return SkipReason.NO_PACKET;
        }
        IpEndpoints ends = IpEndpoints.of(event.local(), event.remote());
        if (ends == null) {
            return IpEndpoints.whyNot(event.local(), event.remote());
        }
        long micros = micros(event.time());
        if (transport == CaptureTransport.UDP) {
            return datagram((DataEvent) event, ends, micros, out);
        }
        FlowKey key = new FlowKey(event.connectionId(), ends);
        switch (event) {
            case ConnectionOpened opened -> start(key, micros, true, null, out);
            case ConnectionAccepted accepted -> start(key, micros, false, null, out);
            case DataEvent data -> {
                if (data.data().length == 0) {
                    return SkipReason.NO_BYTES;
                }
                flow(key, micros, out).data(out, micros, !data.incoming(), data.data(), null);
            }
            case ConnectionClosed closed -> {
                flow(key, micros, out).close(out, micros, TcpEnding.of(closed.reason(), closed.detail()), null);
                flows.remove(key);
            }
            default -> throw new IllegalStateException("Not a TCP traffic event: " + event);
        }
        return null;
    }

    /** Writes the handshake again for every open connection, for a file that continues the capture. */
    void resumeOpenConnections(long micros, PacketOut out) throws IOException {
        for (TcpFlow flow : flows.values()) {
            flow.handshake(out, micros, RESUMED_HANDSHAKE);
        }
    }

    /** Connections opened and not closed yet. */
    int openConnections() {
        return flows.size();
    }

    /** Microseconds since the epoch, the resolution of the capture (nanoseconds are cut, not rounded). */
    static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    private TcpFlow flow(FlowKey key, long micros, PacketOut out) throws IOException {
        TcpFlow flow = flows.get(key);
        if (flow != null && flow.isOpen()) {
            return flow;
        }
        return start(key, micros, guessLocalIsClient(key.ends()), LATE_HANDSHAKE, out);
    }

    private TcpFlow start(FlowKey key, long micros, boolean localClient, String comment, PacketOut out)
            throws IOException {
        TcpFlow flow = new TcpFlow(key.ends(), localClient, isn(), isn());
        flows.put(key, flow);
        flow.handshake(out, micros, comment);
        return flow;
    }

    private boolean guessLocalIsClient(IpEndpoints ends) {
        if (listeningPorts.contains(ends.localPort())) {
            return false;
        }
        if (listeningPorts.contains(ends.remotePort())) {
            return true;
        }
        return ends.remotePort() <= ends.localPort();
    }

    private long isn() {
        return sequenceNumbers.nextLong(1L << 32);
    }

    private SkipReason datagram(DataEvent event, IpEndpoints ends, long micros, PacketOut out) throws IOException {
        byte[] data = event.data();
        if (UdpDatagrams.HEADER + data.length > IpPackets.maxTransportLength(ends.localIp())) {
            return SkipReason.TOO_LARGE;
        }
        byte[] headers = event.incoming()
                ? UdpDatagrams.headers(ends.remoteIp(), ends.remotePort(), ends.localIp(), ends.localPort(), data,
                        datagramIds++, out.sumsPayload())
                : UdpDatagrams.headers(ends.localIp(), ends.localPort(), ends.remoteIp(), ends.remotePort(), data,
                        datagramIds++, out.sumsPayload());
        out.packet(micros, headers, data, 0, data.length, event.truncated() ? UdpDatagrams.TRUNCATED : null);
        return null;
    }
}
