package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A URL as typed or pasted into the URL bar ("http://127.0.0.1:8080/path?q=1"): the target it names and the
 * request target for the request line ("/path?q=1"). A URL without a scheme is taken as http; the fragment is
 * dropped, as browsers and curl never send it.
 *
 * @param target        scheme, host and port (the scheme's default port when none is written)
 * @param requestTarget path and query, "/" when the URL has neither
 */
public record TargetUrl(HttpTarget target, String requestTarget) {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    /** Parses {@code typed}; throws IllegalArgumentException with a message for the user when it is no http(s) URL. */
    public static TargetUrl parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("url.empty"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(TEXT.get("url.whitespace", i + 1));
            }
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            text = "http://" + text;
        } else {
            String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException(TEXT.get("url.scheme", text.substring(0, schemeEnd)));
            }
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(TEXT.get("url.syntax", e.getReason(), e.getIndex() + 1));
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("url.noHost"));
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new IllegalArgumentException(TEXT.get("url.userInfo"));
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null) {
            // java.net.URI falls back to a registry authority for hosts it cannot read: a name with "_" (Docker
            // Compose and Kubernetes service names, which resolvers accept) is read here; anything else, a bad
            // port among them, is no host and port.
            String authority = uri.getRawAuthority();
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            String digits = colon < 0 ? "" : authority.substring(colon + 1);
            if (!isRegistryName(host) || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    || digits.length() > 9) {
                throw new IllegalArgumentException(TEXT.get("url.badAuthority", authority));
            }
            port = digits.isEmpty() ? -1 : Integer.parseInt(digits);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (port == -1) {
            port = HttpTarget.defaultPort(scheme);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(TEXT.get("url.port", port));
        }
        HttpTarget target = new HttpTarget(scheme, host, port);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        return new TargetUrl(target, query == null ? path : path + "?" + query);
    }

    /** A host name of ASCII letters, digits, "-", "." and "_" (the last is what java.net.URI refuses). */
    private static boolean isRegistryName(String host) {
        return !host.isEmpty() && host.chars().allMatch(c -> c < 0x80
                && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_'));
    }

    /** "http://127.0.0.1:8080/path?q=1" (the default port left out). */
    public String text() {
        return target.origin() + requestTarget;
    }
}
