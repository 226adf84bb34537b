package com.socketworkbench.engine.scenario;

/**
 * Received bytes decoded as UTF-8 for a regex, keeping for each char the byte offset it came from, so that a match's
 * end in chars becomes the exact number of bytes to consume. A byte that does not decode becomes U+FFFD standing for
 * that one byte (a character cut in half at the end of what has arrived so far decodes once the rest arrives).
 */
final class Utf8Window {
    final String text;
    /** {@code offsets[i]} is the byte (relative to the window) char {@code i} starts at; one extra entry: the end. */
    final int[] offsets;

    private Utf8Window(String text, int[] offsets) {
        this.text = text;
        this.offsets = offsets;
    }

    static Utf8Window decode(byte[] data, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int[] offsets = new int[len + 1];
        int chars = 0;
        int i = 0;
        while (i < len) {
            int b = data[off + i] & 0xff;
            int need;
            int cp;
            if (b < 0x80) {
                need = 0;
                cp = b;
            } else if (b >= 0xc2 && b < 0xe0) {
                need = 1;
                cp = b & 0x1f;
            } else if (b >= 0xe0 && b < 0xf0) {
                need = 2;
                cp = b & 0x0f;
            } else if (b >= 0xf0 && b < 0xf5) {
                need = 3;
                cp = b & 0x07;
            } else {
                need = -1;
                cp = 0xfffd;
            }
            int used = 1;
            if (need > 0) {
                boolean ok = i + need < len;
                for (int k = 1; ok && k <= need; k++) {
                    int c = data[off + i + k] & 0xff;
                    if ((c & 0xc0) != 0x80) {
                        ok = false;
                    } else {
                        cp = cp << 6 | c & 0x3f;
                    }
                }
                boolean canonical = ok && (need != 2 || cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff))
                        && (need != 3 || cp >= 0x10000 && cp <= 0x10ffff);
                if (canonical) {
                    used = need + 1;
                } else {
                    cp = 0xfffd;
                }
            }
            int before = sb.length();
            sb.appendCodePoint(cp);
            for (int c = before; c < sb.length(); c++) {
                offsets[chars++] = i;
            }
            i += used;
        }
        offsets[chars] = len;
        return new Utf8Window(sb.toString(), offsets);
    }
}
