package com.socketworkbench.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Composes the follow-up request for a redirect, for the user to inspect and send (nothing is followed blindly). */
public final class RedirectComposer {

    /** Where to go next and the editor text to send there. */
    public record FollowUp(HttpTarget target, String requestText, String method) {
    }

    private static final Set<String> BODY_HEADERS = Set.of("content-length", "content-type", "transfer-encoding",
            "content-encoding");
    /** Credentials are not carried to another origin (as browsers and curl do). */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private RedirectComposer() {
    }

    /**
     * The request that follows {@code response}'s redirect: 303 becomes GET (HEAD stays HEAD), 301/302 turn POST into
     * GET, 307/308 keep method and body. Empty when the response is not a redirect with a usable http(s) Location.
     */
    public static Optional<FollowUp> follow(HttpTarget target, String originalRequest, ParsedResponse response) {
        int code = response.statusCode();
        if (!StatusCodes.isRedirect(code) || response.location().isEmpty()) {
            return Optional.empty();
        }
        EditorLines lines = EditorLines.split(originalRequest);
        if (lines.headLines().isEmpty()) {
            return Optional.empty();
        }
        String requestLine = lines.headLines().getFirst().content(originalRequest);
        String[] parts = requestLine.split(" ", -1);
        String method = parts[0];
        String requestTarget = parts.length > 1 ? parts[1] : "/";
        String version = parts.length > 2 ? parts[parts.length - 1] : "HTTP/1.1";

        URI resolved;
        HttpTarget next;
        try {
            URI base = requestTarget.startsWith("http://") || requestTarget.startsWith("https://")
                    ? new URI(requestTarget)
                    : new URI(target.origin() + (requestTarget.startsWith("/") ? requestTarget : "/"));
            resolved = base.resolve(new URI(response.location().get().strip()));
            next = HttpTarget.fromUri(resolved);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }

        String newMethod = method;
        if (code == 303 && !method.equalsIgnoreCase("HEAD")) {
            newMethod = "GET";
        } else if ((code == 301 || code == 302) && method.equalsIgnoreCase("POST")) {
            newMethod = "GET";
        }
        boolean dropBody = !newMethod.equals(method);
        boolean sameOrigin = next.equals(target);

        String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
        String newTarget = path + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery());
        if (requestTarget.startsWith("http://") || requestTarget.startsWith("https://")) {
            newTarget = next.origin() + newTarget;
        }

        List<String> out = new ArrayList<>();
        out.add(newMethod + " " + newTarget + " " + version);
        for (EditorLines.Line line : lines.headLines().subList(1, lines.headLines().size())) {
            String content = line.content(originalRequest);
            int colon = content.indexOf(':');
            String name = colon > 0 ? content.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
            if (dropBody && BODY_HEADERS.contains(name)) {
                continue;
            }
            if (!sameOrigin && CREDENTIAL_HEADERS.contains(name)) {
                continue;
            }
            if (name.equals("host")) {
                content = content.substring(0, colon) + ": " + next.hostHeaderValue();
            }
            out.add(content);
        }
        String text = String.join("\n", out) + "\n\n" + (dropBody ? "" : lines.body());
        return Optional.of(new FollowUp(next, text, newMethod));
    }
}
