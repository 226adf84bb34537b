package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.util.Map;
import java.util.Optional;

/** Words for status codes. */
public final class StatusCodes {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private static final Map<Integer, String> STANDARD_REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(103, "Early Hints"),
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
            Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"),
            Map.entry(205, "Reset Content"), Map.entry(206, "Partial Content"),
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(411, "Length Required"),
            Map.entry(412, "Precondition Failed"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(416, "Range Not Satisfiable"), Map.entry(417, "Expectation Failed"),
            Map.entry(421, "Misdirected Request"), Map.entry(422, "Unprocessable Content"),
            Map.entry(426, "Upgrade Required"), Map.entry(428, "Precondition Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

    private StatusCodes() {
    }

    /** "2xx success", "4xx client error", ...; "no valid status code" for 0 or out of range. */
    public static String classExplained(int code) {
        return switch (code / 100) {
            case 1 -> TEXT.get("status.class.1");
            case 2 -> TEXT.get("status.class.2");
            case 3 -> TEXT.get("status.class.3");
            case 4 -> TEXT.get("status.class.4");
            case 5 -> TEXT.get("status.class.5");
            default -> TEXT.get("status.class.none");
        };
    }

    /** The RFC 9110 reason phrase, e.g. 404 → "Not Found". */
    public static Optional<String> standardReason(int code) {
        return Optional.ofNullable(STANDARD_REASONS.get(code));
    }

    public static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }
}
