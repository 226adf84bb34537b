package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.CertSummary;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate cert = selfSigned(pair, "CN=Socket Workbench (localhost)",
                    now.minus(Duration.ofMinutes(5)), now.plus(VALIDITY),
                    new GeneralNames(new GeneralName[]{
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.iPAddress, "::1")}));
            return new GeneratedCertificate(pem(cert), pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Could not generate a certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String subject, Instant from, Instant to,
                                              GeneralNames names)
            throws OperatorCreationException, IOException, CertificateException {
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(from), Date.from(to), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, names);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
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
