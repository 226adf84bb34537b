package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.net.Endpoints;

import java.net.InetAddress;

/**
 * Live validation of the multicast group field, so a wrong address is explained while typing rather than after a
 * join attempt. Only literals are accepted: a group is never looked up in DNS.
 */
final class MulticastGroupCheck {
    static final String RANGES = "IPv4 multicast is 224.0.0.0/4 (224.0.0.0 to 239.255.255.255), IPv6 is ff00::/8";

    private MulticastGroupCheck() {
    }

    /** The problem with {@code text} as a group, or empty when it is a multicast address (or still blank). */
    static String problem(String text) {
        String group = text == null ? "" : text.strip();
        if (group.isEmpty()) {
            return "";
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(group);
        } catch (IllegalArgumentException e) {
            return "'" + group + "' is not an IP address: write a group as an address such as 239.1.2.3 or ff05::1:3";
        }
        if (!address.isMulticastAddress()) {
            return Endpoints.addressText(address) + " is not a multicast address: " + RANGES;
        }
        return "";
    }
}
