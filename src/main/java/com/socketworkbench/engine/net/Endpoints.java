package com.socketworkbench.engine.net;

import com.socketworkbench.engine.text.Texts;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/** Socket addresses written the way a user reads and types them, and port input checked with plain messages. */
public final class Endpoints {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.net.net");
    private static final int MAX_PORT = 65535;

    private Endpoints() {
    }

    /**
     * "127.0.0.1:5000", "[::1]:5000" (IPv6 in its short RFC 5952 form), "host:5000" for an unresolved address, a
     * Unix domain socket's path as is, "unix:/tmp/app.sock client #3" for a client accepted by a Unix socket server
     * ({@link UnixPeerAddress}), "(unnamed Unix socket)" for the end of a Unix socket that has no path (a client's
     * own end), "(unknown)" for null.
     */
    public static String describe(SocketAddress address) {
        return switch (address) {
            case null -> TEXT.get("endpoint.unknown");
            case InetSocketAddress inet -> describeHost(inet) + ":" + inet.getPort();
            case UnixDomainSocketAddress unix when unix.getPath().toString().isEmpty() -> TEXT.get("endpoint.unnamedUnix");
            case UnixDomainSocketAddress unix -> unix.getPath().toString();
            case UnixPeerAddress peer -> peer.toString();
            default -> address.toString();
        };
    }

    /** The host part only: "127.0.0.1", "[::1]", or the unresolved name. */
    static String describeHost(InetSocketAddress inet) {
        InetAddress address = inet.getAddress();
        if (address == null) {
            String host = inet.getHostString();
            return host.contains(":") ? "[" + host + "]" : host;
        }
        return address instanceof Inet6Address v6 ? "[" + ipv6Text(v6) + "]" : address.getHostAddress();
    }

    /** The address without brackets: "127.0.0.1", "::1", "fe80::1%eth0". */
    public static String addressText(InetAddress address) {
        return address instanceof Inet6Address v6 ? ipv6Text(v6) : address.getHostAddress();
    }

    /**
     * Parses a port typed by the user.
     *
     * @param allowZero true where 0 means "any free port" (a server or a local bind), false for a destination
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static int validatePort(String text, boolean allowZero) {
        String range = TEXT.get(allowZero ? "port.rangeWithZero" : "port.range");
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(range);
        }
        if (!trimmed.matches("[+-]?\\d+")) {
            throw new IllegalArgumentException(TEXT.get("port.notNumber", trimmed, range));
        }
        String digits = trimmed.replaceFirst("^[+]", "").replaceFirst("^(-?)0+(?=\\d)", "$1");
        if (digits.startsWith("-") || digits.length() > 5) {
            throw new IllegalArgumentException(range);
        }
        int port = Integer.parseInt(digits);
        if (port > MAX_PORT || (port == 0 && !allowZero)) {
            throw new IllegalArgumentException(range);
        }
        return port;
    }

    /** RFC 5952: lower case, leading zeros dropped, the longest run of two or more zero groups as "::". */
    private static String ipv6Text(Inet6Address address) {
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength && i - start >= 2) {
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
        String host = address.getHostAddress();
        int scope = host.indexOf('%');
        if (scope >= 0) {
            text.append(host.substring(scope));
        }
        return text.toString();
    }
}
