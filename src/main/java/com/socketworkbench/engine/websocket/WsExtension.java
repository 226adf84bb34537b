package com.socketworkbench.engine.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One extension named in a Sec-WebSocket-Extensions header (RFC 6455 section 9.1): its name and parameters, e.g.
 * {@code permessage-deflate; server_no_context_takeover; client_max_window_bits=10}.
 *
 * @param name       lower case
 * @param parameters lower-case names to values ("" for a parameter without a value), in order
 */
public record WsExtension(String name, Map<String, String> parameters) {
    /** RFC 7692: compresses each message's payload with DEFLATE and marks it with RSV1. */
    public static final String PERMESSAGE_DEFLATE = "permessage-deflate";

    public WsExtension {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public boolean has(String parameter) {
        return parameters.containsKey(parameter);
    }

    /** Parses a header value (several headers joined with ", " are one list); empty elements are skipped. */
    public static List<WsExtension> parse(String value) {
        List<WsExtension> list = new ArrayList<>();
        for (String element : splitOutsideQuotes(value == null ? "" : value, ',')) {
            List<String> parts = splitOutsideQuotes(element, ';');
            String name = parts.getFirst().strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : parts.subList(1, parts.size())) {
                int eq = part.indexOf('=');
                String key = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                String val = eq < 0 ? "" : unquote(part.substring(eq + 1).strip());
                if (!key.isEmpty()) {
                    parameters.put(key, val);
                }
            }
            list.add(new WsExtension(name, parameters));
        }
        return list;
    }

    /** The names only, for comparing what was offered with what was agreed. */
    public static List<String> names(String value) {
        return parse(value).stream().map(WsExtension::name).toList();
    }

    /** Parameter values may be quoted strings (RFC 6455 section 9.1), which may hold the separators. */
    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        parameters.forEach((k, v) -> text.append("; ").append(k).append(v.isEmpty() ? "" : "=" + v));
        return text.toString();
    }
}
