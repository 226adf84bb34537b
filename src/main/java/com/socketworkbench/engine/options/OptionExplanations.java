package com.socketworkbench.engine.options;

import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Plain-words meanings of socket options, value formatting, and the notes that explain adjusted values. */
final class OptionExplanations {

    /** Display order; options not listed follow alphabetically. */
    static final List<String> ORDER = List.of("SO_REUSEADDR", "SO_REUSEPORT", "TCP_NODELAY", "SO_KEEPALIVE",
            "SO_RCVBUF", "SO_SNDBUF", "SO_LINGER", "IP_TOS", "SO_BROADCAST", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP",
            "IP_MULTICAST_IF", "TCP_KEEPIDLE", "TCP_KEEPINTERVAL", "TCP_KEEPCOUNT");

    private static final List<String> MAIN = List.of("SO_REUSEADDR", "TCP_NODELAY", "SO_KEEPALIVE", "SO_RCVBUF",
            "SO_SNDBUF", "SO_LINGER", "IP_TOS", "SO_BROADCAST", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP");

    static final String READ_IDLE_TIMEOUT = "read idle timeout";
    static final String CONNECT_TIMEOUT = "connect timeout";

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("SO_REUSEADDR", "Lets a server bind its port again while connections from an earlier run are"
                    + " still in TIME_WAIT (Python: setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)). Set it before bind."),
            Map.entry("SO_REUSEPORT", "Lets several sockets bind the same address and port; the kernel spreads"
                    + " incoming connections or datagrams across them."),
            Map.entry("TCP_NODELAY", "On: every write is sent at once. Off: Nagle's algorithm may hold a small write"
                    + " back until earlier data is acknowledged, so several writes can travel together."),
            Map.entry("SO_KEEPALIVE", "Sends probes on an idle connection to notice a peer that vanished; on Linux"
                    + " the first probe comes after TCP_KEEPIDLE seconds (2 hours by default)."),
            Map.entry("SO_RCVBUF", "The kernel's receive buffer: bytes that arrived but the program has not read"
                    + " yet. For TCP it also limits the window advertised to the peer."),
            Map.entry("SO_SNDBUF", "The kernel's send buffer: bytes written but not yet acknowledged by the peer."
                    + " A write waits when it is full."),
            Map.entry("SO_LINGER", "What close() does with unsent data: off = return at once and send it in the"
                    + " background; 0 = discard it and reset the connection (RST); n = wait up to n seconds."),
            Map.entry("IP_TOS", "The type-of-service (DSCP) byte in every IP header, the traffic class for IPv6;"
                    + " routers may use it for priority."),
            Map.entry("SO_BROADCAST", "Allows sending datagrams to a broadcast address such as 255.255.255.255;"
                    + " without it such a send is refused."),
            Map.entry("IP_MULTICAST_TTL", "How many routers multicast datagrams may cross; 1 keeps them on the"
                    + " local network."),
            Map.entry("IP_MULTICAST_LOOP", "On: multicast datagrams this host sends are also delivered to its own"
                    + " sockets that joined the group."),
            Map.entry("IP_MULTICAST_IF", "The network interface multicast datagrams leave from; default = chosen by"
                    + " the routing table."),
            Map.entry("TCP_KEEPIDLE", "Seconds a connection must be idle before the first keep-alive probe (when"
                    + " SO_KEEPALIVE is on)."),
            Map.entry("TCP_KEEPINTERVAL", "Seconds between keep-alive probes."),
            Map.entry("TCP_KEEPCOUNT", "Unanswered keep-alive probes after which the connection is declared dead."),
            Map.entry("TCP_QUICKACK", "On: acknowledgements are sent at once instead of being delayed (Linux; the"
                    + " kernel may switch it off again)."),
            Map.entry("SO_OOBINLINE", "On: TCP urgent (out-of-band) data is delivered inline with normal data."),
            Map.entry("IP_DONTFRAGMENT", "On: packets carry the Don't Fragment flag, so a datagram larger than the"
                    + " path MTU fails instead of being split."),
            Map.entry("SO_INCOMING_NAPI_ID", "The network card receive queue (NAPI id) of the last packet; 0 on"
                    + " loopback. Read only."),
            Map.entry(READ_IDLE_TIMEOUT, "How long Socket Workbench waits for bytes before reporting silence. NIO"
                    + " channels have no SO_TIMEOUT: this is the application's own timer, like Python's"
                    + " settimeout()."),
            Map.entry(CONNECT_TIMEOUT, "How long Socket Workbench waits for connect() (the TCP handshake) before"
                    + " giving up. An application timer, not a kernel option."));

