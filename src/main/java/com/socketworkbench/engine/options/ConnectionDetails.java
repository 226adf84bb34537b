package com.socketworkbench.engine.options;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.AddressConverter;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * What a per-connection details panel shows: the address family and socket type (Python's {@code socket.family}
 * and {@code socket.type}), both ends ({@code getsockname()} / {@code getpeername()}) and the effective options.
 *
 * @param family  IPv4, IPv6, Unix, or "unknown" before the socket is bound
 * @param type    e.g. "stream (SOCK_STREAM, TCP)"
 * @param role    "connection", "listening", "datagram" or "closed"
 * @param local   the local address, null when not bound
 * @param remote  the peer, null for a listening socket or an unconnected datagram socket
 * @param options the options read back from the socket (empty when closed)
 */
public record ConnectionDetails(String family, String type, String role, SocketAddress local, SocketAddress remote,
                                EffectiveOptions options) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.options.options");

    /** A label and a value for one line of the details panel. */
    public record Row(String label, String value) {
    }

    public static ConnectionDetails describe(NetworkChannel channel) {
        SocketAddress local = SocketOptionsApplier.localAddressOf(channel);
        SocketAddress remote = remoteAddressOf(channel);
        String role = !channel.isOpen() ? "closed" : switch (channel) {
            case ServerSocketChannel ignored -> "listening";
            case DatagramChannel ignored -> "datagram";
            default -> "connection";
        };
        EffectiveOptions options = channel.isOpen() ? SocketOptionsApplier.read(channel)
                : new EffectiveOptions(List.of());
        return new ConnectionDetails(familyOf(local != null ? local : remote), typeOf(channel, local), role, local,
                remote, options);
    }

    /** The panel's lines: family, type, local and remote address, then a summary of the main options. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(TEXT.get("details.family"), switch (family) {
            case "IPv4" -> "IPv4 (AF_INET)";
            case "IPv6" -> "IPv6 (AF_INET6)";
            case "Unix" -> TEXT.get("details.family.unix");
            default -> TEXT.get("details.family.unknown");
        }));
        rows.add(new Row(TEXT.get("details.type"), type));
        rows.add(new Row(TEXT.get("details.local"), local == null ? TEXT.get("details.local.notBound")
                : format(local)));
        rows.add(new Row(TEXT.get("details.remote"), remote != null ? format(remote) : switch (role) {
            case "listening" -> TEXT.get("details.remote.listening");
            case "datagram" -> TEXT.get("details.remote.datagram");
            case "closed" -> TEXT.get("details.remote.closed");
            default -> TEXT.get("details.remote.notConnected");
        }));
        if (!options.values().isEmpty()) {
            rows.add(new Row(TEXT.get("details.options"), options.summary()));
        }
        return rows;
    }

    /** "127.0.0.1:5000", "[::1]:5000", or the path of a Unix domain socket. */
    public static String format(SocketAddress address) {
        return switch (address) {
            case InetSocketAddress isa when isa.getAddress() instanceof Inet6Address a ->
                    "[" + AddressConverter.canonical(a) + "]:" + isa.getPort();
            case InetSocketAddress isa when isa.getAddress() != null ->
                    isa.getAddress().getHostAddress() + ":" + isa.getPort();
            case InetSocketAddress isa -> isa.getHostString() + ":" + isa.getPort();
            case UnixDomainSocketAddress unix -> unix.getPath().toString().isEmpty() ? TEXT.get("details.unnamed")
                    : unix.getPath().toString();
            default -> address.toString();
        };
    }

    private static SocketAddress remoteAddressOf(NetworkChannel channel) {
        try {
            return switch (channel) {
                case SocketChannel sc -> sc.getRemoteAddress();
                case DatagramChannel dc -> dc.getRemoteAddress();
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    private static String familyOf(SocketAddress address) {
        return switch (address) {
            case InetSocketAddress isa when isa.getAddress() instanceof Inet4Address -> "IPv4";
            case InetSocketAddress isa when isa.getAddress() instanceof Inet6Address -> "IPv6";
            case UnixDomainSocketAddress ignored -> "Unix";
            case null, default -> "unknown";
        };
    }

    private static String typeOf(NetworkChannel channel, SocketAddress local) {
        boolean unix = local instanceof UnixDomainSocketAddress;
        return switch (channel) {
            case DatagramChannel ignored -> TEXT.get("details.type.datagram");
            case ServerSocketChannel ignored -> TEXT.get(unix ? "details.type.unixListening" : "details.type.tcpListening");
            case SocketChannel ignored -> TEXT.get(unix ? "details.type.unixStream" : "details.type.tcpStream");
            default -> channel.getClass().getSimpleName();
        };
    }
}
