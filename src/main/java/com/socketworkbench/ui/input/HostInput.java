package com.socketworkbench.ui.input;

/**
 * A remote host as typed: a name or an IPv4/IPv6 literal, judged live (not empty, no spaces). Whether the name
 * resolves is the engine's business when connecting.
 */
public final class HostInput extends TextInput {

    public HostInput(String initial) {
        super(initial, text -> InputVerdict.error(problem(text)));
    }

    /** The problem with {@code text} as a host in plain words, or empty when it is acceptable. */
    public static String problem(String text) {
        String host = text == null ? "" : text.strip();
        if (host.isEmpty()) {
            return InputTexts.TEXT.get("host.empty");
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            return InputTexts.TEXT.get("host.spaces");
        }
        return "";
    }

    /** The host with surrounding blanks and IPv6 brackets removed ("[::1]" → "::1"). */
    public String host() {
        String host = text();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }
}