    private OptionExplanations() {
    }

    static String meaning(String name) {
        return MEANINGS.getOrDefault(name, "");
    }

    static boolean isMain(String name) {
        return MAIN.contains(name);
    }

    static int rank(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? ORDER.size() : i;
    }

    /** "on"/"off", "65536 bytes", "16 (0x10)", "off" for SO_LINGER -1... */
    static String format(String name, Object value) {
        return switch (value) {
            case null -> name.equals("IP_MULTICAST_IF") ? "default" : "none";
            case Boolean b -> b ? "on" : "off";
            case NetworkInterface nif -> nif.getName();
            case Integer i when name.equals("SO_LINGER") -> i < 0 ? "off" : i == 0 ? "0 s (abort)" : i + " s";
            case Integer i when name.equals("IP_TOS") -> i + " (0x" + Integer.toHexString(i) + ")";
            case Integer i when name.equals("SO_RCVBUF") || name.equals("SO_SNDBUF") -> i + " bytes";
            case Integer i when name.equals("TCP_KEEPIDLE") || name.equals("TCP_KEEPINTERVAL") -> i + " s";
            case Integer i when name.equals("TCP_KEEPCOUNT") -> i + " probes";
            default -> String.valueOf(value);
        };
    }

    /**
     * Explains a buffer size read back after setting it. On Linux the kernel reserves twice the requested size and
     * the JDK reports half of the kernel's figure, so a granted request reads back unchanged.
     *
     * @param kernelMax net.core.rmem_max or wmem_max when known
     */
    static String bufferNote(String name, int requested, int effective, boolean linux, OptionalLong kernelMax,
                             boolean tcp, boolean connected) {
        List<String> parts = new ArrayList<>();
        boolean receive = name.equals("SO_RCVBUF");
        String sysctl = receive ? "net.core.rmem_max" : "net.core.wmem_max";
        String file = "/proc/sys/" + (receive ? KernelLimits.RMEM_MAX : KernelLimits.WMEM_MAX);
        if (effective < requested) {
            if (kernelMax.isPresent() && effective == kernelMax.getAsLong()) {
                parts.add("capped at the kernel limit " + sysctl + " = " + kernelMax.getAsLong() + " bytes (" + file
                        + "); only root can raise it (sysctl -w " + sysctl + "=...)");
            } else {
                parts.add("reduced by the operating system"
                        + kernelMax.stream().mapToObj(max -> " (" + sysctl + " is " + max + " bytes)")
                        .findFirst().orElse(""));
            }
        } else if (effective > requested) {
            parts.add("raised to the kernel's minimum");
        }
        if (linux) {
            parts.add("Linux reserves twice this (" + 2L * effective + " bytes) to cover its bookkeeping"
                    + " overhead (socket(7)); Java reports half of the kernel's figure");
            if (tcp) {
                parts.add("setting it turns off Linux's automatic buffer tuning for this socket");
            }
        }
        if (tcp && connected && receive) {
            parts.add("set after connect: the window scale was agreed in the handshake, so a larger buffer may not"
                    + " enlarge the window the peer sees");
        }
        return String.join("; ", parts);
    }

    /** Why an option requested for this kind of socket cannot be set. */
    static String unsupportedNote(String name, String socketKind) {
        String reason = switch (name) {
            case "SO_BROADCAST", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP" ->
                    "only datagram (UDP) sockets broadcast or multicast";
            case "TCP_NODELAY", "SO_KEEPALIVE", "SO_LINGER" -> socketKind.contains("listening")
                    ? "it applies to connections; a listening socket only accepts them"
                    : "it belongs to TCP connections";
            case "SO_SNDBUF" -> "a listening socket sends nothing; set it on the accepted connections";
            case "IP_TOS" -> "a listening socket sends no data; set it on the accepted connections";
            default -> "the operating system does not offer it here";
        };
        return "a " + socketKind + " has no " + name + ": " + reason;
    }
}
