package com.socketworkbench.engine.http;

import java.nio.file.Path;
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
 * @param caFile      the extra CA file whose certificates were trusted besides the system's; null when none was
 */
public record TlsInfo(String protocol, String cipherSuite, List<CertSummary> chain, boolean insecure, Path caFile) {

    /** Verified against the trust of the exchanger alone (or not at all), without an extra CA file. */
    public TlsInfo(String protocol, String cipherSuite, List<CertSummary> chain, boolean insecure) {
        this(protocol, cipherSuite, chain, insecure, null);
    }

    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        chain = List.copyOf(chain);
    }
}
