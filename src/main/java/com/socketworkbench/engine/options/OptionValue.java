package com.socketworkbench.engine.options;

/**
 * One socket option as the operating system reports it.
 *
 * @param name      the option's name as in C and Java, e.g. "SO_RCVBUF", or a plain name for application settings
 * @param requested what was asked for, formatted like {@code effective}; null when it was not set
 * @param effective the value read back from the socket, "not supported" or "unavailable"
 * @param note      why effective differs from requested (doubling, a kernel cap, not supported...), otherwise null
 */
public record OptionValue(String name, String requested, String effective, String note) {

    public static final String NOT_SUPPORTED = "not supported";
    public static final String UNAVAILABLE = "unavailable";
    /** How the note of a requested option the system refused begins. */
    public static final String NOT_SET = "could not be set: ";

    /** What the option does, in a sentence, for a tooltip; empty when nothing is known about it. */
    public String meaning() {
        return OptionExplanations.meaning(name);
    }

    public boolean wasRequested() {
        return requested != null;
    }

    /** True when this option was requested and the system refused to set it ({@link #note()} says why). */
    public boolean setFailed() {
        return requested != null && note != null && note.startsWith(NOT_SET);
    }
}
