package com.socketworkbench.engine.options;

import com.socketworkbench.engine.text.Texts;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Plain-words meanings of socket options, value formatting, and the notes that explain adjusted values. */
final class OptionExplanations {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.options.options");

    /** Display order; options not listed follow alphabetically. */
    static final List<String> ORDER = List.of("SO_REUSEADDR", "SO_REUSEPORT", "TCP_NODELAY", "SO_KEEPALIVE",
            "SO_RCVBUF", "SO_SNDBUF", "SO_LINGER", "IP_TOS", "SO_BROADCAST", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP",
            "IP_MULTICAST_IF", "TCP_KEEPIDLE", "TCP_KEEPINTERVAL", "TCP_KEEPCOUNT");

    private static final List<String> MAIN = List.of("SO_REUSEADDR", "TCP_NODELAY", "SO_KEEPALIVE", "SO_RCVBUF",
            "SO_SNDBUF", "SO_LINGER", "IP_TOS", "SO_BROADCAST", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP");

    /** The kinds of socket {@link SocketOptionsApplier#socketKind} names, keys of the bundle's {@code kind.*}. */
    static final String SOCKET_KIND_CONNECTION = "tcpConnection";
    static final String SOCKET_KIND_LISTENING = "tcpListening";
    static final String SOCKET_KIND_DATAGRAM = "udp";

    static final String READ_IDLE_TIMEOUT = "read idle timeout";
    static final String CONNECT_TIMEOUT = "connect timeout";

    private OptionExplanations() {
    }

    /** The bundle's {@code meaning.<name>}, spaces in the application settings' names as dots; "" if none. */
    static String meaning(String name) {
        String key = "meaning." + name.replace(' ', '.');
        return TEXT.has(key) ? TEXT.get(key) : "";
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
            case null -> TEXT.get(name.equals("IP_MULTICAST_IF") ? "value.default" : "value.none");
            case Boolean b -> TEXT.get(b ? "value.on" : "value.off");
            case NetworkInterface nif -> nif.getName();
            case Integer i when name.equals("SO_LINGER") -> i < 0 ? TEXT.get("value.off")
                    : i == 0 ? TEXT.get("value.lingerAbort") : TEXT.get("value.seconds", i);
            case Integer i when name.equals("IP_TOS") -> i + " (0x" + Integer.toHexString(i) + ")";
            case Integer i when name.equals("SO_RCVBUF") || name.equals("SO_SNDBUF") -> TEXT.get("value.bytes", i);
            case Integer i when name.equals("TCP_KEEPIDLE") || name.equals("TCP_KEEPINTERVAL") ->
                    TEXT.get("value.seconds", i);
            case Integer i when name.equals("TCP_KEEPCOUNT") -> TEXT.get("value.probes", i);
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
                parts.add(TEXT.get("buffer.capped", sysctl, kernelMax.getAsLong(), file));
            } else {
                parts.add(kernelMax.isPresent() ? TEXT.get("buffer.reducedWithLimit", sysctl, kernelMax.getAsLong())
                        : TEXT.get("buffer.reduced"));
            }
        } else if (effective > requested) {
            parts.add(TEXT.get("buffer.raised"));
        }
        if (linux) {
            parts.add(TEXT.get("buffer.linuxDoubles", 2L * effective));
            if (tcp) {
                parts.add(TEXT.get("buffer.noAutotuning"));
            }
        }
        if (tcp && connected && receive) {
            parts.add(TEXT.get("buffer.afterConnect"));
        }
        return String.join(TEXT.get("note.separator"), parts);
    }

    /** Why an option requested for this kind of socket cannot be set. */
    static String unsupportedNote(String name, String socketKind) {
        String reason = switch (name) {
            case "SO_BROADCAST", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP" -> TEXT.get("unsupported.datagramOnly");
            case "TCP_NODELAY", "SO_KEEPALIVE", "SO_LINGER" -> TEXT.get(socketKind.equals(SOCKET_KIND_LISTENING)
                    ? "unsupported.connectionsOnly" : "unsupported.tcpOnly");
            case "SO_SNDBUF" -> TEXT.get("unsupported.listeningSendsNothing");
            case "IP_TOS" -> TEXT.get("unsupported.listeningNoData");
            default -> TEXT.get("unsupported.notOffered");
        };
        return TEXT.get("unsupported.note", TEXT.has("kind." + socketKind) ? TEXT.get("kind." + socketKind)
                : socketKind, name, reason);
    }
}
