package com.socketworkbench.engine.websocket;

import java.io.IOException;

/** A failure before a {@link WsSession} opened, with its message for the user. */
final class HandshakeFailure extends IOException {
    HandshakeFailure(String message) {
        super(message);
    }
}
