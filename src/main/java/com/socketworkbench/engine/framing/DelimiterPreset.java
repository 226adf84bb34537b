package com.socketworkbench.engine.framing;

import java.util.Arrays;
import java.util.Optional;

/** Common message delimiters; anything else is entered as hex. */
public enum DelimiterPreset {
    LF("LF", "line feed \\n", new byte[]{0x0a}),
    CRLF("CRLF", "carriage return + line feed \\r\\n", new byte[]{0x0d, 0x0a}),
    CR("CR", "carriage return \\r", new byte[]{0x0d}),
    NUL("NUL", "zero byte \\0", new byte[]{0x00});

    private final String name;
    private final String meaning;
    private final byte[] bytes;

    DelimiterPreset(String name, String meaning, byte[] bytes) {
        this.name = name;
        this.meaning = meaning;
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** E.g. "CRLF (carriage return + line feed \r\n, 0d 0a)". */
    public String label() {
        return name + " (" + meaning + ", " + FramingSpec.hex(bytes) + ")";
    }

    public static Optional<DelimiterPreset> of(byte[] delimiter) {
        return Arrays.stream(values()).filter(p -> Arrays.equals(p.bytes, delimiter)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
