package com.socketworkbench.engine.scenario;

import java.util.Objects;

/**
 * A scenario file that cannot be run: a YAML syntax error, an unknown key, a value of the wrong type, an unknown
 * connection name, a bad duration, regex or hex. Always names the file, line and column of the offending node;
 * {@link #getMessage()} is {@code file:line:column: reason}, {@link #reason()} the reason alone (in the user's
 * language).
 */
public final class ScenarioException extends Exception {
    private final transient SourceLocation location;
    private final String reason;

    public ScenarioException(SourceLocation location, String reason) {
        super(Objects.requireNonNull(location, "location") + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    public SourceLocation location() {
        return location;
    }

    public String file() {
        return location.file();
    }

    public int line() {
        return location.line();
    }

    public int column() {
        return location.column();
    }

    /** The reason without the location. */
    public String reason() {
        return reason;
    }
}
