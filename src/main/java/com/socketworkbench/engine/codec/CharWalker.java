package com.socketworkbench.engine.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes bytes one character at a time, telling the visitor which bytes made each character and which bytes did not
 * decode, so that views can show undecodable or invisible bytes as {@code \xNN} instead of dropping them.
 *
 * <p>Assumes a stateless charset (all of {@link SupportedCharsets#all()} are).
 */
final class CharWalker {

    interface Visitor {
        /** Bytes {@code [start, start + len)} of {@code data} decode to {@code codePoint}; false stops the walk. */
        boolean character(int codePoint, byte[] data, int start, int len);

        /** Bytes {@code [start, start + len)} of {@code data} do not decode; false stops the walk. */
        boolean undecodable(byte[] data, int start, int len);
    }

    /** Charsets in which every byte below 0x80 at a character boundary is that ASCII character alone. */
    private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "GBK", "GB18030", "Big5", "ISO-8859-1",
            "windows-1252", "US-ASCII");

    /** Charsets whose decoders accept only the one encoding of each character, so no re-encoding check is needed. */
    private static final Set<String> CANONICAL = Set.of("UTF-8", "ISO-8859-1", "US-ASCII", "UTF-16BE", "UTF-16LE");

    private CharWalker() {
    }

    /**
     * Walks {@code len} bytes of {@code data} from {@code off}.
     *
     * @param canonicalOnly when true, a character whose bytes would not come back from encoding it (a charset with
     *                      duplicate mappings) is reported as undecodable, so the caller can round-trip exactly
     */
    static void walk(byte[] data, int off, int len, Charset charset, boolean canonicalOnly, Visitor visitor) {
        Objects.checkFromIndexSize(off, len, data.length);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean asciiFast = ASCII_COMPATIBLE.contains(charset.name());
        CharsetEncoder checker = canonicalOnly && !CANONICAL.contains(charset.name()) && charset.canEncode()
                ? charset.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                : null;
        ByteBuffer in = ByteBuffer.wrap(data, off, len);
        CharBuffer out = CharBuffer.allocate(2);
        int end = off + len;
        while (in.position() < end) {
            int start = in.position();
            byte first = data[start];
            if (asciiFast && first >= 0) {
                in.position(start + 1);
                if (!visitor.character(first, data, start, 1)) {
                    return;
                }
                continue;
            }
            out.clear().limit(1);
            CoderResult result = decoder.decode(in, out, true);
            if (result.isOverflow() && out.position() == 0) {
                // The next character is a surrogate pair and needs two chars of room.
                out.limit(2);
                result = decoder.decode(in, out, true);
            }
            int consumed = in.position() - start;
            if (result.isError() && out.position() == 0) {
                // A decoder may report the error after skipping bytes that produced nothing; show those too.
                int bad = consumed + Math.max(1, result.length());
                in.position(start + bad);
                if (!visitor.undecodable(data, start, bad)) {
                    return;
                }
                continue;
            }
            // A decoder may write a character and then report an error on the bytes after it in the same call;
            // the character is handled now and the error again on the next round.
            if (out.position() == 0) {
                // Nothing decoded (e.g. a byte order mark swallowed): show the bytes rather than lose them.
                int skipped = Math.max(1, consumed);
                in.position(start + skipped);
                if (!visitor.undecodable(data, start, skipped)) {
                    return;
                }
                continue;
            }
            out.flip();
            int codePoint = out.remaining() == 2 ? Character.toCodePoint(out.get(0), out.get(1)) : out.get(0);
            boolean keep = checker == null || encodesBackTo(checker, out, data, start, consumed);
            if (!(keep ? visitor.character(codePoint, data, start, consumed)
                    : visitor.undecodable(data, start, consumed))) {
                return;
            }
        }
    }

    private static boolean encodesBackTo(CharsetEncoder encoder, CharBuffer chars, byte[] data, int start, int len) {
        try {
            ByteBuffer encoded = encoder.reset().encode(chars.rewind());
            return Arrays.equals(encoded.array(), encoded.arrayOffset(), encoded.arrayOffset() + encoded.limit(),
                    data, start, start + len);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Characters a view must not show as themselves: controls, format characters, line/paragraph separators. */
    static boolean isHidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** Appends {@code \xNN} for each of the bytes. */
    static void appendHexEscapes(StringBuilder sb, byte[] data, int start, int len) {
        for (int i = start; i < start + len; i++) {
            sb.append("\\x");
            HexCodec.appendHex(sb, data[i] & 0xff);
        }
    }
}
