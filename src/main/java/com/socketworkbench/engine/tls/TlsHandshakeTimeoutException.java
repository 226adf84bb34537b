package com.socketworkbench.engine.tls;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The handshake did not finish within its timeout; carries the timeout for the message. */
public final class TlsHandshakeTimeoutException extends SocketTimeoutException {
    private final Duration timeout;

    public TlsHandshakeTimeoutException(Duration timeout) {
        super("TLS handshake did not finish within " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
