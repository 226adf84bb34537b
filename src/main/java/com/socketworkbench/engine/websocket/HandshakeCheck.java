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
 * @param verdicts       findings; any fatal one means no session
 */
public record HandshakeCheck(int status, String statusLine, String expectedAccept, String receivedAccept,
                             String protocol, List<WsVerdict> verdicts) {
    public HandshakeCheck {
        verdicts = List.copyOf(verdicts);
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
