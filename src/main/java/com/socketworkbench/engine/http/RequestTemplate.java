package com.socketworkbench.engine.http;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Starting points for the request editor; each renders a correct HTTP/1.1 request for a target. */
public enum RequestTemplate {
    GET("GET", null, null),
    POST_FORM("POST", "application/x-www-form-urlencoded", "name=Socket+Workbench&lang=en"),
    POST_JSON("POST", "application/json", "{\"name\": \"Socket Workbench\", \"version\": 1}"),
    HEAD("HEAD", null, null),
    PUT("PUT", "application/json", "{\"id\": 1, \"name\": \"Socket Workbench\"}"),
    DELETE("DELETE", null, null),
    OPTIONS("OPTIONS", null, null),
    TRACE("TRACE", null, null),
    PATCH("PATCH", "application/json", "{\"name\": \"Socket Workbench\"}"),
    CONNECT("CONNECT", null, null),
    /** The opening handshake of RFC 6455 with a fresh key; a 101 answer hands the connection to a WebSocket tab. */
    WEBSOCKET("GET", null, null);

    public static final String USER_AGENT = "SocketWorkbench/0.1";
    private static final SecureRandom KEYS = new SecureRandom();

    private final String method;
    private final String contentType;
    private final String exampleBody;

    RequestTemplate(String method, String contentType, String exampleBody) {
        this.method = method;
        this.contentType = contentType;
        this.exampleBody = exampleBody;
    }

    public String method() {
        return method;
    }

    public boolean hasBody() {
        return exampleBody != null;
    }

    /** The request as editor text: lines joined by "\n", the head closed by an empty line, then the body if any. */
    public String render(HttpTarget target) {
        String requestTarget = this == CONNECT ? target.authority() : "/";
        String host = this == CONNECT ? target.authority() : target.hostHeaderValue();
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(requestTarget).append(" HTTP/1.1\n");
        text.append("Host: ").append(host).append('\n');
        text.append("User-Agent: ").append(USER_AGENT).append('\n');
        if (this == WEBSOCKET) {
            text.append("Upgrade: websocket\n");
            text.append("Connection: Upgrade\n");
            text.append("Sec-WebSocket-Key: ").append(freshKey()).append('\n');
            text.append("Sec-WebSocket-Version: 13\n");
        } else if (this != CONNECT) {
            text.append("Accept: ").append("application/json".equals(contentType) ? "application/json" : "*/*")
                    .append('\n');
        }
        if (exampleBody != null) {
            text.append("Content-Type: ").append(contentType).append('\n');
            text.append("Content-Length: ").append(exampleBody.getBytes(StandardCharsets.UTF_8).length).append('\n');
        }
        text.append('\n');
        if (exampleBody != null) {
            text.append(exampleBody);
        }
        return text.toString();
    }

    /** Sixteen random bytes in base64, as section 4.1 asks of every handshake's key. */
    private static String freshKey() {
        byte[] nonce = new byte[16];
        KEYS.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    @Override
    public String toString() {
        return switch (this) {
            case POST_FORM -> "POST (form)";
            case POST_JSON -> "POST (JSON)";
            case WEBSOCKET -> "WebSocket upgrade";
            default -> method;
        };
    }
}
