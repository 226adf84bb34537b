package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;
import java.math.BigInteger;

/** Subnet arithmetic for "address/prefix" (or "address/netmask" for IPv4), IPv4 and IPv6. */
public final class SubnetCalculator {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");

    /**
     * A subnet worked out from one address in it.
     *
     * @param address        the address as given, in canonical text
     * @param ipv6           true for IPv6
     * @param prefixLength   e.g. 24
     * @param network        the network address, "192.168.1.0"
     * @param netmask        dotted mask "255.255.255.0" (IPv4), or for IPv6 the mask in compressed text
     *                       ("ffff:ffff:ffff:ffff::")
     * @param wildcardMask   the inverted mask "0.0.0.255" (IPv4, as used in ACLs); null for IPv6
     * @param broadcast      the directed broadcast address; null for IPv6, /31 and /32
     * @param firstHost      first address that can be given to a host
     * @param lastHost       last address that can be given to a host
     * @param hostCount      number of assignable addresses
     * @param totalAddresses number of addresses in the subnet, 2^(bits - prefix)
     * @param note           what is special about this subnet (/31, /32, IPv6), else null
     */
    public record Subnet(String address, boolean ipv6, int prefixLength, String network, String netmask,
                         String wildcardMask, String broadcast, String firstHost, String lastHost,
                         BigInteger hostCount, BigInteger totalAddresses, String note) {

        /** "192.168.1.0/24". */
        public String cidr() {
            return network + "/" + prefixLength;
        }
    }

    private SubnetCalculator() {
    }

    /**
     * @param text "192.168.1.10/24", "192.168.1.10/255.255.255.0", "192.168.1.10 255.255.255.0" or
     *             "2001:db8::1/64"
     * @throws IllegalArgumentException with a message for the user
     */
    public static Subnet calculate(String text) {
        String input = text == null ? "" : text.strip();
        int slash = input.indexOf('/');
        String addressText;
        String prefixText;
        if (slash >= 0) {
            addressText = input.substring(0, slash).strip();
            prefixText = input.substring(slash + 1).strip();
        } else if (input.contains(" ")) {
            addressText = input.substring(0, input.indexOf(' '));
            prefixText = input.substring(input.indexOf(' ') + 1).strip();
        } else {
            throw new IllegalArgumentException(input.isEmpty() ? TEXT.get("subnet.error.empty")
                    : TEXT.get("subnet.error.noPrefix", input, input + (input.contains(":") ? "/64" : "/24")));
        }
        byte[] bytes = AddressConverter.parseLiteral(addressText);
        boolean ipv6 = bytes.length == 16;
        int prefix = parsePrefix(prefixText, input, ipv6);
        int bits = bytes.length * 8;

        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(hostMask);
        BigInteger value = new BigInteger(1, bytes);
        BigInteger network = value.and(mask);
        BigInteger last = network.or(hostMask);
        BigInteger total = BigInteger.ONE.shiftLeft(bits - prefix);

        if (ipv6) {
            return new Subnet(text(value, 16), true, prefix, text(network, 16), text(mask, 16), null, null,
                    text(network, 16), text(last, 16), total, total, prefix == 64 ? TEXT.get("subnet.note.ipv6")
                    : TEXT.get(prefix < 64 ? "subnet.note.ipv6Shorter" : "subnet.note.ipv6Longer", prefix));
        }
        String note = null;
        String broadcast = text(last, 4);
        BigInteger first = network.add(BigInteger.ONE);
        BigInteger lastHost = last.subtract(BigInteger.ONE);
        BigInteger hosts = total.subtract(BigInteger.TWO);
        if (prefix == 32) {
            broadcast = null;
            first = network;
            lastHost = network;
            hosts = BigInteger.ONE;
            note = TEXT.get("subnet.note.32");
        } else if (prefix == 31) {
            broadcast = null;
            first = network;
            lastHost = last;
            hosts = BigInteger.TWO;
            note = TEXT.get("subnet.note.31");
        }
        return new Subnet(text(value, 4), false, prefix, text(network, 4), text(mask, 4), text(hostMask, 4),
                broadcast, text(first, 4), text(lastHost, 4), hosts, total, note);
    }

    /** A prefix length ("24", "/24") or, for IPv4, a dotted netmask ("255.255.255.0"). */
    static int parsePrefix(String prefixText, String input, boolean ipv6) {
        String p = prefixText.strip();
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        int bits = ipv6 ? 128 : 32;
        if (!ipv6 && p.contains(".")) {
            return prefixOfNetmask(p);
        }
        if (!p.matches("\\d{1,3}")) {
            throw new IllegalArgumentException(TEXT.get(ipv6 ? "subnet.error.prefix6" : "subnet.error.prefix4",
                    prefixText, input, bits));
        }
        int prefix = Integer.parseInt(p);
        if (prefix > bits) {
            throw new IllegalArgumentException(TEXT.get("subnet.error.prefixRange", prefix, ipv6 ? "IPv6" : "IPv4",
                    bits));
        }
        return prefix;
    }

    private static int prefixOfNetmask(String maskText) {
        long mask = new BigInteger(1, AddressConverter.parseLiteral(maskText)).longValue();
        int prefix = Long.numberOfLeadingZeros(~mask & 0xFFFF_FFFFL) - 32;
        long expected = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
        if (mask != expected) {
            throw new IllegalArgumentException(TEXT.get("subnet.error.netmask", maskText));
        }
        return prefix;
    }

    private static String text(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        return length == 4 ? AddressConverter.fromBytes(bytes).dotted()
                : AddressConverter.fromBytes16(bytes, null).compressed();
    }
}
