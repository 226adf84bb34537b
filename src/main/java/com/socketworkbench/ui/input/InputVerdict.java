package com.socketworkbench.ui.input;

/**
 * What a settings field's check says about its current value, in plain words: nothing, a hint, a warning, or an
 * error. Only an error on the typed value makes it unusable (Start, Connect, Send stay disabled); a hint or a warning
 * is shown and nothing more. (A port a start found in use is shown as an error too, but the typed value stays usable:
 * see {@link PortInput#startFailed}.)
 *
 * @param severity how much the message matters
 * @param message  what the user reads under the field; empty exactly when the severity is {@link Severity#NONE}
 */
public record InputVerdict(Severity severity, String message) {
    /** How much a verdict matters, mildest first. */
    public enum Severity {
        NONE, HINT, WARNING, ERROR
    }

    public static final InputVerdict FINE = new InputVerdict(Severity.NONE, "");

    public InputVerdict {
        if (message == null || message.isEmpty() != (severity == Severity.NONE)) {
            throw new IllegalArgumentException("a verdict has a message exactly when it is not NONE");
        }
    }

    /** An error with {@code message}; {@link #FINE} when the message is empty (no problem found). */
    public static InputVerdict error(String message) {
        return message.isEmpty() ? FINE : new InputVerdict(Severity.ERROR, message);
    }

    /** A hint with {@code message}; {@link #FINE} when the message is empty. */
    public static InputVerdict hint(String message) {
        return message.isEmpty() ? FINE : new InputVerdict(Severity.HINT, message);
    }

    /** A warning with {@code message}; {@link #FINE} when the message is empty. */
    public static InputVerdict warning(String message) {
        return message.isEmpty() ? FINE : new InputVerdict(Severity.WARNING, message);
    }

    /** True when the value cannot be used. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
