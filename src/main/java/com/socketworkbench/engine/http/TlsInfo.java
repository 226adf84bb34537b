package com.socketworkbench.engine.http;

import java.util.List;
import java.util.Objects;

/**
 * The TLS side of an exchange. Present also when the handshake failed on the certificate, so the UI can show the
 * rejected chain.
 *
 * @param protocol    "TLSv1.3" ("" when the handshake did not get that far)
 * @param cipherSuite "TLS_AES_256_GCM_SHA384" ("" when unknown)
 * @param chain       the server's certificates, leaf first
 * @param insecure    verification was switched off for this connection
 */
public record TlsInfo(String protocol, String cipherSuite, List<CertSummary> chain, boolean insecure) {

    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        chain = List.copyOf(chain);
    }
}
