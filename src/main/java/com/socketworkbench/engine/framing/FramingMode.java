package com.socketworkbench.engine.framing;

/** The ways a TCP byte stream can be cut into messages, with an explanation for the user. */
public enum FramingMode {
    RAW("raw"),
    DELIMITER("delimiter"),
    LENGTH_PREFIX("length_prefix"),
    FIXED_SIZE("fixed_size"),
    IDLE_GAP("idle_gap");

    /** The mode's part of its bundle keys: mode.KEY.label, mode.KEY.explanation. */
    private final String key;

    FramingMode(String key) {
        this.key = key;
    }

    public String label() {
        return FramingTexts.TEXT.get("mode." + key + ".label");
    }

    /** A few sentences for a tooltip or help text. */
    public String explanation() {
        return FramingTexts.TEXT.get("mode." + key + ".explanation");
    }

    @Override
    public String toString() {
        return label();
    }
}
