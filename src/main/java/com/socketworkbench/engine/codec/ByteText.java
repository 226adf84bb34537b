package com.socketworkbench.engine.codec;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Bytes decoded for viewing with an explicit charset. Nothing is dropped or hidden: a byte that does not decode, and a
 * character that would be invisible, appears as {@code \xNN} (its bytes in the payload).
 */
public final class ByteText {

    /** Ellipsis appended to a cut preview. */
    public static final String ELLIPSIS = "…";

    private ByteText() {
    }

    /**
     * Text for a multi-line view: CR, LF and TAB stay real characters; NUL, other control characters, invisible
     * format characters and undecodable bytes show as {@code \xNN}; a backslash stays a plain backslash.
     */
    public static String decode(byte[] data, Charset charset) {
        return decode(data, 0, data.length, charset);
    }

    /** {@link #decode(byte[], Charset)} for {@code len} bytes of {@code data} from {@code off}. */
    public static String decode(byte[] data, int off, int len, Charset charset) {
        Objects.requireNonNull(charset, "charset");
        StringBuilder sb = new StringBuilder(len + 16);
        CharWalker.walk(data, off, len, charset, false, new CharWalker.Visitor() {
            @Override
            public boolean character(int codePoint, byte[] bytes, int start, int count) {
                if (codePoint == '\r' || codePoint == '\n' || codePoint == '\t' || !CharWalker.isHidden(codePoint)) {
                    sb.appendCodePoint(codePoint);
                } else {
                    CharWalker.appendHexEscapes(sb, bytes, start, count);
                }
                return true;
            }

            @Override
            public boolean undecodable(byte[] bytes, int start, int count) {
                CharWalker.appendHexEscapes(sb, bytes, start, count);
                return true;
            }
        });
        return sb.toString();
    }

    /**
     * One line for a table cell: escaped like {@link TextEscapes#escape} (so CR and LF show as {@code \r \n}), at most
     * {@code maxChars} characters, ending in "…" when cut. Cuts fall between escapes and characters, never inside one.
     * Decodes only a bounded prefix of the data, so a 100 MB payload previews as fast as a small one.
     */
    public static String preview(byte[] data, Charset charset, int maxChars) {
        Objects.requireNonNull(charset, "charset");
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1: " + maxChars);
        }
        // Every character takes at most 4 bytes and shows as at least 1 char, so this prefix always yields more than
        // maxChars chars when the data is longer, and a character cut by the prefix end lies beyond the cut.
        int prefix = (int) Math.min(data.length, 4L * maxChars + 4);
        StringBuilder sb = new StringBuilder(Math.min(maxChars, prefix * 4) + 8);
        int[] lastFit = {0};
        boolean[] cut = {prefix < data.length};
        CharWalker.walk(data, 0, prefix, charset, true, new CharWalker.Visitor() {
            @Override
            public boolean character(int codePoint, byte[] bytes, int start, int count) {
                TextEscapes.appendEscaped(sb, codePoint, bytes, start, count);
                return fits();
            }

            @Override
            public boolean undecodable(byte[] bytes, int start, int count) {
                for (int i = start; i < start + count; i++) {
                    CharWalker.appendHexEscapes(sb, bytes, i, 1);
                    if (!fits()) {
                        return false;
                    }
                }
                return true;
            }

            private boolean fits() {
                if (sb.length() > maxChars) {
                    cut[0] = true;
                    return false;
                }
                if (sb.length() <= maxChars - 1) {
                    lastFit[0] = sb.length();
                }
                return true;
            }
        });
        if (!cut[0]) {
            return sb.toString();
        }
        sb.setLength(lastFit[0]);
        return sb.append(ELLIPSIS).toString();
    }
}
