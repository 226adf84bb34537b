package com.socketworkbench.engine.websocket;

import java.util.Objects;

/**
 * A message put together from its fragments.
 *
 * @param opcode  text or binary (the first frame's)
 * @param payload the whole message
 * @param frames  how many frames carried it
 */
public record WsMessage(int opcode, byte[] payload, int frames) {
    public WsMessage {
        Objects.requireNonNull(payload, "payload");
    }
}
