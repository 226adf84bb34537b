package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.codec.TextEscapes;
import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.text.Texts;

import java.nio.charset.StandardCharsets;

/** The relay's words (bundle {@code relay}). */
final class RelayText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.relay.relay");
    /**
     * A Notice shows at most this many of a chunk's bytes: it is one timeline row, and a row of hundreds of KiB would
     * stall the table that draws it. Enough for the requests and messages people intercept by hand.
     */
    static final int NOTICE_BYTES = 4096;

    private RelayText() {
    }

    /** "client → server" or "server → client". */
    static String direction(RelayDirection direction) {
        return TEXT.get(direction == RelayDirection.CLIENT_TO_SERVER ? "direction.c2s" : "direction.s2c");
    }

    /** "the client" or "the server". */
    static String side(RelaySide side) {
        return TEXT.get(side == RelaySide.CLIENT ? "side.client" : "side.server");
    }

    /**
     * Bytes for a Notice, quoted, in the held editor's text form (escapes such as {@code \r\n} and {@code \xff}, so
     * the text stands for exactly these bytes and can be pasted back into an editor); cut after
     * {@link #NOTICE_BYTES} with a note saying so.
     */
    static String bytes(byte[] data) {
        int shown = Math.min(data.length, NOTICE_BYTES);
        String text = "\"" + TextEscapes.escape(data, 0, shown, StandardCharsets.UTF_8) + "\"";
        return shown == data.length ? text : TEXT.get("bytes.cut", text, ByteSizes.format(shown));
    }
}
