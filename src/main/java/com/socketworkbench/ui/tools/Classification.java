package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.AddressClassifier;
import com.socketworkbench.engine.tools.AddressLabel;

import java.util.List;

/**
 * Everything {@link AddressClassifier} says about one address.
 *
 * @param subject the address classified, canonical text
 * @param prefix  the prefix the user gave for recognising broadcast and network addresses ("24",
 *                "255.255.255.0"), or null
 * @param labels  one entry per fact, most specific first
 */
public record Classification(String subject, String prefix, List<AddressLabel> labels) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    public Classification {
        labels = List.copyOf(labels);
    }

    /**
     * @param prefixText "", "24", "/24" or an IPv4 netmask
     * @throws IllegalArgumentException with a message for the user when the prefix does not fit the address
     */
    public static Classification of(String subject, String prefixText) {
        String prefix = prefixText == null ? "" : prefixText.strip();
        if (prefix.startsWith("/")) {
            prefix = prefix.substring(1).strip();
        }
        if (prefix.isEmpty()) {
            return new Classification(subject, null, AddressClassifier.classify(subject, null));
        }
        return new Classification(subject, prefix, AddressClassifier.classify(subject + "/" + prefix, null));
    }

    /** "127.0.0.1 is loopback (127.0.0.0/8)", the facts joined. */
    public String sentence() {
        String facts = String.join(TEXT.get("classify.factSeparator"), labels.stream().map(AddressLabel::label)
                .toList());
        return prefix == null ? TEXT.get("classify.sentence", subject, facts)
                : TEXT.get("classify.sentenceWithPrefix", subject, prefix, facts);
    }
}
