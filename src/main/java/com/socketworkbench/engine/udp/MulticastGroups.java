package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.net.Endpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses multicast group addresses and chooses the interface a group is joined on. */
final class MulticastGroups {

    private static final Logger LOG = LoggerFactory.getLogger(MulticastGroups.class);

    private MulticastGroups() {
    }

    /** A multicast group literal; never a DNS lookup. */
    static InetAddress parseGroup(String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException(UdpText.TEXT.get("group.enter"));
        }
        String text = group.strip();
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(UdpText.TEXT.get("group.not.address", text), e);
        }
        if (!address.isMulticastAddress()) {
            throw new IllegalArgumentException(UdpText.TEXT.get("group.not.multicast", Endpoints.addressText(address),
                    UdpText.TEXT.get("group.ranges")));
        }
        return address;
    }

    static NetworkInterface interfaceNamed(String name) throws SocketException {
        NetworkInterface nif = NetworkInterface.getByName(name.strip());
        if (nif == null) {
            throw new IllegalArgumentException(UdpText.TEXT.get("interface.none.named", name.strip(),
                    availableNames()));
        }
        return nif;
    }

    /**
     * The interface the kernel itself would send this group's traffic on (found by connecting a probe socket, which
     * sends nothing), else the first multicast-capable interface that is up and has an address of the group's
     * family, else loopback when it is multicast-capable.
     */
    static NetworkInterface defaultInterface(InetAddress group) throws SocketException {
        Optional<NetworkInterface> routed = routedInterface(group);
        if (routed.isPresent()) {
            return routed.get();
        }
        NetworkInterface loopback = null;
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || !nif.supportsMulticast()) {
                continue;
            }
            if (nif.isLoopback()) {
                loopback = nif;
            } else if (hasAddressOfFamily(nif, group)) {
                return nif;
            }
        }
        if (loopback != null) {
            return loopback;
        }
        throw new IllegalStateException(UdpText.TEXT.get("interface.none.up", availableNames()));
    }

    private static Optional<NetworkInterface> routedInterface(InetAddress group) {
        var family = group instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        try (DatagramChannel probe = DatagramChannel.open(family)) {
            probe.connect(new InetSocketAddress(group, 9));
            InetAddress source = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
            NetworkInterface nif = NetworkInterface.getByInetAddress(source);
            if (nif != null && nif.isUp() && nif.supportsMulticast()) {
                return Optional.of(nif);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("No route to multicast group {}; choosing an interface by its flags", group, e);
        }
        return Optional.empty();
    }

    private static boolean hasAddressOfFamily(NetworkInterface nif, InetAddress group) {
        Class<? extends InetAddress> family = group instanceof Inet6Address ? Inet6Address.class : Inet4Address.class;
        return nif.inetAddresses().anyMatch(family::isInstance);
    }

    static String availableNames() {
        try {
            List<String> names = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .map(NetworkInterface::getName).sorted().toList();
            return names.isEmpty() ? UdpText.TEXT.get("interfaces.none")
                    : names.stream().collect(Collectors.joining(", "));
        } catch (SocketException e) {
            return UdpText.TEXT.get("interfaces.unknown");

        }
    }
}
