package com.socketworkbench.engine.capture;

import java.net.InetAddress;

/** One UDP datagram (RFC 768) in an IP packet, checksum included. */
final class UdpDatagrams {
    static final int HEADER = 8;
    static final String TRUNCATED = "Socket Workbench: the datagram was longer; the receive limit cut it to these"
            + " bytes";

    private UdpDatagrams() {
    }

    /**
     * The IP and UDP headers of a datagram carrying {@code data}, which follows them in the packet; see
     * {@link IpPackets#headers} for {@code payloadSummedLater}.
     */
    static byte[] headers(InetAddress sourceIp, int sourcePort, InetAddress destinationIp, int destinationPort,
                          byte[] data, int ipId, boolean payloadSummedLater) {
        byte[] header = new byte[HEADER];
        IpPackets.putShort(header, 0, sourcePort);
        IpPackets.putShort(header, 2, destinationPort);
        IpPackets.putShort(header, 4, HEADER + data.length);
        return IpPackets.headers(sourceIp, destinationIp, IpPackets.UDP, header, data, 0, data.length, 6, ipId,
                payloadSummedLater);
    }
}
