package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import java.util.Collection;
import java.util.Locale;

/**
 * Names in the library are unique, so a message can be told apart in the list and named in a status line: a new
 * name is suggested from the text it saves, and a name already taken becomes {@code "name (2)"}, {@code "name (3)"}.
 */
final class MessageNames {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    static final int SUGGESTED_LENGTH = 32;

    private MessageNames() {
    }

    /** The first line of the editor's text, spaces collapsed and cut to {@value #SUGGESTED_LENGTH} characters. */
    static String suggest(String text) {
        String firstLine = "";
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                firstLine = line.strip().replaceAll("\\s+", " ");
                break;
            }
        }
        if (firstLine.isEmpty()) {
            return TEXT.get("name.fallback");
        }
        return firstLine.length() <= SUGGESTED_LENGTH ? firstLine
                : firstLine.substring(0, SUGGESTED_LENGTH).strip() + "…";
    }

    /** {@code wanted} when no name in {@code taken} equals it, else the first free {@code "wanted (n)"}, n ≥ 2. */
    static String unique(String wanted, Collection<String> taken) {
        if (!taken.contains(wanted)) {
            return wanted;
        }
        for (int n = 2; ; n++) {
            String candidate = wanted + " (" + n + ")";
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Whether {@code query} (already lower case) is in {@code value}, ignoring case. */
    static boolean containsIgnoringCase(String value, String query) {
        return value.toLowerCase(Locale.ROOT).contains(query);
    }
}
