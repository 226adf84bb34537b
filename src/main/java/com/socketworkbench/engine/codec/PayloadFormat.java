package com.socketworkbench.engine.codec;

import com.socketworkbench.engine.text.Texts;

/** How the send editor's text is read: as characters with escapes, or as hex digits. */
public enum PayloadFormat {
    TEXT("format.text"),
    HEX("format.hex");

    private static final Texts WORDS = Texts.bundle("com.socketworkbench.engine.codec.codec");

    private final String key;

    PayloadFormat(String key) {
        this.key = key;
    }

    /** The UI label in the user's language: "Text" or "Hex". */
    @Override
    public String toString() {
        return WORDS.get(key);
    }
}
