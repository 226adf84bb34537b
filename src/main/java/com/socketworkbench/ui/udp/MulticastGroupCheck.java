package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.net.Endpoints;

import java.net.InetAddress;

/**
 * Live validation of the multicast group field, so a wrong address is explained while typing rather than after a
 * join attempt. Only literals are accepted: a group is never looked up in DNS.
 */
final class MulticastGroupCheck {
    /** "IPv4 multicast is 224.0.0.0/4 (…), IPv6 is ff00::/8" in the user's language. */
    static String ranges() {
        return UdpText.TEXT.get("group.ranges");
    }

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
            return UdpText.TEXT.get("group.not.address", group);
        }
        if (!address.isMulticastAddress()) {
            return UdpText.TEXT.get("group.not.multicast", Endpoints.addressText(address), ranges());

        }
        return "";
    }
}
