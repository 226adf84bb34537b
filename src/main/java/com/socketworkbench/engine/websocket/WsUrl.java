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
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException(TEXT.get("url.userInfo"));
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null || host.isBlank()) {
            // java.net.URI gives no host for a name with "_" (a registry-based authority), but Docker Compose and
            // Kubernetes service names have them and resolvers accept them: read the authority here.
            String[] hostPort = registryAuthority(uri.getRawAuthority());
            host = hostPort[0];
            port = hostPort[1].isEmpty() ? -1 : Integer.parseInt(hostPort[1]);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean secure = scheme.equals("wss");
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

    /**
     * Host and port digits ("" for none) of an authority java.net.URI would not read as a server: the host must
     * still be a name of letters, digits, "-", "." and "_"; the message names the first character that is not.
     */
    private static String[] registryAuthority(String authority) {
        if (authority == null || authority.isBlank()) {
            throw new IllegalArgumentException(TEXT.get("url.host"));
        }
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? "" : authority.substring(colon + 1);
        if (host.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("url.host"));
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 9) {
            throw new IllegalArgumentException(TEXT.get("url.port.notNumber", port));
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean nameChar = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_');
            if (!nameChar) {
                throw new IllegalArgumentException(TEXT.get("url.host.char", host, String.valueOf(c)));
            }
        }
        return new String[]{host, port};
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
