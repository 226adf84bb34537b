package com.socketworkbench.engine.capture;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rebuilds TCP connections from decoded packets the way "Follow TCP stream" does, for the tests: a SYN starts a
 * connection (a SYN/ACK must answer it and an ACK complete it); each direction's bytes are placed by sequence number
 * relative to its SYN and joined, failing on a gap or an overlap; every ACK must acknowledge exactly what the other
 * side has sent so far; FIN and RST end it. A SYN on a connection still open that continues its sequence numbers
 * (the next file of a recording) is accepted as a resumption.
 */
final class TcpStreams {

    /** One direction of a connection. */
    static final class Direction {
        final InetSocketAddress from;
        final InetSocketAddress to;
        boolean started;
        long base;
        long nextSeq;
        final TreeMap<Long, byte[]> segments = new TreeMap<>();
        boolean fin;
        boolean rst;
        boolean pushSeen;

        Direction(InetSocketAddress from, InetSocketAddress to) {
            this.from = from;
            this.to = to;
        }

        /** The bytes in sequence order; fails on a gap or an overlap. */
        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long expected = 0;
            for (Map.Entry<Long, byte[]> segment : segments.entrySet()) {
                if (segment.getKey() != expected) {
                    throw new AssertionError("gap or overlap in " + from + " -> " + to + " at offset " + expected
                            + " (segment at " + segment.getKey() + ")");
                }
                out.writeBytes(segment.getValue());
                expected += segment.getValue().length;
            }
            return out.toByteArray();
        }
    }

    /** A connection: the client's direction (sent the SYN) and the server's. */
    static final class Connection {
        final Direction client;
        final Direction server;
        int handshakes;
        boolean established;
        boolean closed;

        Connection(InetSocketAddress client, InetSocketAddress server) {
            this.client = new Direction(client, server);
            this.server = new Direction(server, client);
        }

        Direction from(InetSocketAddress source) {
            return client.from.equals(source) ? client : server;
        }

        Direction other(Direction direction) {
            return direction == client ? server : client;
        }

        boolean involves(InetSocketAddress a, InetSocketAddress b) {
            return Set.of(client.from, client.to).equals(Set.of(a, b));
        }
    }

    private final List<Connection> connections = new ArrayList<>();

    static List<Connection> rebuild(List<DecodedPacket> packets) {
        TcpStreams streams = new TcpStreams();
        for (DecodedPacket packet : packets) {
            if (packet.protocol() == 6) {
                streams.add(packet);
            }
        }
        return streams.connections;
    }

    private void add(DecodedPacket p) {
        Connection connection = current(p.source(), p.destination());
        boolean syn = p.has(DecodedPacket.SYN);
        if (syn && !p.has(DecodedPacket.ACK)) {
            if (connection != null && !connection.closed) {
                Direction client = connection.from(p.source());
                check(client == connection.client, "a resumed handshake must come from the same client");
                check(mod(p.seq() + 1) == mod(client.nextSeq), "a resumed SYN must continue the client's numbers");
                connection.established = false;
                connection.handshakes++;
                return;
            }
            connection = new Connection(p.source(), p.destination());
            connection.client.base = mod(p.seq() + 1);
            connection.client.nextSeq = connection.client.base;
            connection.client.started = true;
            connection.handshakes = 1;
            connections.add(connection);
            return;
        }
        check(connection != null && !connection.closed, "segment outside any open connection: " + p.source()
                + " -> " + p.destination());
        Direction direction = connection.from(p.source());
        Direction other = connection.other(direction);
        if (syn) {
            check(direction == connection.server, "SYN/ACK must come from the server");
            check(p.ack() == mod(other.nextSeq), "SYN/ACK must acknowledge the SYN");
            if (!direction.started) {
                direction.base = mod(p.seq() + 1);
                direction.nextSeq = direction.base;
                direction.started = true;
            } else {
                check(mod(p.seq() + 1) == mod(direction.nextSeq), "a resumed SYN/ACK must continue the numbers");
            }
            return;
        }
        check(p.has(DecodedPacket.ACK), "every segment after the SYN carries ACK");
        check(p.ack() == mod(other.nextSeq), "ACK " + p.ack() + " from " + p.source() + " does not acknowledge"
                + " exactly what the other side sent (" + mod(other.nextSeq) + ")");
        if (!connection.established) {
            check(direction == connection.client && p.payload().length == 0, "the handshake ends with the client's"
                    + " ACK");
            connection.established = true;
            return;
        }
        long offset = mod(p.seq() - direction.base);
        if (p.payload().length > 0) {
            check(direction.segments.put(offset, p.payload()) == null, "two segments at offset " + offset);
            direction.pushSeen |= p.has(DecodedPacket.PSH);
        }
        if (p.has(DecodedPacket.RST)) {
            direction.rst = true;
            connection.closed = true;
            return;
        }
        direction.nextSeq = Math.max(direction.nextSeq, direction.base + offset + p.payload().length);
        if (p.has(DecodedPacket.FIN)) {
            check(!direction.fin, "two FINs from one side");
            direction.fin = true;
            direction.nextSeq++;
        }
        if (direction.fin && other.fin && p.payload().length == 0 && !p.has(DecodedPacket.FIN)) {
            connection.closed = true;
        }
    }

    private Connection current(InetSocketAddress a, InetSocketAddress b) {
        for (Connection connection : connections.reversed()) {
            if (connection.involves(a, b)) {
                return connection;
            }
        }
        return null;
    }

    private static long mod(long value) {
        return value & 0xFFFFFFFFL;
    }

    private static void check(boolean condition, String fault) {
        if (!condition) {
            throw new AssertionError(fault);
        }
    }
}
