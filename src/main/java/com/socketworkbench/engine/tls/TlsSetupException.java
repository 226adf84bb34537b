package com.socketworkbench.engine.tls;

/** TLS could not be set up from the settings: a file missing or unreadable, a wrong password, no key in a file. */
public final class TlsSetupException extends Exception {
    /** What went wrong, for a caller that points at the setting to fix (a scenario's {@code password:} line). */
    public enum Problem {
        /** A password is needed, or the one given does not open the file. */
        PASSWORD,
        /** The private key does not belong to the certificate. */
        KEY_MISMATCH,
        /** Anything else: a file missing or unreadable, no certificate or key in it. */
        OTHER
    }

    private final Problem problem;

    public TlsSetupException(String message) {
        this(Problem.OTHER, message, null);
    }

    public TlsSetupException(String message, Throwable cause) {
        this(Problem.OTHER, message, cause);
    }

    public TlsSetupException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
