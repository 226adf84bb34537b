package com.socketworkbench.engine.codec;

/**
 * The user's payload text cannot be turned into bytes: a bad hex digit, an unknown escape, a character the chosen
 * charset cannot encode.
 *
 * <p>{@link #position()} is the 0-based char index into the input (for placing a caret or a highlight); the message
 * is written for humans and counts from 1, e.g. "Invalid hex digit 'g' at position 6" for index 5.
 */
public final class PayloadFormatException extends Exception {

    private final int position;

    /**
     * @param message  the complete user-facing message; it should name the position 1-based (see {@link #human})
     * @param position 0-based char index into the input
     */
    public PayloadFormatException(String message, int position) {
        super(message);
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        this.position = position;
    }

    /** 0-based char index into the input where the problem is. */
    public int position() {
        return position;
    }

    /** The 1-based position as the message text shows it. */
    static int human(int index) {
        return index + 1;
    }
}
