package com.socketworkbench.engine.capture;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Builds the headers of raw IP packets (LINKTYPE_RAW) around a transport header and payload: an IPv4 header (no
 * options, Don't Fragment, TTL 64, a correct header checksum) or an IPv6 header (hop limit 64, no extension
 * headers), and fills in the transport checksum over the pseudo-header of RFC 793 / RFC 768 / RFC 8200.
 */
final class IpPackets {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int IPV4_HEADER = 20;
    static final int IPV6_HEADER = 40;
    /** The most an IPv4 packet (header included) or an IPv6 payload can hold without jumbograms. */
    static final int MAX_LENGTH = 0xFFFF;
    private static final int TTL = 64;

    private IpPackets() {
    }

    /** The IP header size for packets from {@code source}. */
    static int headerSize(InetAddress source) {
        return source instanceof Inet4Address ? IPV4_HEADER : IPV6_HEADER;
    }

    /**
     * The most transport bytes (header plus payload) one packet between addresses of this family can carry: 65,515
     * for IPv4, whose total length counts its own header, 65,535 for IPv6, whose payload length does not.
     */
    static int maxTransportLength(InetAddress source) {
        return source instanceof Inet4Address ? MAX_LENGTH - IPV4_HEADER : MAX_LENGTH;
    }

    /**
     * The headers of a packet from {@code source} to {@code destination} (same family) that carries
     * {@code transportHeader} and then {@code length} payload bytes of {@code payload} from {@code offset}: the IP
     * header followed by the transport header, whose checksum (at {@code checksumAt} within it, zero on entry) is
     * computed here over both and the payload. The payload is not copied: the packet is these headers followed by
     * it. {@code id} is the IPv4 identification (unused for IPv6).
     *
     * <p>With {@code payloadSummedLater} the payload is not summed here: the checksum field holds the folded sum of
     * the pseudo-header and the transport header instead, and whoever copies the packet finishes it over the copied
     * payload with {@link #finishTransportChecksum} (the recorder's writer, which so reads the payload once).
     */
    static byte[] headers(InetAddress source, InetAddress destination, int protocol, byte[] transportHeader,
                          byte[] payload, int offset, int length, int checksumAt, int id,
                          boolean payloadSummedLater) {
        int transport = transportHeader.length + length;
        if (transport > maxTransportLength(source)) {
            throw new IllegalArgumentException(transport + " transport bytes do not fit one IP packet");
        }
        if ((source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
            throw new IllegalArgumentException("Source and destination must be of one family");
        }
        int ipHeader = headerSize(source);
        byte[] headers = new byte[ipHeader + transportHeader.length];
        if (source instanceof Inet6Address) {
            ipv6Header(headers, source, destination, protocol, transport);
        } else {
            ipv4Header(headers, source, destination, protocol, transport, id);
        }
        System.arraycopy(transportHeader, 0, headers, ipHeader, transportHeader.length);
        // The transport header has an even length, so the payload's 16-bit words line up and its sum adds on.
        long sum = pseudoHeaderSum(source, destination, protocol, transport);
        sum = InternetChecksum.add(sum, headers, ipHeader, transportHeader.length);
        if (payloadSummedLater) {
            // Never 0: the pseudo-header's protocol is not, and a folded non-zero sum stays non-zero.
            putShort(headers, ipHeader + checksumAt, InternetChecksum.fold(sum));
        } else {
            putShort(headers, ipHeader + checksumAt, transportChecksum(protocol, InternetChecksum.add(sum, payload,
                    offset, length)));
        }
        return headers;
    }

    /**
     * Finishes the transport checksum of a packet built with {@code payloadSummedLater} and copied whole to
     * {@code packetAt} in {@code memory}: {@code headersLength} bytes of headers, then {@code payloadLength} of
     * payload. Adds the payload's sum to the partial sum in the checksum field and writes the checksum over it; the
     * result is the one {@link #headers} computes in one go (the ones' complement sum does not depend on where the
     * carries are folded).
     */
    static void finishTransportChecksum(MemorySegment memory, long packetAt, int headersLength, int payloadLength) {
        boolean v4 = (memory.get(ValueLayout.JAVA_BYTE, packetAt) & 0xF0) == 0x40;
        int protocol = memory.get(ValueLayout.JAVA_BYTE, packetAt + (v4 ? 9 : 6));
        long field = packetAt + (v4 ? IPV4_HEADER : IPV6_HEADER) + (protocol == TCP ? 16 : 6);
        long partial = ((memory.get(ValueLayout.JAVA_BYTE, field) & 0xFF) << 8)
                | (memory.get(ValueLayout.JAVA_BYTE, field + 1) & 0xFF);
        int checksum = transportChecksum(protocol, InternetChecksum.add(partial, memory, packetAt + headersLength,
                payloadLength));
        memory.set(ValueLayout.JAVA_BYTE, field, (byte) (checksum >>> 8));
        memory.set(ValueLayout.JAVA_BYTE, field + 1, (byte) checksum);
    }

    private static int transportChecksum(int protocol, long sum) {
        int checksum = InternetChecksum.finish(sum);
        // A computed 0 is sent as all ones in UDP: 0 means "no checksum" (and is invalid in IPv6).
        return protocol == UDP && checksum == 0 ? 0xFFFF : checksum;
    }

    private static void ipv4Header(byte[] p, InetAddress source, InetAddress destination, int protocol,
                                   int transport, int id) {
        p[0] = 0x45;
        putShort(p, 2, IPV4_HEADER + transport);
        putShort(p, 4, id);
        p[6] = 0x40; // Don't Fragment
        p[8] = TTL;
        p[9] = (byte) protocol;
        System.arraycopy(source.getAddress(), 0, p, 12, 4);
        System.arraycopy(destination.getAddress(), 0, p, 16, 4);
        putShort(p, 10, InternetChecksum.finish(InternetChecksum.add(0, p, 0, IPV4_HEADER)));
    }

    private static void ipv6Header(byte[] p, InetAddress source, InetAddress destination, int protocol,
                                   int transport) {
        p[0] = 0x60;
        putShort(p, 4, transport);
        p[6] = (byte) protocol;
        p[7] = TTL;
        System.arraycopy(source.getAddress(), 0, p, 8, 16);
        System.arraycopy(destination.getAddress(), 0, p, 24, 16);
    }

    private static long pseudoHeaderSum(InetAddress source, InetAddress destination, int protocol, int length) {
        byte[] from = source.getAddress();
        byte[] to = destination.getAddress();
        long sum = InternetChecksum.add(0, from, 0, from.length);
        sum = InternetChecksum.add(sum, to, 0, to.length);
        return sum + protocol + (length >>> 16) + (length & 0xFFFF);
    }

    static void putShort(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 8);
        target[at + 1] = (byte) value;
    }

    static void putInt(byte[] target, int at, long value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
