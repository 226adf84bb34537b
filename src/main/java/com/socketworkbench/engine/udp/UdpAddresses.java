package com.socketworkbench.engine.udp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Addresses the way people write them: "127.0.0.1:5000", "[::1]:5000", "ff02::1%lo". */
final class UdpAddresses {

    private UdpAddresses() {
    }

    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress isa) {
            String host = isa.isUnresolved() ? isa.getHostString() : host(isa.getAddress());
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + isa.getPort();
        }
        return String.valueOf(address);
    }

    static String host(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return compressed(v6.getAddress()) + scope(v6);
        }
        return address.getHostAddress();
    }

    /** RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups as "::". */
    static String compressed(byte[] ipv6) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((ipv6[2 * i] & 0xff) << 8) | (ipv6[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static String scope(Inet6Address address) {
        if (address.getScopedInterface() != null) {
            return "%" + address.getScopedInterface().getName();
        }
        return address.getScopeId() != 0 ? "%" + address.getScopeId() : "";
    }

    static boolean isWildcard(InetSocketAddress address) {
        return address.getAddress() != null && address.getAddress().isAnyLocalAddress();
    }
}
