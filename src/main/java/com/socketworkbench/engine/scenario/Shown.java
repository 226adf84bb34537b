package com.socketworkbench.engine.scenario;

import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.codec.HexCodec;

import java.nio.charset.StandardCharsets;

/** How scenario texts and bytes are shown in one line: control characters escaped, long ones cut. */
final class Shown {
    static final int MAX_CHARS = 200;
    static final int MAX_HEX_BYTES = 256;

    private Shown() {
    }

    /** {@code text} with CR, LF, TAB and other control characters as escapes, at most {@link #MAX_CHARS}. */
    static String escaped(String text) {
        return ByteText.preview(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, MAX_CHARS);
    }

    /**
     * A regex as the user wrote it: control characters as escapes, but a backslash stays one backslash ({@code \d}
     * is shown as {@code \d}, not doubled as {@link #escaped} would), at most {@link #MAX_CHARS}.
     */
    static String regex(String pattern) {
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < pattern.length() && shown.length() < MAX_CHARS; i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '\r' -> shown.append("\\r");
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        shown.append(String.format("\\x%02x", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        return i < pattern.length() ? shown + ByteText.ELLIPSIS : shown.toString();
    }

    /** Received bytes as one escaped line of UTF-8 text. */
    static String text(byte[] data) {
        return data.length == 0 ? "" : ByteText.preview(data, StandardCharsets.UTF_8, MAX_CHARS);
    }

    /** Received bytes as hex, the first {@link #MAX_HEX_BYTES} of them. */
    static String hex(byte[] data) {
        if (data.length <= MAX_HEX_BYTES) {
            return HexCodec.format(data);
        }
        return HexCodec.format(data, 0, MAX_HEX_BYTES, false) + " " + ByteText.ELLIPSIS;
    }
}
