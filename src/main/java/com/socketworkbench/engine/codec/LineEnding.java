package com.socketworkbench.engine.codec;

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

    /** The UI label, e.g. "CRLF \r\n" with a literal backslash. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
