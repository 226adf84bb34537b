package com.socketworkbench.ui.traffic;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A payload decoded for a regular expression, with the byte where each character starts: a match's character
 * positions become exact byte offsets, whatever the charset and however many bytes do not decode (each such byte is
 * one U+FFFD). ISO-8859-1 and US-ASCII map byte to character; UTF-8, the common case, is decoded by hand in one
 * pass; any other charset goes through its decoder a character at a time.
 */
final class DecodedBytes {
    private static final char REPLACEMENT = '\uFFFD';

    private final String text;
    /** {@code starts[i]} is the byte where character i starts; {@code starts[text.length()]} is the payload's length. */
    private final int[] starts;

    private DecodedBytes(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    static DecodedBytes of(byte[] data, Charset charset) {
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
            return singleByte(data, charset.equals(StandardCharsets.US_ASCII));
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8(data);
        }
        return stepwise(data, charset);
    }

    String text() {
        return text;
    }

    /** The byte offset of character position {@code index} (0..length). */
    int byteAt(int index) {
        return starts[index];
    }

    private static DecodedBytes singleByte(byte[] data, boolean ascii) {
        char[] chars = new char[data.length];
        int[] starts = new int[data.length + 1];
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xFF;
            chars[i] = ascii && b > 0x7F ? REPLACEMENT : (char) b;
            starts[i] = i;
        }
        starts[data.length] = data.length;
        return new DecodedBytes(new String(chars), starts);
    }

    private static DecodedBytes utf8(byte[] data) {
        char[] chars = new char[data.length];
        int[] starts = new int[data.length + 1];
        int n = 0;
        int i = 0;
        while (i < data.length) {
            int b = data[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                    : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            int codePoint = length == 1 ? b : length == 0 ? -1 : sequence(data, i, length, b);
            if (codePoint < 0) {
                starts[n] = i;
                chars[n++] = REPLACEMENT;
                i++;
            } else if (codePoint < 0x10000) {
                starts[n] = i;
                chars[n++] = (char) codePoint;
                i += length;
            } else {
                starts[n] = i;
                chars[n++] = Character.highSurrogate(codePoint);
                starts[n] = i;
                chars[n++] = Character.lowSurrogate(codePoint);
                i += length;
            }
        }
        starts[n] = data.length;
        int[] trimmed = new int[n + 1];
        System.arraycopy(starts, 0, trimmed, 0, n + 1);
        return new DecodedBytes(new String(chars, 0, n), trimmed);
    }

    /** The code point of a well-formed sequence of {@code length} bytes at {@code at}, or -1. */
    private static int sequence(byte[] data, int at, int length, int lead) {
        if (at + length > data.length) {
            return -1;
        }
        int codePoint = lead & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int next = data[at + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        boolean overlong = length == 3 && codePoint < 0x800 || length == 4 && codePoint < 0x10000;
        boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
        return overlong || surrogate || codePoint > 0x10FFFF ? -1 : codePoint;
    }

    private static DecodedBytes stepwise(byte[] data, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        StringBuilder text = new StringBuilder(data.length);
        int[] starts = new int[data.length * 2 + 2];
        int n = 0;
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(2);
        int start = 0;
        int end = 0;
        while (in.position() < data.length) {
            // One more byte at a time until a character comes out (a decoder keeps an unfinished sequence in the
            // input): it starts where the previous one ended.
            end = Math.max(end, in.position()) + 1;
            in.limit(end);
            CoderResult result = decoder.decode(in, out, false);
            out.flip();
            while (out.hasRemaining()) {
                starts[n++] = start;
                text.append(out.get());
            }
            if (out.limit() > 0) {
                start = in.position();
            }
            out.clear();
            if (result.isError() || end >= data.length) {
                break;
            }
        }
        in.limit(data.length);
        decoder.decode(in, out, true);
        decoder.flush(out);
        out.flip();
        while (out.hasRemaining()) {
            starts[n++] = start;
            text.append(out.get());
        }
        starts[n] = data.length;
        int[] trimmed = new int[n + 1];
        System.arraycopy(starts, 0, trimmed, 0, n + 1);
        return new DecodedBytes(text.toString(), trimmed);
    }
}
