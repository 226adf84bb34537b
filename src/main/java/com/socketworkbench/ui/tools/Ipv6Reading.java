package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.AddressConverter;
import com.socketworkbench.engine.tools.AddressConverter.Ipv6;

/**
 * What the IPv6 box of the converter understood.
 *
 * @param address the address
 * @param note    a remark on the input (an IPv4 address turned into its IPv4-mapped form), else null
 */
public record Ipv6Reading(Ipv6 address, String note) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");

    /**
     * Reads IPv6 text ("2001:db8::1", "[fe80::1%eth0]", "::ffff:192.0.2.1"); a plain dotted IPv4 address is shown
     * as the IPv4-mapped IPv6 address a dual-stack socket would report for it.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static Ipv6Reading parse(String text) {
        String input = text == null ? "" : text.strip();
        if (!input.isEmpty() && !input.contains(":") && input.contains(".")) {
            Ipv6 mapped = AddressConverter.toIpv4Mapped(AddressConverter.fromBytes(
                    AddressConverter.parseLiteral(input)).dotted());
            return new Ipv6Reading(mapped, TEXT.get("converter.ipv6.note.mapped", input));
        }
        if (!input.isEmpty() && !input.contains(":")) {
            throw new IllegalArgumentException(TEXT.get("converter.ipv6.error.notIpv6", input));
        }
        return new Ipv6Reading(AddressConverter.parseIpv6(input), null);
    }

    /** The canonical text with its zone, "fe80::1%eth0". */
    public String withZone() {
        return address.zone() == null ? address.compressed() : address.compressed() + "%" + address.zone();
    }
}
