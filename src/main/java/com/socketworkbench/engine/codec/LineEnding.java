package com.socketworkbench.engine.codec;

import com.socketworkbench.engine.text.Texts;

/** Bytes appended to every sent payload. */
public enum LineEnding {
    NONE("None", new byte[0]),
    LF("LF \\n", new byte[]{'\n'}),
    CR("CR \\r", new byte[]{'\r'}),
    CRLF("CRLF \\r\\n", new byte[]{'\r', '\n'});

    private final String label;
    private final byte[] bytes;

    LineEnding(String label, byte[] bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** The ending's bytes (a fresh copy, empty for {@link #NONE}). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of bytes the ending adds. */
    public int length() {
        return bytes.length;
    }

    /** The UI label, e.g. "CRLF \r\n" with a literal backslash; "None" in the user's language. */
    public String label() {
        return this == NONE ? Words.TEXT.get("ending.none") : label;
    }

    @Override
    public String toString() {
        return label();
    }

    /** Holder: an enum's constants are made before its static fields, so the bundle waits here. */
    private static final class Words {
        static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.codec.codec");
    }
}
