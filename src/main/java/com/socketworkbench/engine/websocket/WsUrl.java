package com.socketworkbench.engine.websocket;

import com.socketworkbench.engine.text.Texts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a WebSocket connects: {@code ws://host[:port]/path?query} or {@code wss://…}. {@link #parse} says in words
 * what is wrong with a typed URL (scheme, host, port, path), for the field it was typed in.
 *
 * @param secure   wss (TLS)
 * @param host     a name or an IP literal (IPv6 without brackets)
 * @param port     1..65535 (80 or 443 when the URL has none)
 * @param resource the request target: the path (at least "/") and the query, as typed
 */
public record WsUrl(boolean secure, String host, int port, String resource) {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.websocket.websocket");

    /** Parses a typed URL; the exception's message says what is wrong, in the language in use. */
    public static WsUrl parse(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("url.empty"));
        }
        int colon = typed.indexOf("://");
        if (colon <= 0) {
            throw new IllegalArgumentException(TEXT.get("url.noScheme"));
        }
        String scheme = typed.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException(TEXT.get("url.scheme", typed.substring(0, colon)));
        }
        if (typed.indexOf('#') >= 0) {
            throw new IllegalArgumentException(TEXT.get("url.fragment"));
        }
        URI uri;
        try {
            uri = new URI(typed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(TEXT.get("url.syntax", e.getIndex() < 0 ? 0 : e.getIndex() + 1,
                    e.getReason()));
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            String authority = uri.getRawAuthority();
            if (authority != null && authority.matches(".*:[^\\]]*[^0-9\\]].*")) {
                throw new IllegalArgumentException(TEXT.get("url.port.notNumber",
                        authority.substring(authority.lastIndexOf(':') + 1)));
            }
            throw new IllegalArgumentException(TEXT.get("url.host"));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(TEXT.get("url.userInfo"));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean secure = scheme.equals("wss");
        int port = uri.getPort();
        if (port == -1) {
            String authority = uri.getRawAuthority();
            if (authority != null && authority.endsWith(":")) {
                throw new IllegalArgumentException(TEXT.get("url.port.missing"));
            }
            port = secure ? 443 : 80;
        } else if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(TEXT.get("url.port.range", port));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(TEXT.get("url.path"));
        }
        String resource = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new WsUrl(secure, host, port, resource);
    }

    /** The host as written in a URL or Host header: IPv6 literals in brackets. */
    public String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** The Host header value: the port only when it is not the scheme's default. */
    public String hostHeader() {
        return port == (secure ? 443 : 80) ? hostForUrl() : hostForUrl() + ":" + port;
    }

    /** "host:port", always with the port. */
    public String authority() {
        return hostForUrl() + ":" + port;
    }

    @Override
    public String toString() {
        return (secure ? "wss://" : "ws://") + hostHeader() + resource;
    }
}
