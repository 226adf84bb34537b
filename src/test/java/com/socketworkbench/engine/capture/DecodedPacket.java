package com.socketworkbench.engine.capture;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A raw IP packet decoded for the tests, independently of the writer: IPv4 (header checksum, total length, no
 * fragments) or IPv6 (payload length), then TCP or UDP with its checksum over the pseudo-header. Any fault throws
 * {@link AssertionError}.
 */
record DecodedPacket(int ipVersion, InetSocketAddress source, InetSocketAddress destination, int protocol,
                     long seq, long ack, int flags, int window, byte[] tcpOptions, byte[] payload) {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    static DecodedPacket decode(byte[] p) {
        check(p.length >= 1, "empty packet");
        int version = (p[0] & 0xFF) >>> 4;
        int headerLength;
        int protocol;
        byte[] source;
        byte[] destination;
        if (version == 4) {
            headerLength = (p[0] & 0x0F) * 4;
            check(headerLength == 20, "IPv4 header with options: " + headerLength);
            check(u16(p, 2) == p.length, "IPv4 total length " + u16(p, 2) + " vs packet " + p.length);
            check((u16(p, 6) & 0x3FFF) == 0, "IPv4 fragment");
            check(onesComplementSum(p, 0, 20, 0) == 0xFFFF, "IPv4 header checksum wrong");
            check((p[8] & 0xFF) > 0, "IPv4 TTL 0");
            protocol = p[9] & 0xFF;
            source = Arrays.copyOfRange(p, 12, 16);
            destination = Arrays.copyOfRange(p, 16, 20);
        } else if (version == 6) {
            headerLength = 40;
            check(p.length >= 40, "short IPv6 packet");
            check(u16(p, 4) == p.length - 40, "IPv6 payload length " + u16(p, 4) + " vs " + (p.length - 40));
            protocol = p[6] & 0xFF;
            check((p[7] & 0xFF) > 0, "IPv6 hop limit 0");
            source = Arrays.copyOfRange(p, 8, 24);
            destination = Arrays.copyOfRange(p, 24, 40);
        } else {
            throw new AssertionError("IP version " + version);
        }
        int transportLength = p.length - headerLength;
        long pseudo = onesSum(source) + onesSum(destination) + protocol + (transportLength >>> 16)
                + (transportLength & 0xFFFF);
        check(onesComplementSum(p, headerLength, transportLength, pseudo) == 0xFFFF,
                "transport checksum wrong (protocol " + protocol + ")");
        int t = headerLength;
        InetSocketAddress from = address(source, u16(p, t));
        InetSocketAddress to = address(destination, u16(p, t + 2));
        if (protocol == 17) {
            check(u16(p, t + 4) == transportLength, "UDP length " + u16(p, t + 4) + " vs " + transportLength);
            check(u16(p, t + 6) != 0, "UDP checksum absent");
            return new DecodedPacket(version, from, to, protocol, 0, 0, 0, 0, new byte[0],
                    Arrays.copyOfRange(p, t + 8, p.length));
        }
        check(protocol == 6, "protocol " + protocol);
        int dataOffset = ((p[t + 12] & 0xFF) >>> 4) * 4;
        check(dataOffset >= 20 && dataOffset <= transportLength, "TCP data offset " + dataOffset);
        return new DecodedPacket(version, from, to, protocol, u32(p, t + 4), u32(p, t + 8), p[t + 13] & 0x3F,
                u16(p, t + 14), Arrays.copyOfRange(p, t + 20, t + dataOffset),
                Arrays.copyOfRange(p, t + dataOffset, p.length));
    }

    /** The value of a TCP option of {@code kind} in a SYN (MSS: 2, window scale: 3), or -1. */
    int tcpOption(int kind) {
        int i = 0;
        while (i < tcpOptions.length) {
            int k = tcpOptions[i] & 0xFF;
            if (k == 0) {
                break;
            }
            if (k == 1) {
                i++;
                continue;
            }
            int length = tcpOptions[i + 1] & 0xFF;
            if (k == kind) {
                return length == 4 ? u16(tcpOptions, i + 2) : tcpOptions[i + 2] & 0xFF;
            }
            i += length;
        }
        return -1;
    }

    private static InetSocketAddress address(byte[] ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static long onesSum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        return sum;
    }

    /** The folded ones' complement sum of the bytes plus {@code initial}: 0xFFFF when a checksum inside is right. */
    private static int onesComplementSum(byte[] data, int offset, int length, long initial) {
        long sum = initial;
        for (int i = 0; i < length; i++) {
            int b = data[offset + i] & 0xFF;
            sum += i % 2 == 0 ? b << 8 : b;
        }
        while (sum > 0xFFFF) {
            sum = (sum >>> 16) + (sum & 0xFFFF);
        }
        return (int) sum;
    }

    private static int u16(byte[] p, int at) {
        return ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
    }

    private static long u32(byte[] p, int at) {
        return ((long) u16(p, at) << 16) | u16(p, at + 2);
    }

    private static void check(boolean condition, String fault) {
        if (!condition) {
            throw new AssertionError(fault);
        }
    }
}
