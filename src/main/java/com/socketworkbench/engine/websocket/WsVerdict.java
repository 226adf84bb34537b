package com.socketworkbench.engine.websocket;

import java.util.Objects;

/**
 * One finding about what the server sent, in plain words.
 *
 * @param fatal     the connection cannot go on: the client closes it with {@code closeCode}
 * @param closeCode the close code the client sends for a fatal finding (1002 protocol error, 1007 invalid data,
 *                  1009 too big); 0 for a warning, and for a fatal finding about a frame that came after the
 *                  server's close, when no close is sent (ours is already on its way)
 * @param code      a stable name of the finding ({@code opcode.reserved}), for tests and docs
 * @param text      what it means, in the language in use
 * @param offset    where in the frame's payload the offending bytes start (0 = the payload's first byte, counted
 *                  in this frame, not the message); -1 when the finding is about the header or no bytes in
 *                  particular
 * @param length    how many bytes from {@code offset} are at fault; 0 when {@code offset} is -1
 */
public record WsVerdict(boolean fatal, int closeCode, String code, String text, long offset, long length) {

    public WsVerdict {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (offset < 0) {
            offset = -1;
            length = 0;
        }
    }

    /** A finding about no bytes of the payload in particular. */
    public WsVerdict(boolean fatal, int closeCode, String code, String text) {
        this(fatal, closeCode, code, text, -1, 0);
    }

    /** The same finding, about payload bytes {@code from} to {@code from + count} of its frame. */
    public WsVerdict at(long from, long count) {
        return new WsVerdict(fatal, closeCode, code, text, from, Math.max(1, count));
    }

    /** Whether the finding names bytes of the frame's payload. */
    public boolean marksBytes() {
        return offset >= 0;
    }

    static WsVerdict protocolError(String code, Object... arguments) {
        return new WsVerdict(true, CloseCodes.PROTOCOL_ERROR, code, WsUrl.TEXT.get("verdict." + code, arguments));
    }

    static WsVerdict invalidData(String code, Object... arguments) {
        return new WsVerdict(true, CloseCodes.INVALID_DATA, code, WsUrl.TEXT.get("verdict." + code, arguments));
    }

    static WsVerdict tooBig(String code, Object... arguments) {
        return new WsVerdict(true, CloseCodes.TOO_BIG, code, WsUrl.TEXT.get("verdict." + code, arguments));
    }

    static WsVerdict warning(String code, Object... arguments) {
        return new WsVerdict(false, 0, code, WsUrl.TEXT.get("verdict." + code, arguments));
    }
}
