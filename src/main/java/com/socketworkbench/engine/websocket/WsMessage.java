package com.socketworkbench.engine.websocket;

import java.util.Objects;

/**
 * A message put together from its fragments.
 *
 * @param opcode  text or binary (the first frame's)
 * @param payload the whole message
 * @param frames  how many frames carried it
 * @param compressedLength for a message compressed with permessage-deflate, its payload bytes on the wire (the
 *                payload is then the inflated one); -1 for a message sent as it is
 */
public record WsMessage(int opcode, byte[] payload, int frames, long compressedLength) {
    public WsMessage {
        Objects.requireNonNull(payload, "payload");
    }

    /** A message sent uncompressed. */
    public WsMessage(int opcode, byte[] payload, int frames) {
        this(opcode, payload, frames, -1);
    }

    public boolean compressed() {
        return compressedLength >= 0;
    }
}
