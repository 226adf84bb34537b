package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.text.Texts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Why an export or a recording left a row out, in words a summary can show after the count. */
public enum SkipReason {
    /** pcapng only: Unix domain sockets have no IP addresses or ports, so no IP packet can carry their bytes. */
    UNIX_SOCKET("skip.unix"),
    /** pcapng only: listener, notice, rejection and failure rows are not traffic. */
    NO_PACKET("skip.nopacket"),
    /** pcapng only: a row whose local or remote address is missing or unresolved. */
    UNKNOWN_ADDRESS("skip.address"),
    /** pcapng only: a TCP data row with no bytes (TCP sends no empty segment). */
    NO_BYTES("skip.nobytes"),
    /** pcapng only: a datagram larger than one IP packet can hold. */
    TOO_LARGE("skip.toolarge"),
    /** Raw bytes only: rows that carry no payload (connections opening and closing, notices, failures). */
    NOT_DATA("skip.notdata");

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.capture.capture");

    private final String key;

    SkipReason(String key) {
        this.key = key;
    }

    /** What the rows left out for this reason are, e.g. "rows without payload bytes", in the user's language. */
    public String words() {
        return TEXT.get(key);
    }

    /** An unmodifiable copy of {@code counts} without the reasons that counted nothing (for the summaries). */
    static Map<SkipReason, Long> nonZero(Map<SkipReason, Long> counts) {
        EnumMap<SkipReason, Long> copy = new EnumMap<>(SkipReason.class);
        counts.forEach((reason, count) -> {
            if (count > 0) {
                copy.put(reason, count);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
