// Over 400 lines: both families in one place, as inet_aton/inet_pton, sharing the literal parsing and messages.
package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Converts IP addresses between their written forms, as {@code inet_aton}/{@code inet_ntoa} and
 * {@code inet_pton}/{@code inet_ntop} do. Pure text and arithmetic: nothing is looked up or sent.
 * Errors are {@link IllegalArgumentException}s whose message names the offending part.
 */
public final class AddressConverter {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");

    /**
     * One IPv4 address in every form.
     *
     * @param dotted  "127.0.0.1" (what inet_ntoa prints)
     * @param value   the unsigned 32-bit number, 2130706433
     * @param hex     "0x7f000001"
     * @param bytes   the 4 bytes in network byte order (big endian), as inet_aton stores them
     * @param note    how the input was read when it was not a plain dotted quad (short form, octal, hex), else null
     */
    public record Ipv4(String dotted, long value, String hex, byte[] bytes, String note) {
        public Ipv4 {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** "7f 00 00 01". */
        public String bytesHex() {
            return HexFormat.ofDelimiter(" ").formatHex(bytes);
        }

        /** The IPv4-mapped IPv6 form, "::ffff:127.0.0.1", how a dual-stack IPv6 socket sees this address. */
        public String ipv4Mapped() {
            return "::ffff:" + dotted;
        }
    }

