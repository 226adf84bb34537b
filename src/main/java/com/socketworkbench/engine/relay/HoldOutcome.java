package com.socketworkbench.engine.relay;

/** How a held chunk was released. */
public enum HoldOutcome {
    /** Forwarded unchanged by the user. */
    FORWARDED,
    /** Forwarded with bytes the user changed. */
    EDITED,
    /** Dropped by the user. */
    DROPPED,
    /** The hold timed out and the chunk was forwarded unchanged. */
    TIMED_OUT_FORWARDED,
    /** The hold timed out and the chunk was dropped. */
    TIMED_OUT_DROPPED,
    /** The pair (or the whole relay) closed while the chunk was held: it was not delivered. */
    PAIR_CLOSED
}
