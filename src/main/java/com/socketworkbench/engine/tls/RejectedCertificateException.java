package com.socketworkbench.engine.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The peer's certificate was rejected: carries the chain it presented so that {@link TlsFailures#explain} can say
 * which certificate expired when, and which names it covers. The JDK keeps it as the cause of the handshake failure.
 */
final class RejectedCertificateException extends CertificateException {
    private final transient X509Certificate[] chain;
    private final transient X509Certificate[] trusted;

    /** @param trusted the CAs the trust manager accepts (a server's client CA file): named in the words */
    RejectedCertificateException(CertificateException reason, X509Certificate[] chain, X509Certificate[] trusted) {
        super(reason.getMessage(), reason);
        this.chain = chain == null ? new X509Certificate[0] : chain.clone();
        this.trusted = trusted == null ? new X509Certificate[0] : trusted.clone();
    }

    /** The CAs the rejecting trust manager accepts; empty when unknown. */
    X509Certificate[] trusted() {
        return trusted.clone();
    }

    X509Certificate[] chain() {
        return chain.clone();
    }

    /** What the trust manager said. */
    CertificateException reason() {
        return (CertificateException) getCause();
    }
}
