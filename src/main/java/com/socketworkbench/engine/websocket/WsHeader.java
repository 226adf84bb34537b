package com.socketworkbench.engine.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An extra header of the opening handshake, as typed ("Name: value", one a line).
 *
 * @param name  a token (RFC 9110)
 * @param value no CR or LF
 */
public record WsHeader(String name, String value) {
    /** Headers the handshake writes itself. */
    private static final Set<String> OWN = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-protocol");
    /**
     * Of those, the ones a typed line replaces rather than is refused for: another Host tests a virtual host on the
     * same address, another version shows how a server answers it (426 and the versions it speaks). Upgrade,
     * Connection and the key stay the handshake's: without them, or with another key, no upgrade can be checked.
     */
    private static final Set<String> OVERRIDABLE = Set.of("host", "sec-websocket-version");

    /** Parses the header lines; blank lines are skipped. The message says which line is wrong and why. */
    public static List<WsHeader> parseLines(String text) {
        List<WsHeader> headers = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(WsUrl.TEXT.get("header.noColon", i + 1));
            }
            String name = line.substring(0, colon).strip();
            if (!isToken(name)) {
                throw new IllegalArgumentException(WsUrl.TEXT.get("header.name", i + 1, name));
            }
            if (name.equalsIgnoreCase("sec-websocket-protocol")) {
                throw new IllegalArgumentException(WsUrl.TEXT.get("header.protocol", i + 1));
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (OWN.contains(lower) && !OVERRIDABLE.contains(lower)) {
                throw new IllegalArgumentException(WsUrl.TEXT.get("header.own", i + 1, name));
            }
            headers.add(new WsHeader(name, line.substring(colon + 1).strip()));
        }
        return headers;
    }

    /** Whether a typed header {@code name} (any case) takes the place of the one the handshake would write. */
    public static boolean overridesDefault(String name) {
        return OVERRIDABLE.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the handshake writes header {@code name} itself (any case). */
    static boolean isOwn(String name) {
        return OWN.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Parses a comma-separated subprotocol list ("chat, superchat"); each must be a token. */
    public static List<String> parseProtocols(String text) {
        List<String> protocols = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            String protocol = part.strip();
            if (protocol.isEmpty()) {
                continue;
            }
            if (!isToken(protocol)) {
                throw new IllegalArgumentException(WsUrl.TEXT.get("protocol.token", protocol));
            }
            protocols.add(protocol);
        }
        return protocols;
    }

    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
