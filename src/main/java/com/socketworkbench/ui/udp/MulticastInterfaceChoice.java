package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.net.Endpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of the multicast interface picker: "default" (the system's choice) or a named interface that is up and
 * multicast-capable.
 *
 * @param name  the interface name passed to the engine, or null for the system's choice
 * @param label what the user reads ("eth0 — 192.168.1.20", "lo — loopback")
 */
public record MulticastInterfaceChoice(String name, String label) {
    public static final MulticastInterfaceChoice DEFAULT =
            new MulticastInterfaceChoice(null, UdpText.TEXT.get("interface.default"));

    private static final Logger LOG = LoggerFactory.getLogger(MulticastInterfaceChoice.class);

    /**
     * The choice for a saved interface name: the machine's interface of that name when it is listed, one labelled
     * "not found on this machine now" when not (the engine reports it at Start), the default for null or blank.
     */
    public static MulticastInterfaceChoice named(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT;
        }
        return available().stream().filter(choice -> name.equals(choice.name())).findFirst()
                .orElse(new MulticastInterfaceChoice(name, UdpText.TEXT.get("interface.not.found", name)));
    }

    /** The default, then every interface that is up and supports multicast. */
    public static List<MulticastInterfaceChoice> available() {
        List<MulticastInterfaceChoice> choices = new ArrayList<>();
        choices.add(DEFAULT);
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && nif.supportsMulticast()) {
                    choices.add(new MulticastInterfaceChoice(nif.getName(), label(nif)));
                }
            }
        } catch (SocketException e) {
            LOG.warn("Could not list network interfaces for multicast: {}", e.getMessage());
        }
        return choices;
    }

    private static String label(NetworkInterface nif) throws SocketException {
        if (nif.isLoopback()) {
            return UdpText.TEXT.get("interface.loopback", nif.getName());

        }
        List<InetAddress> addresses = Collections.list(nif.getInetAddresses());
        if (addresses.isEmpty()) {
            return nif.getName();
        }
        return nif.getName() + " — " + addresses.stream().map(Endpoints::addressText).limit(2)
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
