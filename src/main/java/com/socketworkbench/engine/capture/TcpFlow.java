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
    private final boolean localIsClient;
    private boolean open;

    /** A connection whose client (the side sending the SYN) is us when {@code localIsClient}, else the peer. */
    TcpFlow(IpEndpoints ends, boolean localIsClient, long localIsn, long remoteIsn) {
        this.local = new End(ends.localIp(), ends.localPort(), localIsn + 1);
        this.remote = new End(ends.remoteIp(), ends.remotePort(), remoteIsn + 1);
        this.localIsClient = localIsClient;
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
    void handshake(PacketOut out, long micros, String comment) throws IOException {
        End client = localIsClient ? local : remote;
        End server = localIsClient ? remote : local;
        control(out, micros, comment, client, server, SYN);
        control(out, micros, null, server, client, SYN | ACK);
        control(out, micros, null, client, server, ACK);
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
            int flags = offset + length == data.length ? ACK | PSH : ACK;
            send(out, micros, offset == 0 ? comment : null, sender, receiver, flags, data, offset, length);
            sender.next += length;
        }
        sender.unacked += data.length;
        receiver.unacked = 0;
        if (sender.unacked >= ACK_EVERY) {
            control(out, micros, null, receiver, sender, ACK);
            sender.unacked = 0;
        }
    }

    /** FIN/ACK, FIN/ACK, ACK starting from the closing side, or that side's RST/ACK. */
    void close(PacketOut out, long micros, TcpEnding ending, String comment) throws IOException {
        End closer = ending.byLocal ? local : remote;
        End other = ending.byLocal ? remote : local;
        if (ending.reset) {
            control(out, micros, comment, closer, other, RST | ACK);
        } else {
            control(out, micros, comment, closer, other, FIN | ACK);
            closer.next++;
            control(out, micros, null, other, closer, FIN | ACK);
            other.next++;
            control(out, micros, null, closer, other, ACK);
        }
        open = false;
    }

    private static void control(PacketOut out, long micros, String comment, End from, End to, int flags)
            throws IOException {
        send(out, micros, comment, from, to, flags, NO_PAYLOAD, 0, 0);
    }

    /**
     * One segment from {@code from} with its next sequence number (a SYN the one below, see {@link #handshake}),
     * acknowledging all {@code to} sent, carrying {@code length} bytes of {@code payload} from {@code offset}.
     */
    private static void send(PacketOut out, long micros, String comment, End from, End to, int flags,
                             byte[] payload, int offset, int length) throws IOException {
        boolean syn = (flags & SYN) != 0;
        byte[] options = syn ? SYN_OPTIONS : NO_PAYLOAD;
        byte[] header = new byte[HEADER + options.length];
        IpPackets.putShort(header, 0, from.port);
        IpPackets.putShort(header, 2, to.port);
        IpPackets.putInt(header, 4, syn ? from.next - 1 : from.next);
        IpPackets.putInt(header, 8, (flags & ACK) != 0 ? to.next : 0);
        header[12] = (byte) ((header.length / 4) << 4);
        header[13] = (byte) flags;
        IpPackets.putShort(header, 14, WINDOW);
        System.arraycopy(options, 0, header, HEADER, options.length);
        out.packet(micros, IpPackets.headers(from.ip, to.ip, IpPackets.TCP, header, payload, offset, length, 16,
                from.ipId++, out.sumsPayload()), payload, offset, length, comment);
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
