package com.socketworkbench.engine.rules;

/** Finds a rule's pattern in a message. Immutable and thread-safe: every socket thread of a tab shares one. */
interface ByteMatcher {

    /** The first match in {@code data[0, length)}, or null when there is none. */
    Captures find(byte[] data, int length);

    /** Matches every message; {@code $0} is the whole message. */
    ByteMatcher ANY = (data, length) -> new Captures(new byte[][]{java.util.Arrays.copyOf(data, length)});
}
