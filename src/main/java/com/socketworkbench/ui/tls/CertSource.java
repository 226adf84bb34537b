package com.socketworkbench.ui.tls;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/** Where a TLS server's certificate comes from. */
public enum CertSource {
    /** Self-signed, made in the app, saved with the workspace. */
    GENERATED,
    /** A .p12 / .pfx file holding the certificate and its key. */
    PKCS12,
    /** A PEM chain and its key (in the same file or a key file). */
    PEM;

    @Override
    public String toString() {
        return TEXT.get("source." + name());
    }
}
