package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;
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
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");

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
            throw new IllegalArgumentException(TEXT.get("address.error.prefixRange", bits,
                    bits == 32 ? "IPv4" : "IPv6", prefix));
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
            labels.add(fact(Kind.WILDCARD, "ipv4.wildcard"));
        } else if (a0 == 0) {
            labels.add(fact(Kind.THIS_NETWORK, "ipv4.thisNetwork"));
        } else if (a0 == 127) {
            labels.add(fact(Kind.LOOPBACK, "ipv4.loopback"));
        } else if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            String block = a0 == 10 ? "10.0.0.0/8" : a0 == 172 ? "172.16.0.0/12" : "192.168.0.0/16";
            labels.add(fact(Kind.PRIVATE, "ipv4.private", block));
        } else if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            labels.add(fact(Kind.SHARED_CGNAT, "ipv4.shared"));
        } else if (a0 == 169 && a1 == 254) {
            labels.add(fact(Kind.LINK_LOCAL, "ipv4.linkLocal"));
        } else if (a0 >= 224 && a0 <= 239) {
            labels.add(fact(Kind.MULTICAST, "ipv4.multicast", ipv4MulticastScope(a0, a1, a2)));
        } else if (value == 0xFFFF_FFFFL) {
            labels.add(fact(Kind.LIMITED_BROADCAST, "ipv4.limitedBroadcast"));
        } else if (a0 >= 240) {
            labels.add(fact(Kind.RESERVED, "ipv4.reserved"));
        } else if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            labels.add(fact(Kind.DOCUMENTATION, "ipv4.documentation"));
        } else if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            labels.add(fact(Kind.BENCHMARKING, "ipv4.benchmarking"));
        } else if (a0 == 192 && a1 == 0 && a2 == 0) {
            labels.add(fact(Kind.RESERVED, "ipv4.ietf"));
        } else {
            special = false;
        }
        if (prefix != null) {
            addSubnetRoleIpv4(labels, value, prefix);
        }
        if (!special) {
            labels.add(fact(Kind.GLOBAL, "ipv4.global"));
        }
        return labels;
    }

    /** One fact from the bundle: {@code address.<key>.label} and {@code address.<key>.explanation}. */
    private static AddressLabel fact(Kind kind, String key, Object... arguments) {
        return new AddressLabel(kind, TEXT.get("address." + key + ".label", arguments),
                TEXT.get("address." + key + ".explanation", arguments));
    }

    private static String ipv4MulticastScope(int a0, int a1, int a2) {
        if (a0 == 224 && a1 == 0 && a2 == 0) {
            return TEXT.get("address.ipv4.multicast.localControl");
        }
        if (a0 == 232) {
            return TEXT.get("address.ipv4.multicast.sourceSpecific");
        }
        if (a0 == 239) {
            return TEXT.get("address.ipv4.multicast.adminScoped");
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
            labels.add(fact(Kind.DIRECTED_BROADCAST, "ipv4.directedBroadcast", network));
        } else if ((value & hostMask) == 0 && value != 0) {
            labels.add(fact(Kind.NETWORK_ADDRESS, "ipv4.networkAddress", network));
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
            labels.add(fact(Kind.WILDCARD, "ipv6.unspecified"));
        } else if (allZeroButLast && b[15] == 1) {
            labels.add(fact(Kind.LOOPBACK, "ipv6.loopback"));
        } else if (AddressConverter.isIpv4Mapped(b)) {
            String v4 = AddressConverter.fromBytes(Arrays.copyOfRange(b, 12, 16)).dotted();
            labels.add(fact(Kind.IPV4_MAPPED, "ipv6.mapped", v4));
            for (AddressLabel inner : classifyIpv4(Arrays.copyOfRange(b, 12, 16), null)) {
                labels.add(new AddressLabel(inner.kind(), TEXT.get("address.ipv6.mapped.inner", inner.label()),
                        inner.explanation()));
            }
            return labels;
        } else if (first == 0x00 && second == 0x64 && (b[2] & 0xFF) == 0xff && (b[3] & 0xFF) == 0x9b
                && Arrays.stream(new int[]{4, 5, 6, 7, 8, 9, 10, 11}).allMatch(i -> b[i] == 0)) {
            labels.add(fact(Kind.TRANSLATION, "ipv6.nat64"));
        } else if (first == 0xfe && (second & 0xC0) == 0x80) {
            labels.add(fact(Kind.LINK_LOCAL, "ipv6.linkLocal"));
        } else if (first == 0xfe && (second & 0xC0) == 0xC0) {
            labels.add(fact(Kind.RESERVED, "ipv6.siteLocal"));
        } else if ((first & 0xFE) == 0xFC) {
            labels.add(fact(Kind.UNIQUE_LOCAL, first == 0xFD ? "ipv6.uniqueLocalRandom" : "ipv6.uniqueLocal"));
        } else if (first == 0xFF) {
            labels.add(fact(Kind.MULTICAST, "ipv6.multicast", ipv6MulticastScope(second & 0x0F), wellKnownGroup(b)));
        } else if (first == 0x20 && second == 0x01 && (b[2] & 0xFF) == 0x0d && (b[3] & 0xFF) == 0xb8) {
            labels.add(fact(Kind.DOCUMENTATION, "ipv6.documentation"));
        } else if (first == 0x20 && second == 0x02) {
            labels.add(fact(Kind.TRANSLATION, "ipv6.6to4"));
        } else if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            labels.add(fact(Kind.TRANSLATION, "ipv6.teredo"));
        } else if ((first & 0xE0) == 0x20) {
            special = false;
        } else {
            labels.add(fact(Kind.RESERVED, "ipv6.reserved"));
        }
        if (prefix != null) {
            labels.add(fact(Kind.NO_BROADCAST, "ipv6.noBroadcast"));
            BigInteger value = new BigInteger(1, b);
            BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE);
            if (prefix < 127 && value.and(hostMask).signum() == 0 && !allZeroButLast) {
                labels.add(fact(Kind.NETWORK_ADDRESS, "ipv6.subnetRouterAnycast", prefix));
            }
        }
        if (!special) {
            labels.add(fact(Kind.GLOBAL, "ipv6.global"));
        }
        return labels;
    }

    private static String ipv6MulticastScope(int scope) {
        return switch (scope) {
            case 0x1 -> TEXT.get("address.scope.interfaceLocal");
            case 0x2 -> TEXT.get("address.scope.linkLocal");
            case 0x4 -> TEXT.get("address.scope.adminLocal");
            case 0x5 -> TEXT.get("address.scope.siteLocal");
            case 0x8 -> TEXT.get("address.scope.organisationLocal");
            case 0xE -> TEXT.get("address.scope.global");
            default -> TEXT.get("address.scope.reserved", Integer.toHexString(scope));
        };
    }

    private static String wellKnownGroup(byte[] b) {
        boolean linkScopeFixed = (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0x02
                && Arrays.stream(new int[]{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}).allMatch(i -> b[i] == 0);
        if (linkScopeFixed && b[15] == 1) {
            return TEXT.get("address.group.allNodes");
        }
        if (linkScopeFixed && b[15] == 2) {
            return TEXT.get("address.group.allRouters");
        }
        return "";
    }
}
