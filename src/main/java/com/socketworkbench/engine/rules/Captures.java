package com.socketworkbench.engine.rules;

import java.util.Arrays;

/** What a match caught: group 0 is the whole match, 1 to 9 the pattern's groups (empty when a group took no part). */
public record Captures(byte[][] groups) {
    private static final byte[] NONE = new byte[0];

    /** The bytes of group {@code index}; empty for a group the pattern does not have. */
    public byte[] group(int index) {
        return index < groups.length && groups[index] != null ? groups[index] : NONE;
    }

    @Override
    public String toString() {
        return "Captures" + Arrays.deepToString(groups);
    }
}
