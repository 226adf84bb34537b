package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import java.util.Locale;

/** Reads the "Go to offset" field: decimal ("1024"), or hex with 0x or a trailing h ("0x400", "400h"). */
final class Offsets {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private Offsets() {
    }

    /**
     * The offset typed in {@code text}, checked against data of {@code length} bytes.
     *
     * @throws IllegalArgumentException with a message for the user when the text is no offset or lies past the end
     */
    static long parse(String text, long length) {
        String typed = text == null ? "" : text.strip().replace("_", "").replace(",", "");
        if (typed.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("offset.empty"));
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        long offset;
        try {
            if (lower.startsWith("0x")) {
                offset = Long.parseLong(lower.substring(2), 16);
            } else if (lower.endsWith("h")) {
                offset = Long.parseLong(lower.substring(0, lower.length() - 1), 16);
            } else {
                offset = Long.parseLong(lower);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TEXT.get("offset.invalid", typed));
        }
        if (offset < 0) {
            throw new IllegalArgumentException(TEXT.get("offset.negative"));
        }
        if (length == 0) {
            throw new IllegalArgumentException(TEXT.get("offset.noBytes"));
        }
        if (offset >= length) {
            throw new IllegalArgumentException(TEXT.get("offset.pastEnd", describe(offset), describe(length - 1)));
        }
        return offset;
    }

    /** "34 (0x22)": how verdicts and messages name a byte position. */
    static String describe(long offset) {
        return String.format(Locale.ROOT, "%,d (0x%x)", offset, offset);
    }
}
