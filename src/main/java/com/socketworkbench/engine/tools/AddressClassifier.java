package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.tools.AddressLabel.Kind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Says what kind of address something is: loopback, private, multicast, broadcast... Pure arithmetic on the
 * address's bits; nothing is looked up or sent.
 */
public final class AddressClassifier {

    private AddressClassifier() {
    }

    /**
     * @param address            an IPv4 dotted quad or IPv6 text, optionally with "/prefix" when
     *                           {@code prefixForBroadcast} is null
     * @param prefixForBroadcast the subnet's prefix length, to recognise its directed broadcast and network
     *                           address; null when unknown
     * @throws IllegalArgumentException with a message for the user when the address or prefix is invalid
     */
    public static List<AddressLabel> classify(String address, Integer prefixForBroadcast) {
        String text = address == null ? "" : address.strip();
        Integer prefix = prefixForBroadcast;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            if (prefix == null) {
                prefix = SubnetCalculator.parsePrefix(text.substring(slash + 1), text, text.indexOf(':') >= 0);
            }
            text = text.substring(0, slash).strip();
        }
        byte[] bytes = AddressConverter.parseLiteral(text);
        int bits = bytes.length * 8;
        if (prefix != null && (prefix < 0 || prefix > bits)) {
            throw new IllegalArgumentException("the prefix length must be between 0 and " + bits + " for "
                    + (bits == 32 ? "IPv4" : "IPv6") + ", not " + prefix);
        }
        return bytes.length == 4 ? classifyIpv4(bytes, prefix) : classifyIpv6(bytes, prefix);
    }

    private static List<AddressLabel> classifyIpv4(byte[] b, Integer prefix) {
        List<AddressLabel> labels = new ArrayList<>();
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        long value = new BigInteger(1, b).longValue();
        boolean special = true;
        if (value == 0) {
            labels.add(new AddressLabel(Kind.WILDCARD, "wildcard (INADDR_ANY)", "As a bind address, 0.0.0.0"
                    + " means every local interface (Python: bind(('', port)) or bind(('0.0.0.0', port))). It is"
                    + " not a destination."));
        } else if (a0 == 0) {
            labels.add(new AddressLabel(Kind.THIS_NETWORK, "\"this network\" (0.0.0.0/8)", "Means \"this host"
                    + " on this network\" and is only valid as a source while a host learns its address; never a"
                    + " destination."));
        } else if (a0 == 127) {
            labels.add(new AddressLabel(Kind.LOOPBACK, "loopback (127.0.0.0/8)", "Never leaves this computer:"
                    + " the loopback interface answers for all of 127.0.0.0/8, usually 127.0.0.1 (localhost)."));
        } else if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            String block = a0 == 10 ? "10.0.0.0/8" : a0 == 172 ? "172.16.0.0/12" : "192.168.0.0/16";
            labels.add(new AddressLabel(Kind.PRIVATE, "private (RFC 1918, " + block + ")", "For networks"
                    + " inside homes and organisations; not routed on the internet, which such hosts reach"
                    + " through NAT."));
        } else if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            labels.add(new AddressLabel(Kind.SHARED_CGNAT, "shared address space (RFC 6598, 100.64.0.0/10)",
                    "Used by internet providers between their carrier-grade NAT and customers; not routed on the"
                            + " internet."));
        } else if (a0 == 169 && a1 == 254) {
            labels.add(new AddressLabel(Kind.LINK_LOCAL, "link-local (RFC 3927, 169.254.0.0/16)", "Picked by a"
                    + " host itself when no DHCP server answers; valid only on the local link, never routed."));
        } else if (a0 >= 224 && a0 <= 239) {
            labels.add(new AddressLabel(Kind.MULTICAST, "multicast (224.0.0.0/4)" + ipv4MulticastScope(a0, a1, a2),
                    "Addresses a group: every socket that joined the group receives the datagrams. UDP only."));
        } else if (value == 0xFFFF_FFFFL) {
            labels.add(new AddressLabel(Kind.LIMITED_BROADCAST, "limited broadcast (255.255.255.255)", "Reaches"
                    + " every host on the local network segment; routers never forward it. Sending needs the"
                    + " SO_BROADCAST option."));
        } else if (a0 >= 240) {
            labels.add(new AddressLabel(Kind.RESERVED, "reserved (240.0.0.0/4, former class E)", "Set aside for"
                    + " future use; most systems refuse to send to it."));
        } else if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            labels.add(new AddressLabel(Kind.DOCUMENTATION, "documentation (RFC 5737)", "Reserved for examples"
                    + " in books and manuals (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24); never used on real"
                    + " networks."));
        } else if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            labels.add(new AddressLabel(Kind.BENCHMARKING, "benchmarking (RFC 2544, 198.18.0.0/15)", "Reserved"
                    + " for testing network equipment; not routed on the internet."));
        } else if (a0 == 192 && a1 == 0 && a2 == 0) {
            labels.add(new AddressLabel(Kind.RESERVED, "IETF protocol assignments (192.0.0.0/24)", "Reserved for"
                    + " special protocol uses; not a normal internet address."));
        } else {
            special = false;
        }
        if (prefix != null) {
            addSubnetRoleIpv4(labels, value, prefix);
        }
        if (!special) {
            labels.add(new AddressLabel(Kind.GLOBAL, "global unicast", "A public internet address, routable"
                    + " worldwide."));
        }
        return labels;
    }

    private static String ipv4MulticastScope(int a0, int a1, int a2) {
        if (a0 == 224 && a1 == 0 && a2 == 0) {
            return ", local network control: never forwarded by routers";
        }
        if (a0 == 232) {
            return ", source-specific (232.0.0.0/8)";
        }
        if (a0 == 239) {
            return ", administratively scoped: stays inside an organisation";
        }
        return "";
    }

    private static void addSubnetRoleIpv4(List<AddressLabel> labels, long value, int prefix) {
        if (prefix >= 31) {
            return;
        }
        long hostMask = (1L << (32 - prefix)) - 1;
        String network = AddressConverter.fromValue(value & ~hostMask & 0xFFFF_FFFFL).dotted() + "/" + prefix;
        if ((value & hostMask) == hostMask && value != 0xFFFF_FFFFL) {
            labels.add(new AddressLabel(Kind.DIRECTED_BROADCAST, "directed broadcast of " + network, "Reaches every"
                    + " host in " + network + " (the host part is all ones). Routers normally drop it"
                    + " (RFC 2644); sending needs SO_BROADCAST."));
        } else if ((value & hostMask) == 0 && value != 0) {
            labels.add(new AddressLabel(Kind.NETWORK_ADDRESS, "network address of " + network, "Names the subnet"
                    + " itself (the host part is all zeros); it is not given to a host."));
        }
    }

    private static List<AddressLabel> classifyIpv6(byte[] b, Integer prefix) {
        List<AddressLabel> labels = new ArrayList<>();
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        boolean allZeroButLast = Arrays.stream(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
                .allMatch(i -> b[i] == 0);
        boolean special = true;
        if (allZeroButLast && b[15] == 0) {
            labels.add(new AddressLabel(Kind.WILDCARD, "unspecified (::)", "As a bind address, :: means every"
                    + " local interface; on a dual-stack socket it accepts IPv4 connections too. Not a"
                    + " destination."));
        } else if (allZeroButLast && b[15] == 1) {
            labels.add(new AddressLabel(Kind.LOOPBACK, "loopback (::1)", "Never leaves this computer: IPv6's"
                    + " counterpart of 127.0.0.1."));
        } else if (AddressConverter.isIpv4Mapped(b)) {
            String v4 = AddressConverter.fromBytes(Arrays.copyOfRange(b, 12, 16)).dotted();
            labels.add(new AddressLabel(Kind.IPV4_MAPPED, "IPv4-mapped (::ffff:0:0/96)", "How a dual-stack IPv6"
                    + " socket shows the IPv4 address " + v4 + "; the packets on the wire are plain IPv4."));
            for (AddressLabel inner : classifyIpv4(Arrays.copyOfRange(b, 12, 16), null)) {
                labels.add(new AddressLabel(inner.kind(), "IPv4 " + inner.label(), inner.explanation()));
            }
            return labels;
        } else if (first == 0x00 && second == 0x64 && (b[2] & 0xFF) == 0xff && (b[3] & 0xFF) == 0x9b
                && Arrays.stream(new int[]{4, 5, 6, 7, 8, 9, 10, 11}).allMatch(i -> b[i] == 0)) {
            labels.add(new AddressLabel(Kind.TRANSLATION, "NAT64 (64:ff9b::/96, RFC 6052)", "An IPv4 address"
                    + " written inside IPv6 so that IPv6-only hosts can reach it through a NAT64 gateway."));
        } else if (first == 0xfe && (second & 0xC0) == 0x80) {
            labels.add(new AddressLabel(Kind.LINK_LOCAL, "link-local (fe80::/10)", "Every IPv6 interface has one;"
                    + " valid only on its link, so it needs a zone such as %eth0 to say which link."));
        } else if (first == 0xfe && (second & 0xC0) == 0xC0) {
            labels.add(new AddressLabel(Kind.RESERVED, "site-local (fec0::/10, deprecated)", "An early kind of"
                    + " private IPv6 address, abandoned in RFC 3879; unique local addresses replaced it."));
        } else if ((first & 0xFE) == 0xFC) {
            labels.add(new AddressLabel(Kind.UNIQUE_LOCAL, "unique local (fc00::/7, RFC 4193)", "IPv6's"
                    + " counterpart of private addresses: routed inside an organisation, never on the internet."
                    + (first == 0xFD ? " The fd00::/8 half is for locally chosen random prefixes." : "")));
        } else if (first == 0xFF) {
            labels.add(new AddressLabel(Kind.MULTICAST, "multicast (ff00::/8), " + ipv6MulticastScope(second & 0x0F)
                    + " scope" + wellKnownGroup(b), "Addresses a group: every socket that joined it receives the"
                    + " datagrams. IPv6 has no broadcast; ff02::1 (all nodes on the link) takes its place."));
        } else if (first == 0x20 && second == 0x01 && (b[2] & 0xFF) == 0x0d && (b[3] & 0xFF) == 0xb8) {
            labels.add(new AddressLabel(Kind.DOCUMENTATION, "documentation (2001:db8::/32, RFC 3849)", "Reserved"
                    + " for examples in books and manuals; never used on real networks."));
        } else if (first == 0x20 && second == 0x02) {
            labels.add(new AddressLabel(Kind.TRANSLATION, "6to4 (2002::/16)", "An IPv6 address derived from an"
                    + " IPv4 address for tunnelling IPv6 over IPv4; deprecated (RFC 7526)."));
        } else if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            labels.add(new AddressLabel(Kind.TRANSLATION, "Teredo (2001::/32)", "IPv6 tunnelled through IPv4 NAT"
                    + " over UDP (RFC 4380)."));
        } else if ((first & 0xE0) == 0x20) {
            special = false;
        } else {
            labels.add(new AddressLabel(Kind.RESERVED, "reserved or unassigned", "Outside the ranges IANA has"
                    + " handed out for use; not a normal destination."));
        }
        if (prefix != null) {
            labels.add(new AddressLabel(Kind.NO_BROADCAST, "no broadcast in IPv6", "IPv6 subnets have no broadcast"
                    + " address; a message for every host on the link goes to the multicast group ff02::1."));
            BigInteger value = new BigInteger(1, b);
            BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE);
            if (prefix < 127 && value.and(hostMask).signum() == 0 && !allZeroButLast) {
                labels.add(new AddressLabel(Kind.NETWORK_ADDRESS, "subnet-router anycast of /" + prefix, "The"
                        + " address with an all-zero host part is the subnet-router anycast address (RFC 4291):"
                        + " it reaches one of the routers of the subnet."));
            }
        }
        if (!special) {
            labels.add(new AddressLabel(Kind.GLOBAL, "global unicast (2000::/3)", "A public internet address,"
                    + " routable worldwide."));
        }
        return labels;
    }

    private static String ipv6MulticastScope(int scope) {
        return switch (scope) {
            case 0x1 -> "interface-local";
            case 0x2 -> "link-local";
            case 0x4 -> "admin-local";
            case 0x5 -> "site-local";
            case 0x8 -> "organisation-local";
            case 0xE -> "global";
            default -> "reserved (" + Integer.toHexString(scope) + ")";
        };
    }

    private static String wellKnownGroup(byte[] b) {
        boolean linkScopeFixed = (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0x02
                && Arrays.stream(new int[]{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}).allMatch(i -> b[i] == 0);
        if (linkScopeFixed && b[15] == 1) {
            return ", all nodes";
        }
        if (linkScopeFixed && b[15] == 2) {
            return ", all routers";
        }
        return "";
    }
}
