package com.socketworkbench.engine.websocket;

import java.util.List;

/**
 * What the checks of the server's handshake response found.
 *
 * @param status         the status code (-1 when the status line did not read)
 * @param statusLine     the status line as received
 * @param expectedAccept the Sec-WebSocket-Accept the key calls for
 * @param receivedAccept the one the server sent; null when it sent none
 * @param protocol       the subprotocol the server chose; "" for none
 * @param extensions     the extensions the server agreed to (Sec-WebSocket-Extensions), in its order
 * @param verdicts       findings; any fatal one means no session
 */
public record HandshakeCheck(int status, String statusLine, String expectedAccept, String receivedAccept,
                             String protocol, List<WsExtension> extensions, List<WsVerdict> verdicts) {
    public HandshakeCheck {
        extensions = List.copyOf(extensions);
        verdicts = List.copyOf(verdicts);
    }

    /** The agreed permessage-deflate, or null when the server did not agree to it. */
    public WsExtension deflate() {
        return extensions.stream().filter(e -> e.name().equals(WsExtension.PERMESSAGE_DEFLATE)).findFirst()
                .orElse(null);
    }

    /**
     * The RSV bits (RSV1 = 4, RSV2 = 2, RSV3 = 1) the agreed extensions may set: RSV1 for permessage-deflate, all
     * three for an extension this tab does not know, as nothing says which ones it claims.
     */
    public int rsvAllowed() {
        int bits = 0;
        for (WsExtension extension : extensions) {
            bits |= extension.name().equals(WsExtension.PERMESSAGE_DEFLATE) ? 4 : 7;
        }
        return bits;
    }

    /** Whether the session may start. */
    public boolean ok() {
        return verdicts.stream().noneMatch(WsVerdict::fatal);
    }

    /** Whether the accept value matched. */
    public boolean acceptMatches() {
        return expectedAccept.equals(receivedAccept);
    }
}
