package com.socketworkbench.ui.common;

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
    public static final BindChoice LOOPBACK_V4 = new BindChoice("127.0.0.1", "127.0.0.1 — loopback only (IPv4)", false);
    public static final BindChoice LOOPBACK_V6 = new BindChoice("::1", "::1 — loopback only (IPv6)", false);
    public static final BindChoice ANY_V4 = new BindChoice("0.0.0.0", "0.0.0.0 — all IPv4 interfaces", true);
    public static final BindChoice ANY = new BindChoice("::", ":: — all interfaces", true);

    private static final Logger LOG = LoggerFactory.getLogger(BindChoices.class);

    private BindChoices() {
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
        String host = hostText(address);
        String label = host + " — " + nic.getName()
                + (address.isLinkLocalAddress() ? " (link-local)" : "");
        return new BindChoice(host, label, false);
    }

    /** The literal for an address: dotted IPv4, or compressed IPv6 with the scope name for link-local. */
    public static String hostText(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address.getHostAddress();
        }
        String text = v6.getHostAddress();
        int percent = text.indexOf('%');
        String scope = percent >= 0 ? text.substring(percent) : "";
        String bare = percent >= 0 ? text.substring(0, percent) : text;
        if (v6.getScopedInterface() != null) {
            scope = "%" + v6.getScopedInterface().getName();
        }
        return compressIpv6(bare) + (address.isLinkLocalAddress() ? scope : "");
    }

    /** "fe80:0:0:0:1:2:3:4" → "fe80::1:2:3:4": the longest run of two or more zero groups becomes "::". */
    public static String compressIpv6(String full) {
        String[] groups = full.split(":", -1);
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (isZero(groups[i])) {
                int start = i;
                while (i < groups.length && isZero(groups[i])) {
                    i++;
                }
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
            } else {
                i++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (bestLength >= 2 && i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", ""));
        }
        return out.toString();
    }

    private static boolean isZero(String group) {
        return group.matches("0+");
    }

    /** The matching choice for a remembered host, or a new one labelled as remembered when it is not listed. */
    public static BindChoice forHost(List<BindChoice> choices, String host) {
        return choices.stream().filter(c -> c.host().equalsIgnoreCase(host)).findFirst()
                .orElseGet(() -> new BindChoice(host, host + " — remembered (not found on this machine now)",
                        host.equals("0.0.0.0") || host.equals("::")));
    }
}
