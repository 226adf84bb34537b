package com.socketworkbench.engine.websocket;

import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.UpgradedConnection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one WebSocket connection is made.
 *
 * @param url          where to connect
 * @param headers      extra handshake headers
 * @param protocols    subprotocols offered (Sec-WebSocket-Protocol), in order of preference
 * @param insecure     wss only: accept any certificate and host name, for this connection
 * @param trustStore   wss only: the certificates to trust instead of the platform's; null for the platform's
 * @param caFile       wss only, when no trust store is given: a CA file (PEM or DER) whose certificates are trusted
 *                     beside the platform's; null for none. Read by the session's thread when it connects
 * @param timeout      one deadline for the connect, the TLS handshake and the handshake response together
 * @param closeTimeout how long the client waits for the server's close frame after sending its own
 * @param maxFrame     the largest frame payload read (more closes with 1009)
 * @param maxMessage   the largest message put together from fragments (more closes with 1009)
 */
public record WsOptions(WsUrl url, List<WsHeader> headers, List<String> protocols, boolean insecure,
                        KeyStore trustStore, Path caFile, Duration timeout, Duration closeTimeout, int maxFrame, int maxMessage) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    public WsOptions {
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (maxFrame < 125 || maxMessage < 125) {
            // A control frame may carry 125 bytes; a lower limit would refuse frames the protocol allows.
            throw new IllegalArgumentException("maxFrame and maxMessage must be at least 125: " + maxFrame + ", "
                    + maxMessage);
        }
    }

    /** Defaults for the rest: platform trust, verification on, 10 s timeout, 5 s close wait, 16 MiB limits. */
    public static WsOptions of(WsUrl url, List<WsHeader> headers, List<String> protocols, boolean insecure) {
        return new WsOptions(url, headers, protocols, insecure, null, null, DEFAULT_TIMEOUT, DEFAULT_CLOSE_TIMEOUT,
                FrameDecoder.DEFAULT_MAX_FRAME, MessageAssembler.DEFAULT_MAX_MESSAGE);
    }

    /**
     * The options a session continuing {@code connection} (an HTTP exchange the server switched to WebSocket) works
     * with: the URL, extra headers and subprotocols of the request that went over it, so that the handshake is checked
     * against what was asked and a later reconnect asks the same.
     */
    public static WsOptions continuing(UpgradedConnection connection) {
        HttpTarget target = connection.target();
        WsUrl url = new WsUrl(target.isHttps(), target.host(), target.port(), connection.requestTarget());
        List<WsHeader> headers = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        String[] lines = new String(connection.requestHead(), StandardCharsets.ISO_8859_1).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip();
            String value = lines[i].substring(colon + 1).strip();
            if (name.equalsIgnoreCase("sec-websocket-protocol")) {
                for (String protocol : value.split(",")) {
                    if (!protocol.isBlank()) {
                        protocols.add(protocol.strip());
                    }
                }
            } else if (!WsHeader.isOwn(name)) {
                headers.add(new WsHeader(name, value));
            }
        }
        return of(url, headers, protocols, false);
    }

    public WsOptions withTrustStore(KeyStore store) {
        return new WsOptions(url, headers, protocols, insecure, store, caFile, timeout, closeTimeout, maxFrame, maxMessage);
    }

    /** The same options trusting {@code file}'s certificates beside the platform's (null: none). */
    public WsOptions withCaFile(Path file) {
        return new WsOptions(url, headers, protocols, insecure, trustStore, file, timeout, closeTimeout, maxFrame,
                maxMessage);
    }

    public WsOptions withTimeout(Duration deadline) {
        return new WsOptions(url, headers, protocols, insecure, trustStore, caFile, deadline, closeTimeout, maxFrame,
                maxMessage);
    }

    /** The same options reading frames up to {@code frame} bytes and messages up to {@code message} bytes. */
    public WsOptions withLimits(int frame, int message) {
        return new WsOptions(url, headers, protocols, insecure, trustStore, caFile, timeout, closeTimeout, frame, message);
    }

    public WsOptions withCloseTimeout(Duration wait) {
        return new WsOptions(url, headers, protocols, insecure, trustStore, caFile, timeout, wait, maxFrame, maxMessage);
    }

    /** The extension names offered in the typed Sec-WebSocket-Extensions headers (the names before any ";"). */
    public List<String> offeredExtensions() {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase("sec-websocket-extensions"))
                .flatMap(h -> WsExtension.names(h.value()).stream()).toList();
    }
}
