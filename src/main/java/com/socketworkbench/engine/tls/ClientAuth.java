package com.socketworkbench.engine.tls;

/** Whether a TLS server asks its clients for a certificate. */
public enum ClientAuth {
    NONE,
    /** Asked for; a client without one is still accepted (one that presents an untrusted one is not). */
    OPTIONAL,
    REQUIRED
}
