package com.socketworkbench.engine.capture;

import java.io.IOException;
import java.net.InetAddress;

/**
 * One synthesized TCP connection: its two ends' sequence numbers and the segments that tell its story. Every segment
 * after the SYN carries ACK with the other side's next sequence number, so the acknowledgements always match what
 * was sent; a receiver that has not sent anything for {@link #ACK_EVERY} bytes sends a pure ACK. The SYNs offer an
 * MSS of {@link #MAX_SEGMENT} and window scale {@value #WINDOW_SCALE}, so the 65,535 window field means about 8 MiB
 * and no analysis sees a full window. Sequence numbers are kept as longs and written modulo 2^32.
 */
final class TcpFlow {
    /** The loopback MSS: 65,535 less the IPv4 and TCP headers, so a full segment fits one IPv4 or IPv6 packet. */
    static final int MAX_SEGMENT = 65_495;
    static final long ACK_EVERY = 1 << 20;
    static final int WINDOW_SCALE = 7;
    private static final int WINDOW = 0xFFFF;
    private static final int HEADER = 20;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final byte[] NO_PAYLOAD = new byte[0];
    /** MSS (kind 2), NOP, window scale (kind 3): 8 bytes, keeping the header a multiple of 4. */
    private static final byte[] SYN_OPTIONS = {2, 4, (byte) (MAX_SEGMENT >>> 8), (byte) MAX_SEGMENT, 1, 3, 3,
            WINDOW_SCALE};

    private final End local;
    private final End remote;
    private boolean open;

    TcpFlow(IpEndpoints ends, long localIsn, long remoteIsn) {
        this.local = new End(ends.localIp(), ends.localPort(), localIsn + 1);
        this.remote = new End(ends.remoteIp(), ends.remotePort(), remoteIsn + 1);
    }

    /** True from the handshake until the close. */
    boolean isOpen() {
        return open;
    }

    /**
     * SYN, SYN/ACK, ACK at {@code micros}, the client's SYN carrying {@code comment}. The SYNs take the sequence
     * number just below each side's next one, so a handshake written again for a connection already under way (a
     * capture that starts late, the next file of a recording) continues its sequence numbers exactly.
     */
    void handshake(PacketOut out, long micros, boolean localIsClient, String comment) throws IOException {
        End client = localIsClient ? local : remote;
        End server = localIsClient ? remote : local;
        out.packet(micros, segment(client, server, client.next - 1, 0, SYN, SYN_OPTIONS, NO_PAYLOAD, 0, 0), comment);
        out.packet(micros, segment(server, client, server.next - 1, client.next, SYN | ACK, SYN_OPTIONS,
                NO_PAYLOAD, 0, 0), null);
        out.packet(micros, segment(client, server, client.next, server.next, ACK, NO_PAYLOAD, NO_PAYLOAD, 0, 0),
                null);
        local.unacked = 0;
        remote.unacked = 0;
        open = true;
    }

    /** The bytes of one event as segments of at most {@link #MAX_SEGMENT} bytes, PSH on the last. */
    void data(PacketOut out, long micros, boolean fromLocal, byte[] data, String comment) throws IOException {
        End sender = fromLocal ? local : remote;
        End receiver = fromLocal ? remote : local;
        for (int offset = 0; offset < data.length; offset += MAX_SEGMENT) {
            int length = Math.min(MAX_SEGMENT, data.length - offset);
            boolean last = offset + length == data.length;
            out.packet(micros, segment(sender, receiver, sender.next, receiver.next, last ? ACK | PSH : ACK,
                    NO_PAYLOAD, data, offset, length), offset == 0 ? comment : null);
            sender.next += length;
        }
        sender.unacked += data.length;
        receiver.unacked = 0;
        if (sender.unacked >= ACK_EVERY) {
            out.packet(micros, segment(receiver, sender, receiver.next, sender.next, ACK, NO_PAYLOAD, NO_PAYLOAD,
                    0, 0), null);
            sender.unacked = 0;
        }
    }

    /** FIN/ACK, FIN/ACK, ACK starting from the closing side, or that side's RST/ACK. */
    void close(PacketOut out, long micros, TcpEnding ending, String comment) throws IOException {
        End closer = ending.byLocal ? local : remote;
        End other = ending.byLocal ? remote : local;
        if (ending.reset) {
            out.packet(micros, segment(closer, other, closer.next, other.next, RST | ACK, NO_PAYLOAD, NO_PAYLOAD,
                    0, 0), comment);
        } else {
            out.packet(micros, segment(closer, other, closer.next, other.next, FIN | ACK, NO_PAYLOAD, NO_PAYLOAD,
                    0, 0), comment);
            closer.next++;
            out.packet(micros, segment(other, closer, other.next, closer.next, FIN | ACK, NO_PAYLOAD, NO_PAYLOAD,
                    0, 0), null);
            other.next++;
            out.packet(micros, segment(closer, other, closer.next, other.next, ACK, NO_PAYLOAD, NO_PAYLOAD, 0, 0),
                    null);
        }
        open = false;
    }

    private static byte[] segment(End from, End to, long seq, long ack, int flags, byte[] options, byte[] payload,
                                  int offset, int length) {
        byte[] header = new byte[HEADER + options.length];
        IpPackets.putShort(header, 0, from.port);
        IpPackets.putShort(header, 2, to.port);
        IpPackets.putInt(header, 4, seq);
        IpPackets.putInt(header, 8, (flags & ACK) != 0 ? ack : 0);
        header[12] = (byte) ((header.length / 4) << 4);
        header[13] = (byte) flags;
        IpPackets.putShort(header, 14, WINDOW);
        System.arraycopy(options, 0, header, HEADER, options.length);
        return IpPackets.packet(from.ip, to.ip, IpPackets.TCP, header, payload, offset, length, 16, from.ipId++);
    }

    /** One side: where it is, its next sequence number, its IPv4 ids, what it sent that is not acknowledged yet. */
    private static final class End {
        final InetAddress ip;
        final int port;
        long next;
        int ipId;
        long unacked;

        End(InetAddress ip, int port, long next) {
            this.ip = ip;
            this.port = port;
            this.next = next;
        }
    }
}
