package com.socketworkbench.engine.codec;

import com.socketworkbench.engine.text.Texts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Objects;

/**
 * Switching the send editor between Text and Hex converts what is in the box instead of re-reading it: text becomes
 * the hex of the bytes it stands for, hex becomes the text those bytes spell, when they spell one.
 */
public final class PayloadConversion {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.codec.codec");

    private PayloadConversion() {
    }

    /**
     * The bytes {@code text} stands for (escapes resolved when {@code escapes} is on) as spaced lowercase hex.
     *
     * @throws PayloadFormatException when the text itself is not valid (a bad escape, a character the charset lacks)
     */
    public static String toHex(String text, Charset charset, boolean escapes) throws PayloadFormatException {
        Objects.requireNonNull(text, "text");
        byte[] bytes = escapes ? TextEscapes.encode(text, charset) : TextEscapes.encodeLiteral(text, charset);
        return HexCodec.format(bytes);
    }

    /**
     * The text the hex bytes spell in {@code charset}, written so that sending it in text mode sends the same bytes:
     * with escapes on, a backslash doubles and control characters become escapes; with escapes off, the text is
     * taken only when it holds nothing but printable characters, newlines and tabs.
     *
     * @throws PayloadFormatException when the hex is invalid, a byte does not decode in {@code charset}, or (escapes
     *                                off) a byte is a control character a text box cannot hold; the message says which
     *                                byte, and the position is 0 (the hex stays as it was)
     */
    public static String toText(String hex, Charset charset, boolean escapes) throws PayloadFormatException {
        Objects.requireNonNull(charset, "charset");
        byte[] bytes = HexCodec.parse(hex);
        String decoded = decodeStrictly(bytes, charset);
        if (escapes) {
            // The exact inverse of the text mode: encode(escape(b)) == b for any bytes.
            return TextEscapes.escape(bytes, charset);
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                int at = byteIndexOf(decoded, i, charset);
                throw new PayloadFormatException(TEXT.get("convert.control", hexOf(bytes[at]), at + 1, bytes.length),
                        0);
            }
        }
        byte[] back;
        try {
            back = TextEscapes.encodeLiteral(decoded, charset);
        } catch (PayloadFormatException e) {
            back = null;
        }
        if (!Arrays.equals(bytes, back)) {
            throw new PayloadFormatException(TEXT.get("convert.roundtrip", charset.name()), 0);
        }
        return decoded;
    }

    private static String decodeStrictly(byte[] bytes, Charset charset) throws PayloadFormatException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 4);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError() || in.hasRemaining()) {
            int at = Math.min(in.position(), bytes.length - 1);
            throw new PayloadFormatException(TEXT.get("convert.undecodable", hexOf(bytes[at]), at + 1, bytes.length,
                    charset.name()), 0);
        }
        return out.flip().toString();
    }

    /** Where the {@code charIndex}-th char of {@code decoded} starts in the bytes it was decoded from. */
    private static int byteIndexOf(String decoded, int charIndex, Charset charset) {
        try {
            return charset.newEncoder().encode(CharBuffer.wrap(decoded, 0, charIndex)).remaining();
        } catch (CharacterCodingException e) {
            return 0;
        }
    }

    private static String hexOf(byte b) {
        return HexCodec.format(new byte[]{b});
    }
}
