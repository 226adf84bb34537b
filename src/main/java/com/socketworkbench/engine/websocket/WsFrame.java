package com.socketworkbench.engine.websocket;

import java.util.Objects;

/**
 * One frame as it was on the wire (RFC 6455 section 5.2).
 *
 * @param fin           the FIN bit: the last frame of a message
 * @param rsv           the RSV1–RSV3 bits as a number 0–7 (RSV1 = 4, RSV2 = 2, RSV3 = 1)
 * @param opcode        0x0–0xF
 * @param masked        the MASK bit
 * @param maskKey       the 32-bit masking key (0 when not masked)
 * @param payloadLength the payload length the header announced (may exceed what was kept)
 * @param header        the header bytes as on the wire (2–14 bytes)
 * @param payload       the payload, unmasked; at most what the decoder keeps ({@link #truncated()} otherwise)
 */
public record WsFrame(boolean fin, int rsv, int opcode, boolean masked, int maskKey, long payloadLength,
                      byte[] header, byte[] payload) {

    public WsFrame {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
    }

    /** Bytes on the wire: header and announced payload. */
    public long wireLength() {
        return header.length + payloadLength;
    }

    /** Whether the payload kept is shorter than the length announced. */
    public boolean truncated() {
        return payload.length < payloadLength;
    }

    public boolean isControl() {
        return Opcode.isControl(opcode);
    }

    /** "RSV1 RSV3" style, "" when none is set. */
    public String rsvText() {
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < 3; bit++) {
            if ((rsv & (4 >> bit)) != 0) {
                text.append(text.isEmpty() ? "" : " ").append("RSV").append(bit + 1);
            }
        }
        return text.toString();
    }
}
