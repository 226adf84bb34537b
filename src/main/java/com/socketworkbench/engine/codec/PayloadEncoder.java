package com.socketworkbench.engine.codec;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Turns the send editor's content into the bytes to send. */
public final class PayloadEncoder {

    private PayloadEncoder() {
    }

    /**
     * HEX input is parsed with {@link HexCodec#parse}, TEXT input with {@link TextEscapes#encode}; then the line
     * ending's bytes are appended (in HEX mode too). The charset matters only for TEXT.
     */
    public static byte[] encode(String input, PayloadFormat format, Charset charset, LineEnding ending)
            throws PayloadFormatException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(ending, "ending");
        byte[] body = switch (format) {
            case HEX -> HexCodec.parse(input);
            case TEXT -> TextEscapes.encode(input, charset);
        };
        if (ending.length() == 0) {
            return body;
        }
        byte[] out = Arrays.copyOf(body, body.length + ending.length());
        System.arraycopy(ending.bytes(), 0, out, body.length, ending.length());
        return out;
    }

    /** The problem {@link #encode} would report, or empty when the input is fine; for live feedback while typing. */
    public static Optional<PayloadFormatException> validate(String input, PayloadFormat format, Charset charset,
                                                            LineEnding ending) {
        try {
            encode(input, format, charset, ending);
            return Optional.empty();
        } catch (PayloadFormatException e) {
            return Optional.of(e);
        }
    }
}
