package com.socketworkbench.engine.udp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything of a {@link UdpEndpoint} that exists only while its socket is bound: the non-blocking channel, one
 * selector the receive thread waits in and one a stalled send waits in, the bound address, and the group
 * memberships (closing the socket leaves every group).
 */
final class UdpSession {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSession.class);

    final DatagramChannel channel;
    final ProtocolFamily family;
    final Selector readSelector;
    final Selector writeSelector;
    final InetSocketAddress local;
    final int effectiveReceiveBuffer;
    /** Guarded by the endpoint's lock. */
    final Map<MulticastMembership, MembershipKey> memberships = new LinkedHashMap<>();
    volatile boolean stopping;
    volatile Thread receiver;

    private UdpSession(DatagramChannel channel, ProtocolFamily family, Selector readSelector, Selector writeSelector,
                       InetSocketAddress local, int effectiveReceiveBuffer) {
        this.channel = channel;
        this.family = family;
        this.readSelector = readSelector;
        this.writeSelector = writeSelector;
        this.local = local;
        this.effectiveReceiveBuffer = effectiveReceiveBuffer;
    }

    /**
     * Binds {@code requested} (port 0: any free port) with SO_REUSEADDR {@code reuseAddress}; on failure everything
     * opened so far is closed again.
     */
    static UdpSession bind(InetSocketAddress requested, int receiveBufferBytes, boolean reuseAddress)
            throws IOException {
        ProtocolFamily family = requested.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = null;
        Selector readSelector = null;
        Selector writeSelector = null;
        try {
            channel = DatagramChannel.open(family);
            // Before bind, so the queue is already large when the first datagram arrives.
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            // Only before bind does it decide whether the port may be shared.
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
            channel.bind(requested);
            channel.configureBlocking(false);
            readSelector = Selector.open();
            writeSelector = Selector.open();
            channel.register(readSelector, SelectionKey.OP_READ);
            channel.register(writeSelector, SelectionKey.OP_WRITE);
            return new UdpSession(channel, family, readSelector, writeSelector,
                    (InetSocketAddress) channel.getLocalAddress(), channel.getOption(StandardSocketOptions.SO_RCVBUF));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            closeQuietly(readSelector);
            closeQuietly(writeSelector);
            throw e;
        }
    }

    /** An IPv6 wildcard socket, which also sends to and receives from IPv4 addresses. */
    boolean dualStack() {
        return family == StandardProtocolFamily.INET6 && local.getAddress().isAnyLocalAddress();
    }

    /** The connected peer, or null. */
    SocketAddress remote() {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** Closes the channel and both selectors; the receive thread must have been woken and joined first. */
    void close() {
        closeQuietly(channel);
        closeQuietly(readSelector);
        closeQuietly(writeSelector);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Ignoring a close failure", e);
        }
    }
}
