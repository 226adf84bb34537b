package com.socketworkbench.engine.tools;

/**
 * One thing that is true about an address, e.g. "loopback" with what that means in practice.
 *
 * @param kind        machine-readable category
 * @param label       short text for a chip or list, e.g. "private (RFC 1918)"
 * @param explanation a sentence or two for the user
 */
public record AddressLabel(Kind kind, String label, String explanation) {

    public enum Kind {
        LOOPBACK, WILDCARD, THIS_NETWORK, PRIVATE, SHARED_CGNAT, LINK_LOCAL, MULTICAST, LIMITED_BROADCAST,
        DIRECTED_BROADCAST, NETWORK_ADDRESS, DOCUMENTATION, BENCHMARKING, RESERVED, UNIQUE_LOCAL, IPV4_MAPPED,
        TRANSLATION, NO_BROADCAST, GLOBAL
    }
}
