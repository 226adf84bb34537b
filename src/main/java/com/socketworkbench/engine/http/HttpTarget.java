package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a request goes. {@code host} is a name or an IP literal (IPv6 without brackets).
 *
 * @param scheme "http" or "https" (lower case)
 * @param port   1..65535
 */
public record HttpTarget(String scheme, String host, int port) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    public HttpTarget {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(TEXT.get("target.scheme", scheme));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException(TEXT.get("target.host.empty"));
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == '/' || c == '?' || c == '#' || c == '@' || c >= 0x7f) {
                throw new IllegalArgumentException(TEXT.get("target.host.character", host, i));
            }
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(TEXT.get("target.port", port));
        }
    }

    /** A target on the scheme's default port (80 or 443). */
    public static HttpTarget of(String scheme, String host) {
        return new HttpTarget(scheme, host, defaultPort(scheme));
    }

    /** Parses "http://host:port/..." (path, query and fragment are ignored). */
    public static HttpTarget fromUri(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(TEXT.get("target.uri", uri));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        return new HttpTarget(scheme, uri.getHost(), port);
    }

    public static int defaultPort(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            default -> throw new IllegalArgumentException(TEXT.get("target.scheme", scheme));
        };
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    public boolean isDefaultPort() {
        return port == defaultPort(scheme);
    }

    /** The host as written in a URL or Host header: IPv6 literals in brackets. */
    public String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** "host:port", always with the port (the CONNECT authority-form). */
    public String authority() {
        return hostForUrl() + ":" + port;
    }

    /** The Host header value: the port only when it is not the scheme's default. */
    public String hostHeaderValue() {
        return isDefaultPort() ? hostForUrl() : authority();
    }

    /** "https://example.org:8443" (no trailing slash; the port only when not the default). */
    public String origin() {
        return scheme + "://" + hostHeaderValue();
    }

    @Override
    public String toString() {
        return origin();
    }
}
