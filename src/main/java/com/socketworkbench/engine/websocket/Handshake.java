package com.socketworkbench.engine.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The opening handshake (RFC 6455 section 4): the client's request, and the checks of the server's answer. */
public final class Handshake {
    /** The GUID the accept value is made with. */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** The protocol version RFC 6455 speaks, sent unless another is typed. */
    public static final String VERSION = "13";

    /** The request as sent, and the key in it. */
    public record Request(byte[] raw, String key) {
    }

    private Handshake() {
    }

    /**
     * Builds the GET request with a fresh random 16-byte key. A typed Host or Sec-WebSocket-Version takes the place
     * of the one the handshake writes (see {@link WsHeader#overridesDefault}).
     */
    public static Request request(WsUrl url, List<WsHeader> headers, List<String> protocols, SecureRandom random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        StringBuilder text = new StringBuilder();
        text.append("GET ").append(url.resource()).append(" HTTP/1.1\r\n");
        appendOwn(text, headers, "Host", url.hostHeader());
        text.append("Upgrade: websocket\r\n");
        text.append("Connection: Upgrade\r\n");
        text.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
        appendOwn(text, headers, "Sec-WebSocket-Version", VERSION);
        if (!protocols.isEmpty()) {
            text.append("Sec-WebSocket-Protocol: ").append(String.join(", ", protocols)).append("\r\n");
        }
        for (WsHeader header : headers) {
            if (WsHeader.overridesDefault(header.name())) {
                continue;
            }
            text.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        text.append("\r\n");
        return new Request(text.toString().getBytes(StandardCharsets.UTF_8), key);
    }

    /** The header {@code name} with {@code fallback}, or, in its place, every line typed with that name as typed. */
    private static void appendOwn(StringBuilder text, List<WsHeader> headers, String name, String fallback) {
        List<WsHeader> typed = headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).toList();
        if (typed.isEmpty()) {
            text.append(name).append(": ").append(fallback).append("\r\n");
        }
        for (WsHeader header : typed) {
            text.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
    }

    /** base64(SHA-1(key + GUID)): the Sec-WebSocket-Accept a server must answer {@code key} with. */
    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    /**
     * Checks the server's response head (status line and headers, up to the empty line).
     *
     * @param offered           the subprotocols offered
     * @param offeredExtensions the extension names the request offered (typed as Sec-WebSocket-Extensions)
     */
    public static HandshakeCheck check(byte[] head, String key, List<String> offered,
                                       List<String> offeredExtensions) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        String statusLine = lines.length == 0 ? "" : lines[0];
        String expected = acceptFor(key);
        List<WsVerdict> verdicts = new ArrayList<>();
        int bareLf = bareLf(head);
        if (bareLf >= 0) {
            // Read anyway, as the HTTP tab does (its BARE_LF): hand-written servers often end lines with LF only.
            verdicts.add(new WsVerdict(false, 0, "head.bareLf", WsUrl.TEXT.get("handshake.head.bareLf", bareLf)));
        }
        String[] status = statusLine.split(" ", 3);
        int code = -1;
        if (status.length >= 2 && status[0].startsWith("HTTP/")) {
            try {
                code = Integer.parseInt(status[1]);
            } catch (NumberFormatException e) {
                code = -1;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).strip();
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
        }
        String received = headers.get("sec-websocket-accept");
        String protocol = headers.getOrDefault("sec-websocket-protocol", "");
        List<WsExtension> extensions = List.of();
        if (code < 0) {
            verdicts.add(fatal("status.unreadable", statusLine));
        } else if (code >= 300 && code < 400 && headers.containsKey("location")) {
            // A WebSocket client does not follow redirects (RFC 6455 section 4.1); where it points is the news.
            verdicts.add(fatal("status.redirect", statusLine, headers.get("location")));
        } else if (code != 101) {
            verdicts.add(fatal("status.not101", statusLine));
        } else {
            String upgrade = headers.get("upgrade");
            if (upgrade == null) {
                verdicts.add(fatal("upgrade.missing"));
            } else if (!upgrade.equalsIgnoreCase("websocket")) {
                verdicts.add(fatal("upgrade.wrong", upgrade));
            }
            String connection = headers.get("connection");
            if (connection == null) {
                verdicts.add(fatal("connection.missing"));
            } else if (!hasToken(connection, "upgrade")) {
                verdicts.add(fatal("connection.wrong", connection));
            }
            if (received == null) {
                verdicts.add(fatal("accept.missing", expected));
            } else if (!received.equals(expected)) {
                verdicts.add(fatal("accept.mismatch", expected, received));
            }
            if (!protocol.isEmpty() && !offered.contains(protocol)) {
                verdicts.add(fatal("protocol.notOffered", protocol));
            } else if (protocol.isEmpty() && !offered.isEmpty()) {
                verdicts.add(new WsVerdict(false, 0, "protocol.none",
                        WsUrl.TEXT.get("handshake.protocol.none", String.join(", ", offered))));
            }
            extensions = WsExtension.parse(headers.getOrDefault("sec-websocket-extensions", ""));
            checkExtensions(extensions, offeredExtensions, verdicts);
        }
        return new HandshakeCheck(code, statusLine, expected, received, protocol, extensions, verdicts);
    }

    /** RFC 6455 section 4.1: an extension the client did not offer fails the handshake, each one named. */
    private static void checkExtensions(List<WsExtension> agreed, List<String> offered, List<WsVerdict> verdicts) {
        for (WsExtension extension : agreed) {
            if (offered.stream().noneMatch(o -> o.equalsIgnoreCase(extension.name()))) {
                String offeredText = offered.isEmpty() ? WsUrl.TEXT.get("handshake.extensions.noneOffered")
                        : String.join(", ", offered);
                verdicts.add(fatal("extensions.unrequested", extension.name(), offeredText));
            } else if (extension.name().equals(WsExtension.PERMESSAGE_DEFLATE)) {
                verdicts.add(new WsVerdict(false, 0, "extensions.deflate",
                        WsUrl.TEXT.get("handshake.extensions.deflate", extension)));
            } else {
                verdicts.add(new WsVerdict(false, 0, "extensions.undecoded",
                        WsUrl.TEXT.get("handshake.extensions.undecoded", extension)));
            }
        }
    }

    /** The offset of the first LF without a CR before it, or -1. */
    private static int bareLf(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static WsVerdict fatal(String code, Object... arguments) {
        return new WsVerdict(true, 0, code, WsUrl.TEXT.get("handshake." + code, arguments));
    }
}
