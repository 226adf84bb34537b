package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.CertSummary;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;

/**
 * A self-signed server certificate made by the app (EC P-256, SANs DNS:localhost, IP:127.0.0.1, IP:::1, valid one
 * year), kept as two PEM texts so a workspace can store it.
 */
public record GeneratedCertificate(String certificatePem, String privateKeyPem) {
    static final Duration VALIDITY = Duration.ofDays(365);

    public GeneratedCertificate {
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    }

    /** A new key pair and certificate for CN=Socket Workbench, localhost. */
    public static GeneratedCertificate generate() {
        return SelfSignedCertificates.generate();
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException("The stored certificate is unreadable: " + e.getMessage(), e);
        }
    }

    /** The private key; a {@link TlsSetupException} when the stored text is not a key. */
    PrivateKey privateKey() throws TlsSetupException {
        try {
            return PemKeys.readKey(privateKeyPem, null, TlsText.TEXT.get("generated.name"));
        } catch (UncheckedIOException e) {
            throw new TlsSetupException(e.getMessage(), e);
        }
    }

    /** Upper-case hex pairs separated by colons, as browsers show it. */
    public String sha256Fingerprint() {
        return CertSummary.of(certificate()).sha256Fingerprint();
    }
}
