package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.AddressClassifier;
import com.socketworkbench.engine.tools.AddressLabel;
import com.socketworkbench.engine.tools.Resolver.ResolvedAddress;

import java.util.List;

/**
 * One address of a resolved name as the table shows it.
 *
 * @param address canonical text, "127.0.0.1" or "::1"
 * @param family  "IPv4" or "IPv6"
 * @param kind    what sort of address it is ("loopback (127.0.0.0/8)"), or "" when that cannot be said
 */
public record AddressRow(String address, String family, String kind) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");

    static AddressRow of(ResolvedAddress resolved) {
        return new AddressRow(resolved.address(), resolved.family(), kind(resolved.address()));
    }

    private static String kind(String address) {
        int zone = address.indexOf('%');
        try {
            List<AddressLabel> labels = AddressClassifier.classify(zone < 0 ? address : address.substring(0, zone),
                    null);
            return String.join(TEXT.get("classify.factSeparator"), labels.stream().map(AddressLabel::label).toList());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
