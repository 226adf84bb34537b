package com.socketworkbench.ui.input;

import com.socketworkbench.engine.net.Endpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses a listener can bind to on this machine, safest first and the wildcards last. */
public final class BindChoices {
    public static final BindChoice LOOPBACK_V4 = new BindChoice("127.0.0.1", null, false);
    public static final BindChoice LOOPBACK_V6 = new BindChoice("::1", null, false);
    public static final BindChoice ANY_V4 = new BindChoice("0.0.0.0", null, true);
    public static final BindChoice ANY = new BindChoice("::", null, true);

    private static final Logger LOG = LoggerFactory.getLogger(BindChoices.class);

    private BindChoices() {
    }

    /**
     * The label of one of the four addresses every machine has, in the language in use (they are constants, made
     * before the language may have been chosen); null for any other host.
     */
    static String standardLabel(String host) {
        return switch (host) {
            case "127.0.0.1" -> InputTexts.TEXT.get("bind.loopbackV4");
            case "::1" -> InputTexts.TEXT.get("bind.loopbackV6");
            case "0.0.0.0" -> InputTexts.TEXT.get("bind.anyV4");
            case "::" -> InputTexts.TEXT.get("bind.any");
            default -> null;
        };
    }

    /** Loopbacks, then every address of every interface that is up (loopback interfaces skipped), then wildcards. */
    public static List<BindChoice> available() {
        List<BindChoice> choices = new ArrayList<>();
        choices.add(LOOPBACK_V4);
        choices.add(LOOPBACK_V6);
        choices.addAll(interfaceAddresses());
        choices.add(ANY_V4);
        choices.add(ANY);
        return choices;
    }

    private static List<BindChoice> interfaceAddresses() {
        List<BindChoice> choices = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                // IPv4 first: it is what most people type and recognise.
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        choices.add(choice(address, nic));
                    }
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet6Address) {
                        choices.add(choice(address, nic));
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("Could not list network interfaces: {}", e.getMessage());
        }
        return choices;
    }

    private static BindChoice choice(InetAddress address, NetworkInterface nic) {
        String host = Endpoints.addressText(address);
        String label = InputTexts.TEXT.get(address.isLinkLocalAddress() ? "bind.interface.linkLocal" : "bind.interface",
                host, nic.getName());
        return new BindChoice(host, label, false);
    }

    /** The matching choice for a remembered host, or a new one labelled as remembered when it is not listed. */
    public static BindChoice forHost(List<BindChoice> choices, String host) {
        return choices.stream().filter(c -> c.host().equalsIgnoreCase(host)).findFirst()
                .orElseGet(() -> new BindChoice(host, InputTexts.TEXT.get("bind.remembered", host),
                        host.equals("0.0.0.0") || host.equals("::")));
    }
}
