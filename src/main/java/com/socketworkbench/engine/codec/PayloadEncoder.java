package com.socketworkbench.engine.codec;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Turns the send editor's content into the bytes to send. */
public final class PayloadEncoder {

    private PayloadEncoder() {
    }

    /** {@link #encode(String, PayloadFormat, Charset, LineEnding, boolean)} with escapes on (saved messages). */
    public static byte[] encode(String input, PayloadFormat format, Charset charset, LineEnding ending)
            throws PayloadFormatException {
        return encode(input, format, charset, ending, true);
    }

    /**
     * HEX input is parsed with {@link HexCodec#parse} and sent exactly as written: no line ending, no charset. TEXT
     * input is encoded with {@code charset}, its escapes resolved only when {@code escapes} is on (off, a backslash is
     * a backslash: {@code C:\temp\new} goes out as typed), then the line ending's bytes are appended.
     */
    public static byte[] encode(String input, PayloadFormat format, Charset charset, LineEnding ending,
                                boolean escapes) throws PayloadFormatException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(ending, "ending");
        byte[] body = switch (format) {
            case HEX -> HexCodec.parse(input);
            case TEXT -> escapes ? TextEscapes.encode(input, charset) : TextEscapes.encodeLiteral(input, charset);
        };
        // Hex is the exact bytes: an ending picked for text would silently add bytes nobody wrote.
        if (format == PayloadFormat.HEX || ending.length() == 0) {
            return body;
        }
        byte[] out = Arrays.copyOf(body, body.length + ending.length());
        System.arraycopy(ending.bytes(), 0, out, body.length, ending.length());
        return out;
    }

    /** {@link #validate(String, PayloadFormat, Charset, LineEnding, boolean)} with escapes on. */
    public static Optional<PayloadFormatException> validate(String input, PayloadFormat format, Charset charset,
                                                            LineEnding ending) {
        return validate(input, format, charset, ending, true);
    }

    /** The problem {@link #encode} would report, or empty when the input is fine; for live feedback while typing. */
    public static Optional<PayloadFormatException> validate(String input, PayloadFormat format, Charset charset,
                                                            LineEnding ending, boolean escapes) {
        try {
            encode(input, format, charset, ending, escapes);
            return Optional.empty();
        } catch (PayloadFormatException e) {
            return Optional.of(e);
        }
    }
}
