package com.socketworkbench.engine.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Certificates made in a test with Bouncy Castle: a CA, leaves it signs (good, expired, not yet valid, other names). */
public final class TestCertificates {
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

    /** A key pair and its certificate chain, leaf first. */
    public record Issued(KeyPair keys, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.getFirst();
        }

        /** The chain as PEM text. */
        public String chainPem() {
            StringBuilder text = new StringBuilder();
            for (X509Certificate c : chain) {
                text.append(pem(c));
            }
            return text.toString();
        }

        public String keyPem() {
            try {
                return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null));
            } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A JDK server context presenting this chain; trusting {@code clientCa} for client certificates (or null). */
        public SSLContext serverContext(Issued clientCa) throws Exception {
            return context(this, clientCa);
        }

        /** A JDK client context trusting {@code ca} and presenting this chain as its client certificate. */
        public SSLContext clientContext(Issued ca) throws Exception {
            return context(this, ca);
        }

        /** Writes chain and key PEM files into {@code dir}; returns {chain, key}. */
        public Path[] writePem(Path dir, String name) throws IOException {
            Path chainFile = dir.resolve(name + ".crt");
            Path keyFile = dir.resolve(name + ".key");
            Files.writeString(chainFile, chainPem());
            Files.writeString(keyFile, keyPem());
            return new Path[]{chainFile, keyFile};
        }

        /** Writes a PKCS#12 file with the key and chain, protected by {@code password}. */
        public Path writePkcs12(Path dir, String name, String password) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", keys.getPrivate(), password.toCharArray(), chain.toArray(new Certificate[0]));
            Path file = dir.resolve(name + ".p12");
            try (var out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        }
    }

    private TestCertificates() {
    }

    public static Issued ca(String name) throws Exception {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=" + name), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Issued(keys, List.of(sign(builder, keys)));
    }

    /** A leaf for localhost, 127.0.0.1 and ::1, valid from yesterday for 30 days. */
    public static Issued leaf(Issued ca) throws Exception {
        Instant now = Instant.now();
        return leaf(ca, "localhost", List.of("DNS:localhost", "IP:127.0.0.1", "IP:::1"),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    /** @param names "DNS:x" or "IP:x" */
    public static Issued leaf(Issued ca, String cn, List<String> names, Instant from, Instant to) throws Exception {
        KeyPair keys = keyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(ca.certificate().getSubjectX500Principal().getName()),
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(from), Date.from(to),
                new X500Name("CN=" + cn), keys.getPublic());
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) {
            sans.add(n.startsWith("IP:") ? new GeneralName(GeneralName.iPAddress, n.substring(3))
                    : new GeneralName(GeneralName.dNSName, n.substring(4)));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(sans.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keys().getPrivate())));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(ca.chain());
        return new Issued(keys, chain);
    }

    /** A JDK context trusting {@code ca} only (null: nothing), presenting nothing. */
    public static SSLContext trusting(Issued ca) throws Exception {
        return context(null, ca);
    }

    /** Writes the CA certificate as PEM; returns the file. */
    public static Path writeCa(Issued ca, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".pem");
        Files.writeString(file, pem(ca.certificate()));
        return file;
    }

    private static SSLContext context(Issued key, Issued trusted) throws Exception {
        KeyManagerFactory keys = null;
        if (key != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", key.keys().getPrivate(), new char[0], key.chain().toArray(new Certificate[0]));
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
        }
        TrustManagerFactory trust = null;
        if (trusted != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", trusted.certificate());
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                null);
        return context;
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair keys) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
