package com.socketworkbench.engine.rules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regex over the message's bytes read as ISO-8859-1: one char per byte, so {@code .} is one byte, {@code \x00}
 * is byte 0 and every capture is exact bytes, whatever the tab's charset. A character the user types beyond ASCII
 * ({@code 你好}) stands for its bytes in the rule's charset, so text in that charset matches too (inside a character
 * class {@code [...]} it would stand for those bytes one by one, not for the character).
 */
final class RegexMatcher implements ByteMatcher {
    private static final int GROUPS = 10;

    private final Pattern pattern;

    private RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws InvalidRuleException (MATCH) with the position in what the user typed */
    static RegexMatcher compile(String regex, Charset charset) throws InvalidRuleException {
        if (regex.isEmpty()) {
            throw new InvalidRuleException(InvalidRuleException.Field.MATCH, RuleTexts.TEXT.get("error.pattern.empty"),
                    -1);
        }
        StringBuilder translated = new StringBuilder(regex.length());
        int[] origin = new int[regex.length() * 24 + 1];
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            int start = i;
            int from = translated.length();
            if (c < 0x80) {
                translated.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < regex.length() ? i + 2 : i + 1;
                byte[] bytes = regex.substring(i, end).getBytes(charset);
                translated.append("(?:");
                for (byte b : bytes) {
                    translated.append(String.format("\\x%02x", b & 0xff));
                }
                translated.append(')');
                if (end == i + 2) {
                    i++;
                }
            }
            Arrays.fill(origin, from, translated.length(), start);
        }
        origin[translated.length()] = regex.length();
        try {
            return new RegexMatcher(Pattern.compile(translated.toString()));
        } catch (PatternSyntaxException e) {
            int index = e.getIndex() < 0 ? -1 : origin[Math.min(e.getIndex(), translated.length())];
            String message = index < 0
                    ? RuleTexts.TEXT.get("error.regex", e.getDescription())
                    : RuleTexts.TEXT.get("error.regex.at", index + 1, e.getDescription());
            throw new InvalidRuleException(InvalidRuleException.Field.MATCH, message, index);
        }
    }

    @Override
    public Captures find(byte[] data, int length) {
        Matcher matcher = pattern.matcher(new String(data, 0, length, StandardCharsets.ISO_8859_1));
        if (!matcher.find()) {
            return null;
        }
        int count = Math.min(matcher.groupCount() + 1, GROUPS);
        byte[][] groups = new byte[count][];
        for (int g = 0; g < count; g++) {
            groups[g] = matcher.start(g) < 0 ? new byte[0]
                    : Arrays.copyOfRange(data, matcher.start(g), matcher.end(g));
        }
        return new Captures(groups);
    }
}
