package com.socketworkbench.engine.rules;

/**
 * A rule that cannot be used, with the field at fault and, for the pattern and the reply, the 0-based char position
 * of the problem (-1 when the whole field is at fault). The message is written for the user.
 */
public final class InvalidRuleException extends Exception {

    /** The part of a rule a problem is in. */
    public enum Field { NAME, MATCH, REPLY, DELAY }

    private final Field field;
    private final int position;

    public InvalidRuleException(Field field, String message, int position) {
        super(message);
        this.field = field;
        this.position = position;
    }

    public Field field() {
        return field;
    }

    /** 0-based char index into the field's text, or -1. */
    public int position() {
        return position;
    }
}
