package com.socketworkbench.engine.websocket;

/**
 * Checks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) fed in pieces, so a character
 * split across two fragments of a text message is neither rejected too early nor missed.
 */
final class Utf8Validator {
    private int needed;
    private int lower = 0x80;
    private int upper = 0xBF;
    private long offset;
    /** Where the character being read (or the last one) began, from the first byte ever fed. */
    private long charStart;
    private boolean failed;

    /**
     * Feeds the next piece.
     *
     * @return the offset (from the first byte ever fed) of the first invalid byte, or -1 while all is valid
     */
    long feed(byte[] data) {
        if (failed) {
            return offset;
        }
        for (byte value : data) {
            int b = value & 0xFF;
            if (needed == 0) {
                charStart = offset;
                if (b <= 0x7F) {
                    offset++;
                    continue;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    start(1, 0x80, 0xBF);
                } else if (b == 0xE0) {
                    start(2, 0xA0, 0xBF);
                } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
                    start(2, 0x80, 0xBF);
                } else if (b == 0xED) {
                    start(2, 0x80, 0x9F);
                } else if (b == 0xF0) {
                    start(3, 0x90, 0xBF);
                } else if (b >= 0xF1 && b <= 0xF3) {
                    start(3, 0x80, 0xBF);
                } else if (b == 0xF4) {
                    start(3, 0x80, 0x8F);
                } else {
                    failed = true;
                    return offset;
                }
            } else {
                if (b < lower || b > upper) {
                    failed = true;
                    return offset;
                }
                needed--;
                lower = 0x80;
                upper = 0xBF;
            }
            offset++;
        }
        return -1;
    }

    private void start(int count, int low, int high) {
        needed = count;
        lower = low;
        upper = high;
    }

    /**
     * Where the character the first invalid byte broke began (that byte itself when it began nothing valid), or
     * the unfinished character at the end: counted like {@link #feed}'s offset.
     */
    long charStart() {
        return charStart;
    }

    /** Whether everything fed ends on a whole character (call at the end of the message). */
    boolean complete() {
        return !failed && needed == 0;
    }

    /** Whether the bytes are valid UTF-8 on their own. */
    static boolean isValid(byte[] data) {
        Utf8Validator validator = new Utf8Validator();
        return validator.feed(data) < 0 && validator.complete();
    }
}
