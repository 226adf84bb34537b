package com.socketworkbench.engine.framing;

/** The ways a TCP byte stream can be cut into messages, with an explanation for the user. */
public enum FramingMode {
    RAW("Raw reads", "Shows every socket read exactly as it arrived. TCP is a byte stream without message boundaries:"
            + " one read may hold several messages, or part of one (the \"sticky packets\" effect)."),
    DELIMITER("Delimiter", "A message ends with a marker such as a line feed. Reads are joined or split until the"
            + " marker is seen, so each row is one message however TCP happened to deliver it."),
    LENGTH_PREFIX("Length prefix", "Each message starts with a length field saying how many bytes follow."
            + " The receiver reads the length, then waits for exactly that many bytes."),
    FIXED_SIZE("Fixed size", "Every message has the same number of bytes; the stream is cut at every N bytes."),
    IDLE_GAP("Idle gap", "A message is whatever arrives until the line falls silent for a while. Guesswork, but"
            + " it shows how the sender's bursts were grouped.");

    private final String label;
    private final String explanation;

    FramingMode(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    /** A few sentences for a tooltip or help text. */
    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return label;
    }
}
