package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.AddressConverter;
import com.socketworkbench.engine.tools.AddressConverter.Ipv4;

import java.util.regex.Pattern;

/**
 * What the IPv4 box of the converter understood: one box takes every form, so the user can go from any of them to
 * the others.
 *
 * @param address the address
 * @param readAs  how the text was read, e.g. "dotted quad" or "4 bytes in hex"
 * @param note    inet_aton's remark on an unusual form (short form, octal, hex parts), else null
 */
public record Ipv4Reading(Ipv4 address, String readAs, String note) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    private static final Pattern SEPARATED_BYTES = Pattern.compile("(?i)(0x)?[0-9a-f]{1,2}([\\s:-]+[0-9a-f]{1,2}){3}");
    private static final Pattern PLAIN_HEX_WITH_LETTER = Pattern.compile("(?i)(?=.*[a-f])[0-9a-f]{8}");
    private static final Pattern DECIMAL = Pattern.compile("\\d+");
    private static final Pattern HEX_NUMBER = Pattern.compile("(?i)0x[0-9a-f]+");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * Reads "127.0.0.1", "2130706433", "0x7f000001", "7f 00 00 01", "7f:00:00:01", "7f000001" and inet_aton's short
     * and octal forms ("127.1", "0177.0.0.1").
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static Ipv4Reading parse(String text) {
        String input = text == null ? "" : text.strip();
        if (SEPARATED_BYTES.matcher(input).matches() || PLAIN_HEX_WITH_LETTER.matcher(input).matches()) {
            return new Ipv4Reading(AddressConverter.parseIpv4Bytes(input), TEXT.get("converter.readAs.bytes"),
                    null);
        }
        if (input.contains("/")) {
            throw new IllegalArgumentException(TEXT.get("converter.ipv4.error.slash", input));
        }
        Ipv4 address = AddressConverter.parseIpv4(input);
        // A whole number in decimal or hex needs no inet_aton remark: "read as" already says it.
        if (DOTTED_QUAD.matcher(input).matches() && address.note() == null) {
            return new Ipv4Reading(address, TEXT.get("converter.readAs.dotted"), null);
        }
        if (DECIMAL.matcher(input).matches() && !(input.length() > 1 && input.startsWith("0"))) {
            return new Ipv4Reading(address, TEXT.get("converter.readAs.number"), null);
        }
        if (HEX_NUMBER.matcher(input).matches()) {
            return new Ipv4Reading(address, TEXT.get("converter.readAs.hex"), null);
        }
        return new Ipv4Reading(address, TEXT.get("converter.readAs.inetAton"), address.note());
    }
}
