package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.net.UnixPeerAddress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;

/**
 * The two IP ends of a row, of one address family as a packet needs. When the families differ (an IPv6 socket that
 * talks to an IPv4 peer), a wildcard local address takes the peer's family ({@code 0.0.0.0} for an IPv4 peer) and
 * otherwise the IPv4 end is written as its IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}).
 */
record IpEndpoints(InetAddress localIp, int localPort, InetAddress remoteIp, int remotePort) {

    /** The ends of a row, or null when either is not a resolved IP socket address (see {@link #whyNot}). */
    static IpEndpoints of(SocketAddress local, SocketAddress remote) {
        if (!(local instanceof InetSocketAddress l) || !(remote instanceof InetSocketAddress r)
                || l.getAddress() == null || r.getAddress() == null) {
            return null;
        }
        InetAddress localIp = l.getAddress();
        InetAddress remoteIp = r.getAddress();
        boolean localV4 = localIp instanceof Inet4Address;
        if (localV4 != (remoteIp instanceof Inet4Address)) {
            if (localIp.isAnyLocalAddress()) {
                localIp = anyOf(remoteIp);
            } else {
                localIp = mapped(localIp);
                remoteIp = mapped(remoteIp);
            }
        }
        return new IpEndpoints(localIp, l.getPort(), remoteIp, r.getPort());
    }

    /** Why {@link #of} found no IP ends: a Unix domain socket on either side, or an address not known. */
    static SkipReason whyNot(SocketAddress local, SocketAddress remote) {
        return isUnix(local) || isUnix(remote) ? SkipReason.UNIX_SOCKET : SkipReason.UNKNOWN_ADDRESS;
    }

    private static boolean isUnix(SocketAddress address) {
        return address instanceof UnixDomainSocketAddress || address instanceof UnixPeerAddress;
    }

    private static InetAddress anyOf(InetAddress family) {
        try {
            return InetAddress.getByAddress(new byte[family instanceof Inet4Address ? 4 : 16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("A 4 or 16 byte address is always valid", e);
        }
    }

    /** An IPv6 address as is; an IPv4 address as ::ffff:a.b.c.d, kept an Inet6Address (getByAddress would not). */
    private static InetAddress mapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            return address;
        }
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(address.getAddress(), 0, v6, 12, 4);
        try {
            return Inet6Address.getByAddress(null, v6, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("A 16 byte address is always valid", e);
        }
    }
}
