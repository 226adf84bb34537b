package com.socketworkbench.engine.rules;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes to find, some of them wildcards: a HEX rule's {@code 01 03 ?? ?? 00 0A}, or a TEXT rule's encoded text
 * (no wildcards). Each run of wildcards is a capture group, numbered from 1 left to right, so a reply can echo the
 * bytes that varied ({@code $1}).
 */
final class BytePattern implements ByteMatcher {
    private final byte[] bytes;
    private final boolean[] wild;
    /** Start and end (exclusive) offsets of each wildcard run within the pattern. */
    private final int[][] runs;

    BytePattern(byte[] bytes, boolean[] wild) {
        this.bytes = bytes;
        this.wild = wild;
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < wild.length; i++) {
            if (wild[i] && (i == 0 || !wild[i - 1])) {
                int end = i;
                while (end < wild.length && wild[end]) {
                    end++;
                }
                found.add(new int[]{i, end});
            }
        }
        runs = found.toArray(int[][]::new);
    }

    /** Exactly {@code literal}, no wildcards. */
    static BytePattern literal(byte[] literal) {
        return new BytePattern(literal, new boolean[literal.length]);
    }

    /**
     * Reads a hex pattern: byte pairs and {@code ??}, separated (or not) by whitespace or {@code : , -}.
     *
     * @throws InvalidRuleException (MATCH) naming the position of a bad digit, a lone {@code ?} or digit
     */
    static BytePattern parseHex(String text) throws InvalidRuleException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Boolean> wilds = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == ',' || c == '-') {
                i++;
                continue;
            }
            if (c == '?') {
                if (i + 1 >= n || text.charAt(i + 1) != '?') {
                    throw new InvalidRuleException(InvalidRuleException.Field.MATCH,
                            RuleTexts.TEXT.get("error.hex.wildcard", i + 1), i);
                }
                out.write(0);
                wilds.add(true);
                i += 2;
                continue;
            }
            int high = hexValue(c);
            if (high < 0) {
                throw new InvalidRuleException(InvalidRuleException.Field.MATCH,
                        RuleTexts.TEXT.get("error.hex.digit", String.valueOf(c), i + 1), i);
            }
            int low = i + 1 < n ? hexValue(text.charAt(i + 1)) : -1;
            if (low < 0) {
                throw new InvalidRuleException(InvalidRuleException.Field.MATCH,
                        RuleTexts.TEXT.get("error.hex.odd", String.valueOf(c), i + 1), i);
            }
            out.write(high << 4 | low);
            wilds.add(false);
            i += 2;
        }
        if (wilds.isEmpty()) {
            throw new InvalidRuleException(InvalidRuleException.Field.MATCH, RuleTexts.TEXT.get("error.pattern.empty"),
                    -1);
        }
        boolean[] wild = new boolean[wilds.size()];
        for (int k = 0; k < wild.length; k++) {
            wild[k] = wilds.get(k);
        }
        return new BytePattern(out.toByteArray(), wild);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    @Override
    public Captures find(byte[] data, int length) {
        int last = length - bytes.length;
        for (int start = 0; start <= last; start++) {
            if (matchesAt(data, start)) {
                byte[][] groups = new byte[runs.length + 1][];
                groups[0] = Arrays.copyOfRange(data, start, start + bytes.length);
                for (int g = 0; g < runs.length; g++) {
                    groups[g + 1] = Arrays.copyOfRange(data, start + runs[g][0], start + runs[g][1]);
                }
                return new Captures(groups);
            }
        }
        return null;
    }

    private boolean matchesAt(byte[] data, int start) {
        for (int i = 0; i < bytes.length; i++) {
            if (!wild[i] && data[start + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
