package com.socketworkbench.engine.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a close frame said.
 *
 * @param code   the status code; 1005 ("no status") when the frame had no payload
 * @param reason the reason (UTF-8, invalid bytes shown as {@code \xNN}); "" for none
 */
public record CloseInfo(int code, String reason) {

    /** Reads a close frame's payload (0 or at least 2 bytes; a 1-byte payload reads as no status). */
    public static CloseInfo of(byte[] payload) {
        if (payload.length < 2) {
            return new CloseInfo(CloseCodes.NO_STATUS, "");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        byte[] reason = Arrays.copyOfRange(payload, 2, payload.length);
        return new CloseInfo(code, Utf8Validator.isValid(reason) ? new String(reason, StandardCharsets.UTF_8)
                : PayloadText.utf8(reason, reason.length));
    }
}
