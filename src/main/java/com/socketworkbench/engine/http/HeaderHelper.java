package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds header lines safely: nothing a user types into a name/value field can split the head. */
public final class HeaderHelper {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderHelper() {
    }

    /** "Name: value" (no line ending). */
    public static String headerLine(String name, String value) {
        checkName(name);
        checkValue(value);
        return name + ": " + value;
    }

    /** Throws IllegalArgumentException naming the first character that is not allowed in a field name (RFC 9110 token). */
    public static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("header.name.empty"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                throw new IllegalArgumentException(TEXT.get(c == '\r' || c == '\n' || c == '\0'
                        ? "header.name.breaks" : "header.name.character", describe(c), i));
            }
        }
    }

    /** Throws IllegalArgumentException for CR, LF or NUL in a field value, naming it and its position. */
    public static void checkValue(String value) {
        if (value == null) {
            throw new IllegalArgumentException(TEXT.get("header.value.missing"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException(TEXT.get("header.value.breaks", describe(c), i));
            }
        }
    }

    /**
     * The values of the header {@code name} (case-insensitive) in a raw head as sent or received, in order; lines
     * without a colon and the start line are skipped.
     */
    public static List<String> valuesIn(byte[] head, String name) {
        List<String> values = new ArrayList<>();
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).strip().equalsIgnoreCase(name)) {
                values.add(lines[i].substring(colon + 1).strip());
            }
        }
        return values;
    }

    /** Whether one of {@code values} lists {@code token} (comma-separated, case-insensitive). */
    public static boolean hasToken(List<String> values, String token) {
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c < 128 && TCHAR_SYMBOLS.indexOf(c) >= 0);
    }

    static String describe(char c) {
        return switch (c) {
            case '\r' -> TEXT.get("char.cr");
            case '\n' -> TEXT.get("char.lf");
            case '\0' -> TEXT.get("char.nul");
            case ' ' -> TEXT.get("char.space");
            case '\t' -> TEXT.get("char.tab");
            default -> c < 0x20 || c == 0x7f
                    ? TEXT.get("char.control", String.format("U+%04X", (int) c))
                    : "'" + c + "'";
        };
    }
}
