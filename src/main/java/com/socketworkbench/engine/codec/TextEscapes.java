package com.socketworkbench.engine.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

import com.socketworkbench.engine.text.Texts;

/**
 * The text mode of the send editor: characters plus the escapes {@code \r \n \t \0 \\ \xNN}.
 *
 * <p>{@code \r \n \t \0 \\} stand for characters and are encoded with the charset like any other character (in
 * UTF-16 {@code \n} is two bytes). {@code \xNN} is the raw byte NN whatever the charset, so any bytes can be written.
 * {@link #escape} is the exact inverse: {@code encode(escape(b, cs), cs)} gives back {@code b} for any bytes.
 */
public final class TextEscapes {

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.codec.codec");

    private TextEscapes() {
    }

    /**
     * Encodes the editor's text: escapes resolved, every other character encoded with {@code charset}.
     *
     * @throws PayloadFormatException for an unknown or incomplete escape, a trailing lone backslash, or a character
     *                                the charset cannot encode; the position is that of the backslash or character
     */
    public static byte[] encode(String text, Charset charset) throws PayloadFormatException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        if (!charset.canEncode()) {
            throw new IllegalArgumentException(charset.name() + " can only decode, not encode");
        }
        Segment segment = new Segment(charset, text, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '\\') {
                segment.add(c, i);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                throw new PayloadFormatException(TEXT.get("escape.lone", PayloadFormatException.human(i)), i);
            }
            char kind = text.charAt(i + 1);
            switch (kind) {
                case 'r' -> segment.add('\r', i);
                case 'n' -> segment.add('\n', i);
                case 't' -> segment.add('\t', i);
                case '0' -> segment.add('\0', i);
                case '\\' -> segment.add('\\', i);
                case 'x', 'X' -> {
                    int high = i + 2 < n ? HexCodec.hexValue(text.charAt(i + 2)) : -1;
                    int low = i + 3 < n ? HexCodec.hexValue(text.charAt(i + 3)) : -1;
                    if (high < 0 || low < 0) {
                        String written = text.substring(i, high < 0 ? i + 2 : i + 3);
                        throw new PayloadFormatException(TEXT.get("escape.incomplete", written,
                                PayloadFormatException.human(i)), i);
                    }
                    segment.writeTo(out, false);
                    out.write(high << 4 | low);
                    i += 4;
                    continue;
                }
                default -> throw new PayloadFormatException(TEXT.get("escape.unknown",
                        CharNames.isVisible(kind)
                                ? TEXT.get("escape.unknown.visible", kind)
                                : TEXT.get("escape.unknown.invisible", CharNames.describe(kind)),
                        PayloadFormatException.human(i)), i);
            }
            i += 2;
        }
        segment.writeTo(out, true);
        return out.toByteArray();
    }

    /**
     * The editor's text with escapes off: every character, a backslash too, encoded with {@code charset} as it is.
     *
     * @throws PayloadFormatException for a character the charset cannot encode, at its position
     */
    public static byte[] encodeLiteral(String text, Charset charset) throws PayloadFormatException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        if (!charset.canEncode()) {
            throw new IllegalArgumentException(charset.name() + " can only decode, not encode");
        }
        Segment segment = new Segment(charset, text, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            segment.add(text.charAt(i), i);
        }
        segment.writeTo(out, true);
        return out.toByteArray();
    }

    /**
     * Bytes as editor text, for display and the send history: decoded with {@code charset}; a backslash becomes
     * {@code \\}; CR, LF, TAB and NUL become {@code \r \n \t \0}; other control and invisible characters and every byte
     * that does not decode (or would not encode back to the same bytes) become {@code \xNN}.
     */
    public static String escape(byte[] data, Charset charset) {
        return escape(data, 0, data.length, charset);
    }

    /** {@link #escape(byte[], Charset)} for {@code len} bytes of {@code data} from {@code off}. */
    public static String escape(byte[] data, int off, int len, Charset charset) {
        StringBuilder sb = new StringBuilder(len + 16);
        CharWalker.walk(data, off, len, charset, true, new CharWalker.Visitor() {
            @Override
            public boolean character(int codePoint, byte[] bytes, int start, int count) {
                appendEscaped(sb, codePoint, bytes, start, count);
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

    /** Appends one decoded character the way {@link #escape} shows it. */
    static void appendEscaped(StringBuilder sb, int codePoint, byte[] data, int start, int len) {
        switch (codePoint) {
            case '\\' -> sb.append("\\\\");
            case '\r' -> sb.append("\\r");
            case '\n' -> sb.append("\\n");
            case '\t' -> sb.append("\\t");
            case 0 -> sb.append("\\0");
            default -> {
                if (CharWalker.isHidden(codePoint)) {
                    CharWalker.appendHexEscapes(sb, data, start, len);
                } else {
                    sb.appendCodePoint(codePoint);
                }
            }
        }
    }

    /**
     * A run of characters between raw {@code \xNN} bytes, encoded with one encoder for the whole text. It remembers
     * only where it started in the text; an encoding error, being rare, finds its position by walking from there.
     */
    private static final class Segment {
        private final Charset charset;
        private final CharsetEncoder encoder;
        private final String text;
        private final StringBuilder chars = new StringBuilder();
        private final boolean escapes;
        private int start;

        Segment(Charset charset, String text, boolean escapes) {
            this.charset = charset;
            this.text = text;
            this.escapes = escapes;
            this.encoder = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /** Adds a character that was written at {@code index} of the text, itself or as a two-char escape. */
        void add(char c, int index) {
            if (chars.isEmpty()) {
                start = index;
            }
            chars.append(c);
        }

        /** Where the segment's {@code segmentIndex}-th character was written; a segment holds no {@code \xNN}. */
        private int sourceIndex(int segmentIndex) {
            int index = start;
            for (int i = 0; i < segmentIndex; i++) {
                index += escapes && text.charAt(index) == '\\' ? 2 : 1;
            }
            return index;
        }

        void writeTo(ByteArrayOutputStream out, boolean endOfInput) throws PayloadFormatException {
            if (chars.isEmpty() && !endOfInput) {
                return;
            }
            CharBuffer in = CharBuffer.wrap(chars);
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 64,
                    (long) Math.ceil(chars.length() * (double) encoder.maxBytesPerChar()) + 16));
            while (true) {
                CoderResult result = encoder.encode(in, bytes, endOfInput);
                if (result.isOverflow()) {
                    bytes = grow(bytes);
                } else if (result.isError()) {
                    throw cannotEncode(in.position(), result.isMalformed());
                } else {
                    break;
                }
            }
            if (in.hasRemaining()) {
                // The encoder holds back a high surrogate hoping for its partner, but a raw byte comes next.
                throw cannotEncode(in.position(), true);
            }
            if (endOfInput) {
                while (encoder.flush(bytes).isOverflow()) {
                    bytes = grow(bytes);
                }
            }
            out.write(bytes.array(), 0, bytes.position());
            chars.setLength(0);
        }

        private PayloadFormatException cannotEncode(int segmentIndex, boolean malformed) {
            int index = sourceIndex(segmentIndex);
            int where = PayloadFormatException.human(index);
            String what = CharNames.describe(Character.codePointAt(chars, segmentIndex));
            return new PayloadFormatException(malformed
                    ? TEXT.get("encode.surrogate", what, where)
                    : TEXT.get("encode.unmappable", what, where, charset.name()), index);
        }

        private static ByteBuffer grow(ByteBuffer bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(bytes.capacity() * 2 + 16);
            bytes.flip();
            return bigger.put(bytes);
        }
    }
}
