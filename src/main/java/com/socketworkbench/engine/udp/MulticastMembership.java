package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.net.Endpoints;
import java.net.InetAddress;
import java.util.Objects;

/** One joined multicast group on one network interface. */
public record MulticastMembership(InetAddress group, String interfaceName) {

    public MulticastMembership {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(interfaceName, "interfaceName");
    }

    @Override
    public String toString() {
        return UdpText.TEXT.get("membership", Endpoints.addressText(group), interfaceName);

    }
}
