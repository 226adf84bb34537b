package com.socketworkbench.engine.tls;

/** TLS could not be set up from the settings: a file missing or unreadable, a wrong password, no key in a file. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
