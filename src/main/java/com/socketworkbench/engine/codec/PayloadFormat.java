package com.socketworkbench.engine.codec;

/** How the send editor's text is read: as characters with escapes, or as hex digits. */
public enum PayloadFormat {
    TEXT("Text"),
    HEX("Hex");

    private final String label;

    PayloadFormat(String label) {
        this.label = label;
    }

    /** The UI label: "Text" or "Hex". */
    @Override
    public String toString() {
        return label;
    }
}
