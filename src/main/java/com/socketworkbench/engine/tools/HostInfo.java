package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.net.ProcFiles;
import com.socketworkbench.engine.text.DurationText;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * This computer's names and network interfaces: what Python's {@code socket.gethostname()} and
 * {@code ip address} show.
 *
 * @param hostName      the kernel's host name (gethostname)
 * @param canonicalName the fully qualified name the resolver gives for it, or null
 * @param nameNote      why there is no canonical name (does not resolve, timed out), else null
 * @param interfaces    every interface, loopback first, then by index
 */
public record HostInfo(String hostName, String canonicalName, String nameNote, List<NetworkInterfaceInfo> interfaces) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");

    /**
     * One address of an interface.
     *
     * @param address      canonical text, "192.168.1.10" or "fe80::1%eth0"
     * @param prefixLength the subnet prefix, e.g. 24
     * @param broadcast    the interface's IPv4 broadcast address, or null
     * @param family       "IPv4" or "IPv6"
     */
    public record InterfaceAddressInfo(String address, int prefixLength, String broadcast, String family) {
        /**
         * "192.168.1.10/24", "fe80::1/64": the address without its zone, then the prefix. The zone belongs to the
         * address, not to the network, so "fe80::1%eth0/64" would read as a prefix glued to an interface name.
         */
        public String cidr() {
            int percent = address.indexOf('%');
            return (percent < 0 ? address : address.substring(0, percent)) + "/" + prefixLength;
        }

        /** The zone (scope) of an IPv6 address, "eth0" for "fe80::1%eth0"; null when there is none. */
        public String zone() {
            int percent = address.indexOf('%');
            return percent < 0 || percent == address.length() - 1 ? null : address.substring(percent + 1);
        }

        /** "::1/128 (lo)", "fe80::1/64 (eth0)", "127.0.0.1/8": the CIDR with the zone, if any, readable beside it. */
        public String display() {
            String zone = zone();
            return zone == null ? cidr() : cidr() + " (" + zone + ")";
        }
    }

    /**
     * @param mtu             the largest IP packet the interface sends, -1 when unknown
     * @param hardwareAddress the MAC address "02:42:ac:11:00:02", or null (loopback, tunnels)
     * @param parent          for a virtual sub-interface, the physical interface's name; else null
     */
    public record NetworkInterfaceInfo(String name, String displayName, int index, List<InterfaceAddressInfo> addresses,
                                       int mtu, boolean up, boolean loopback, boolean pointToPoint,
                                       boolean multicastCapable, boolean virtual, String hardwareAddress,
                                       String parent) {
        public NetworkInterfaceInfo {
            addresses = List.copyOf(addresses);
        }
    }

    public HostInfo {
        interfaces = List.copyOf(interfaces);
    }

    /** Collects everything on a virtual thread; the name look-up is bounded by {@code nameTimeout}. */
    public static CompletableFuture<HostInfo> collect(Duration nameTimeout) {
        return collect(new Resolver(), nameTimeout);
    }

    public static CompletableFuture<HostInfo> collect(Resolver resolver, Duration nameTimeout) {
        String hostName = localHostName();
        CompletableFuture<List<NetworkInterfaceInfo>> interfaces = new CompletableFuture<>();
        resolver.threads().start("host-info", () -> {
            try {
                interfaces.complete(listInterfaces());
            } catch (RuntimeException e) {
                interfaces.completeExceptionally(e);
            }
        });
        CompletableFuture<String[]> names = canonicalName(resolver, hostName, nameTimeout);
        return interfaces.thenCombine(names, (list, name) -> new HostInfo(hostName, name[0], name[1], list));
    }

    /** The interfaces alone: no name look-up, never blocks on the network. */
    public static List<NetworkInterfaceInfo> listInterfaces() {
        List<NetworkInterfaceInfo> all = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                all.add(describe(nif));
                for (NetworkInterface sub : Collections.list(nif.getSubInterfaces())) {
                    all.add(describe(sub));
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException(TEXT.get("host.error.interfaces", e.getMessage()), e);
        }
        all.sort(Comparator.comparing((NetworkInterfaceInfo i) -> !i.loopback())
                .thenComparingInt(NetworkInterfaceInfo::index));
        return all;
    }

    /** gethostname(): the kernel's name for this machine, without any look-up. */
    public static String localHostName() {
        // Not Linux: fall through to the JDK, which asks the resolver.
        String name = ProcFiles.read(Path.of("/proc/sys/kernel/hostname")).map(String::strip).orElse("");
        if (!name.isEmpty()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String message = e.getMessage();
            int colon = message == null ? -1 : message.indexOf(':');
            return colon > 0 ? message.substring(0, colon) : "localhost";
        }
    }

    private static CompletableFuture<String[]> canonicalName(Resolver resolver, String hostName, Duration timeout) {
        return resolver.resolve(hostName, timeout).thenCompose(resolution -> switch (resolution) {
            case Resolver.NotResolved failed -> CompletableFuture.completedFuture(new String[]{null,
                    TEXT.get("host.note.unresolved", hostName, failed.message())});
            case Resolver.Resolved resolved -> resolver.reverse(resolved.addresses().getFirst().address(), timeout)
                    .thenApply(reverse -> reverse.name() != null ? new String[]{reverse.name(), null}
                            : new String[]{null, reverse.message()});
        }).completeOnTimeout(new String[]{null, TEXT.get("host.note.timeout",
                DurationText.of(timeout))}, timeout.toNanos() * 2, TimeUnit.NANOSECONDS);
    }

    private static NetworkInterfaceInfo describe(NetworkInterface nif) {
        List<InterfaceAddressInfo> addresses = new ArrayList<>();
        for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
            InetAddress a = ia.getAddress();
            addresses.add(new InterfaceAddressInfo(AddressConverter.canonical(a), ia.getNetworkPrefixLength(),
                    ia.getBroadcast() == null ? null : ia.getBroadcast().getHostAddress(),
                    a.getAddress().length == 4 ? "IPv4" : "IPv6"));
        }
        addresses.sort(Comparator.comparing(InterfaceAddressInfo::family));
        return new NetworkInterfaceInfo(nif.getName(), nif.getDisplayName(), nif.getIndex(), addresses,
                safe(nif::getMTU, -1), safe(nif::isUp, false), safe(nif::isLoopback, false),
                safe(nif::isPointToPoint, false), safe(nif::supportsMulticast, false), nif.isVirtual(),
                safe(() -> Optional.ofNullable(nif.getHardwareAddress())
                        .filter(mac -> mac.length > 0)
                        .map(mac -> HexFormat.ofDelimiter(":").formatHex(mac)).orElse(null), null),
                nif.getParent() == null ? null : nif.getParent().getName());
    }

    private interface SocketQuery<T> {
        T get() throws SocketException;
    }

    /** An interface can vanish while being listed; its details then read as unknown. */
    private static <T> T safe(SocketQuery<T> query, T fallback) {
        try {
            return query.get();
        } catch (SocketException e) {
            return fallback;
        }
    }
}
