package com.socketworkbench.ui.http;

import java.util.Locale;

/**
 * The header helper's fields are single-line text fields, which silently drop CR, LF and NUL. So the fields take
 * the escapes the rest of the app uses ({@code \r \n \t \0 \\ \xNN}), and pasted control characters are turned into
 * those escapes instead of vanishing: an attempt to smuggle a line break is visible and refused, never lost.
 */
final class HeaderEscapes {
    private HeaderEscapes() {
    }

    /** The characters the escapes name; a backslash before anything else stays a backslash. */
    static String unescape(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c != '\\' || i + 1 >= typed.length()) {
                out.append(c);
                continue;
            }
            char next = typed.charAt(i + 1);
            switch (next) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                case 'x' -> {
                    if (i + 3 < typed.length() && isHex(typed.charAt(i + 2)) && isHex(typed.charAt(i + 3))) {
                        out.append((char) Integer.parseInt(typed.substring(i + 2, i + 4), 16));
                        i += 2;
                    } else {
                        out.append("\\x");
                    }
                }
                default -> {
                    out.append(c);
                    continue;
                }
            }
            i++;
        }
        return out.toString();
    }

    /** Control characters as escapes: a real CR LF becomes the four characters {@code \r\n}. */
    static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\0' -> "\\0";
                default -> c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
