package com.socketworkbench.engine.capture;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Why an export or a recording left a row out, in words a summary can show after the count. */
public enum SkipReason {
    /** pcapng only: Unix domain sockets have no IP addresses or ports, so no IP packet can carry their bytes. */
    UNIX_SOCKET("Unix domain socket rows (a pcapng of IP packets cannot carry them)"),
    /** pcapng only: listener, notice, rejection and failure rows are not traffic. */
    NO_PACKET("listener, notice and failure rows (not packets)"),
    /** pcapng only: a row whose local or remote address is missing or unresolved. */
    UNKNOWN_ADDRESS("rows without a known IP address and port"),
    /** pcapng only: a TCP data row with no bytes (TCP sends no empty segment). */
    NO_BYTES("TCP rows with no bytes"),
    /** pcapng only: a datagram larger than one IP packet can hold. */
    TOO_LARGE("datagrams too large for one IP packet"),
    /** Raw bytes only: rows that carry no payload (connections opening and closing, notices, failures). */
    NOT_DATA("rows without payload bytes");

    private final String words;

    SkipReason(String words) {
        this.words = words;
    }

    /** What the rows left out for this reason are, e.g. "rows without payload bytes". */
    public String words() {
        return words;
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
