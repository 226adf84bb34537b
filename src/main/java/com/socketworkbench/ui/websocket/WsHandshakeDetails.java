package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.http.TlsInfo;
import com.socketworkbench.engine.websocket.HandshakeCheck;
import com.socketworkbench.engine.websocket.WsVerdict;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * How the last connection's opening went, in words for the tab: the handshake as sent and received, the
 * Sec-WebSocket-Accept check, the handshake's verdicts and the TLS details of a wss connection. Emptied at each
 * connect. FX thread only.
 */
final class WsHandshakeDetails {
    private final ReadOnlyStringWrapper request = new ReadOnlyStringWrapper(this, "handshakeRequest", "");
    private final ReadOnlyStringWrapper response = new ReadOnlyStringWrapper(this, "handshakeResponse", "");
    private final ReadOnlyStringWrapper acceptCheck = new ReadOnlyStringWrapper(this, "acceptCheck", "");
    private final ReadOnlyObjectWrapper<Boolean> acceptMatches = new ReadOnlyObjectWrapper<>(this, "acceptMatches");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "handshakeVerdict", "");
    private final ReadOnlyStringWrapper tls = new ReadOnlyStringWrapper(this, "tls", "");

    ReadOnlyStringWrapper request() {
        return request;
    }

    ReadOnlyStringWrapper response() {
        return response;
    }

    ReadOnlyStringWrapper acceptCheck() {
        return acceptCheck;
    }

    ReadOnlyObjectWrapper<Boolean> acceptMatches() {
        return acceptMatches;
    }

    ReadOnlyStringWrapper verdict() {
        return verdict;
    }

    ReadOnlyStringWrapper tls() {
        return tls;
    }

    void clear() {
        request.set("");
        response.set("");
        acceptCheck.set("");
        acceptMatches.set(null);
        verdict.set("");
        tls.set("");
    }

    /** Keeps the TLS details in words and returns them. */
    String tlsEstablished(TlsInfo info) {
        String who = info.chain().isEmpty() ? "" : TEXT.get("tls.chain", info.chain().getFirst().subject(),
                info.chain().getFirst().issuer());
        String line = TEXT.get("tls.established", info.protocol(), info.cipherSuite(), who);
        tls.set(info.insecure() ? line + " " + TEXT.get("tls.insecure") : line);
        return tls.get();
    }

    void sent(byte[] raw) {
        request.set(new String(raw, StandardCharsets.UTF_8));
    }

    /** The server's reply as read (header bytes are Latin-1) and what the check made of it. */
    void received(byte[] raw, HandshakeCheck check) {
        response.set(new String(raw, StandardCharsets.ISO_8859_1));
        if (check.status() == 101) {
            acceptMatches.set(check.acceptMatches());
            acceptCheck.set(check.receivedAccept() == null
                    ? TEXT.get("handshake.accept.missing", check.expectedAccept())
                    : TEXT.get(check.acceptMatches() ? "handshake.accept.match" : "handshake.accept.mismatch",
                    check.expectedAccept(), check.receivedAccept()));
        }
        verdict.set(check.verdicts().stream().map(WsVerdict::text).collect(Collectors.joining("\n")));
    }
}
