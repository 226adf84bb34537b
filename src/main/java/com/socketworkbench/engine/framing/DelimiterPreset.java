package com.socketworkbench.engine.framing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Common message delimiters; anything else is entered as hex. */
public enum DelimiterPreset {
    LF("LF", new byte[]{0x0a}),
    CRLF("CRLF", new byte[]{0x0d, 0x0a}),
    CR("CR", new byte[]{0x0d}),
    NUL("NUL", new byte[]{0x00});

    private final String name;
    private final byte[] bytes;

    DelimiterPreset(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** E.g. "CRLF (carriage return + line feed \r\n, 0d 0a)". */
    public String label() {
        return name + " (" + FramingTexts.TEXT.get("delimiter." + name.toLowerCase(Locale.ROOT)) + ", " + FramingSpec.hex(bytes) + ")";
    }

    public static Optional<DelimiterPreset> of(byte[] delimiter) {
        return Arrays.stream(values()).filter(p -> Arrays.equals(p.bytes, delimiter)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