    /**
     * One IPv6 address in every form.
     *
     * @param compressed   RFC 5952 canonical text: lower case, no leading zeros, the longest run of zero groups as
     *                     "::", IPv4-mapped addresses with a dotted tail ("::ffff:192.0.2.1")
     * @param expanded     all eight groups with four digits, "2001:0db8:0000:0000:0000:0000:0000:0001"
     * @param bytes        the 16 bytes
     * @param value        the unsigned 128-bit number
     * @param mappedIpv4   the embedded IPv4 address of an IPv4-mapped address (::ffff:a.b.c.d), else null
     * @param zone         the zone after '%' (e.g. "eth0" for a link-local address), else null
     */
    public record Ipv6(String compressed, String expanded, byte[] bytes, BigInteger value, String mappedIpv4,
                       String zone) {
        public Ipv6 {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private AddressConverter() {
    }

    // ---- IPv4 ----

    /**
     * Reads IPv4 text the way {@code inet_aton} does: "a.b.c.d", and the short forms "a.b.c" (c fills 16 bits),
     * "a.b" (b fills 24 bits) and "a" (one 32-bit number); each part may be decimal, octal with a leading 0, or hex
     * with 0x. The note says when a form other than a plain decimal dotted quad was used.
     */
    public static Ipv4 parseIpv4(String text) {
        String input = requireText(text, "convert.enter.ipv4");
        String[] parts = input.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException(TEXT.get("convert.error.parts", input, parts.length));
        }
        long[] values = new long[parts.length];
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            values[i] = parsePart(parts[i], input, notes);
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            int bitsLeft = 8 * (4 - i);
            long limit = last ? (1L << bitsLeft) - 1 : 255;
            if (values[i] > limit) {
                throw new IllegalArgumentException(last && parts.length < 4
                        ? TEXT.get("convert.error.lastPartRange", parts[i], input, parts.length, bitsLeft / 8, limit)
                        : TEXT.get("convert.error.partRange", parts[i], input));
            }
            value = last ? (value << bitsLeft) | values[i] : (value << 8) | values[i];
        }
        Ipv4 result = fromValue(value, null);
        if (parts.length < 4) {
            notes.addFirst(parts.length == 1 ? TEXT.get("convert.note.shortOne", input, result.dotted())
                    : TEXT.get("convert.note.short", input, parts.length, 5 - parts.length, result.dotted()));
        }
        return fromValue(value, notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** An unsigned 32-bit value (0 to 4294967295) as an address. */
    public static Ipv4 fromValue(long value) {
        return fromValue(value, null);
    }

    /** Four bytes in network byte order, as in a packet or {@code inet_aton}'s output. */
    public static Ipv4 fromBytes(byte[] bytes) {
        if (bytes.length != 4) {
            throw new IllegalArgumentException(TEXT.get("convert.error.bytes4", bytes.length));
        }
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return fromValue(value, null);
    }

    /** Hex bytes such as "7f 00 00 01", "7f000001" or "7f:00:00:01". */
    public static Ipv4 parseIpv4Bytes(String text) {
        String input = requireText(text, "convert.enter.bytes");
        String digits = input.replaceAll("[\\s:.-]", "").toLowerCase(Locale.ROOT);
        if (digits.startsWith("0x")) {
            digits = digits.substring(2);
        }
        if (!digits.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException(TEXT.get("convert.error.hexBytes", input));
        }
        return fromBytes(HexFormat.of().parseHex(digits));
    }

    private static Ipv4 fromValue(long value, String note) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(TEXT.get("convert.error.valueRange", value));
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        String dotted = (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
        return new Ipv4(dotted, value, String.format("0x%08x", value), bytes, note);
    }

    private static long parsePart(String part, String input, List<String> notes) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("convert.error.emptyPart", input));
        }
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            // inet_aton reads a bare "0x" as zero.
            long value = lower.length() == 2 ? 0 : parseDigits(lower.substring(2), 16, part, input);
            notes.add(TEXT.get("convert.note.hex", part, value));
            return value;
        }
        if (lower.length() > 1 && lower.startsWith("0")) {
            long value = parseDigits(lower.substring(1), 8, part, input);
            notes.add(TEXT.get("convert.note.octal", part, value));
            return value;
        }
        return parseDigits(lower, 10, part, input);
    }

    private static long parseDigits(String digits, int radix, String part, String input) {
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                throw new IllegalArgumentException(TEXT.get(radix == 16 ? "convert.error.notHex"
                        : radix == 8 ? "convert.error.notOctal" : "convert.error.notDecimal", part, input));
            }
        }
        if (digits.length() > 12) {
            throw new IllegalArgumentException(TEXT.get("convert.error.tooLong", part, input));
        }
        return Long.parseLong(digits, radix);
    }

    // ---- IPv6 ----

    /** Parses IPv6 text: "::1", "2001:DB8::1", "[fe80::1%eth0]", "::ffff:192.0.2.1". */
    public static Ipv6 parseIpv6(String text) {
        String input = requireText(text, "convert.enter.ipv6");
        String body = input;
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        }
        String zone = null;
        int percent = body.indexOf('%');
        if (percent >= 0) {
            zone = body.substring(percent + 1);
            body = body.substring(0, percent);
            if (zone.isEmpty()) {
                throw new IllegalArgumentException(TEXT.get("convert.error.emptyZone", input));
            }
        }
        return fromBytes16(parseIpv6Bytes(body, input), zone);
    }

    /** Sixteen bytes as an address. */
    public static Ipv6 fromBytes16(byte[] bytes, String zone) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException(TEXT.get("convert.error.bytes16", bytes.length));
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        StringBuilder expanded = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            expanded.append(i == 0 ? "" : ":").append(String.format("%04x", groups[i]));
        }
        boolean mapped = isIpv4Mapped(bytes);
        String mappedIpv4 = mapped ? fromBytes(java.util.Arrays.copyOfRange(bytes, 12, 16)).dotted() : null;
        String compressed = mapped ? "::ffff:" + mappedIpv4 : compress(groups);
        return new Ipv6(compressed, expanded.toString(), bytes, new BigInteger(1, bytes), mappedIpv4, zone);
    }

    /** The IPv4-mapped IPv6 address for IPv4 text, "::ffff:127.0.0.1". */
    public static Ipv6 toIpv4Mapped(String ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        System.arraycopy(parseIpv4(ipv4).bytes(), 0, bytes, 12, 4);
        return fromBytes16(bytes, null);
    }

    /** Text of an address as people should see it: dotted IPv4, RFC 5952 IPv6 with its zone. */
    public static String canonical(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            String zone = v6.getScopedInterface() != null ? v6.getScopedInterface().getName()
                    : v6.getScopeId() != 0 ? Integer.toString(v6.getScopeId()) : null;
            Ipv6 parsed = fromBytes16(v6.getAddress(), zone);
            return zone == null ? parsed.compressed() : parsed.compressed() + "%" + zone;
        }
        return address.getHostAddress();
    }

    /**
     * The raw bytes of a literal address without any name look-up: a strict dotted quad (4 bytes) or IPv6 text
     * (16 bytes, zone ignored).
     */
    public static byte[] parseLiteral(String text) {
        String input = requireText(text, "convert.enter.ip");
        if (input.contains(":")) {
            return parseIpv6(input).bytes();
        }
        String[] parts = input.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(TEXT.get("convert.error.notIp", input));
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                throw new IllegalArgumentException(TEXT.get("convert.error.notByte", parts[i], input));
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new IllegalArgumentException(TEXT.get("convert.error.byteRange", v, input));
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    /** The address object for literal text, without DNS. */
    public static InetAddress toInetAddress(String literal) {
        try {
            return InetAddress.getByAddress(parseLiteral(literal));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address was rejected", e);
        }
    }

    static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    private static byte[] parseIpv6Bytes(String body, String input) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("convert.error.empty", input));
        }
        int doubleColon = body.indexOf("::");
        if (doubleColon >= 0 && body.indexOf("::", doubleColon + 1) >= 0) {
            throw new IllegalArgumentException(TEXT.get("convert.error.doubleColonTwice", input));
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        if (doubleColon >= 0) {
            parseGroups(body.substring(0, doubleColon), head, input, false);
            parseGroups(body.substring(doubleColon + 2), tail, input, true);
        } else {
            parseGroups(body, head, input, true);
        }
        int total = head.size() + tail.size();
        if (doubleColon < 0 && total != 8) {
            throw new IllegalArgumentException(TEXT.get("convert.error.groups", input, total));
        }
        if (doubleColon >= 0 && total > 7) {
            throw new IllegalArgumentException(TEXT.get("convert.error.tooManyGroups", input));
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            bytes[2 * i] = (byte) (head.get(i) >> 8);
            bytes[2 * i + 1] = (byte) (int) head.get(i);
        }
        int start = 8 - tail.size();
        for (int i = 0; i < tail.size(); i++) {
            bytes[2 * (start + i)] = (byte) (tail.get(i) >> 8);
            bytes[2 * (start + i) + 1] = (byte) (int) tail.get(i);
        }
        return bytes;
    }

    private static void parseGroups(String text, List<Integer> groups, String input, boolean mayEndInIpv4) {
        if (text.isEmpty()) {
            return;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (mayEndInIpv4 && i == parts.length - 1 && part.contains(".")) {
                byte[] v4 = parseLiteral(part);
                groups.add(((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF));
                groups.add(((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF));
                continue;
            }
            if (part.isEmpty()) {
                throw new IllegalArgumentException(TEXT.get("convert.error.emptyGroup", input));
            }
            if (part.length() > 4 || !part.matches("[0-9a-fA-F]+")) {
                throw new IllegalArgumentException(TEXT.get("convert.error.group", part, input));
            }
            groups.add(Integer.parseInt(part, 16));
        }
    }

    /** RFC 5952 section 4: the longest run of two or more zero groups becomes "::", the first if tied. */
    private static String compress(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** @param enterKey the bundle key of the message asking for the missing text, "enter an IPv4 address" */
    private static String requireText(String text, String enterKey) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get(enterKey));
        }
        return trimmed;
    }
}
