package com.socketworkbench.engine.tls;

import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PEM (PKCS#8, PKCS#1 RSA, EC, encrypted) and PKCS#12 loading, and every bad file in plain words. */
class KeyMaterialLoadingTest {
    @TempDir
    Path dir;

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static PrivateKey loaded(KeyMaterial material) throws Exception {
        KeyStore store = KeyMaterials.keyStore(material);
        return (PrivateKey) store.getKey(KeyMaterials.ALIAS, KeyMaterials.MEMORY_PASSWORD);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void pemPkcs8KeyAndChainInTwoFiles() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path[] files = leaf.writePem(dir, "server");
        assertTrue(Files.readString(files[1]).contains("BEGIN PRIVATE KEY"));
        assertArrayEquals(leaf.keys().getPrivate().getEncoded(),
                loaded(KeyMaterial.pem(files[0], files[1], null)).getEncoded());
        assertNotNull(TlsContexts.server(TlsServerSettings.of(KeyMaterial.pem(files[0], files[1], null))));
    }

    @Test
    void pemChainAndKeyInOneFile() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path both = write("both.pem", leaf.keyPem() + leaf.chainPem());
        assertArrayEquals(leaf.keys().getPrivate().getEncoded(),
                loaded(KeyMaterial.pem(both, null, null)).getEncoded());
    }

    @Test
    void pkcs1RsaAndEcKeyPairs() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaPair = rsa.generateKeyPair();
        String rsaPem = pem(new JcaMiscPEMGenerator(rsaPair));
        assertTrue(rsaPem.contains("BEGIN RSA PRIVATE KEY"), rsaPem);
        assertEquals("RSA", PemKeys.readKey(rsaPem, null, "rsa.key").getAlgorithm());

        // As `openssl ecparam -genkey -name prime256v1` writes it: SEC1 with the curve inside (a throwaway test key).
        String ecPem = """
                -----BEGIN EC PRIVATE KEY-----
                MHcCAQEEIIaiR+WWU7I6nc/s9m2bcf6gBzwOH1D0Y2baf05pmaTcoAoGCCqGSM49
                AwEHoUQDQgAE+N0sL1yEBq/T8RyVbpBC5SvXihEOniZq6rUhWz/A3AN26In1M0SK
                gNCYWEU+VaajRZDGRv3eDJjK5tOnPU+T6Q==
                -----END EC PRIVATE KEY-----
                """;
        assertEquals("EC", PemKeys.readKey(ecPem, null, "ec.key").getAlgorithm());
    }

    @Test
    void encryptedPemWithThePasswordAndWithAWrongOne() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        String legacy = pem(new JcaMiscPEMGenerator(pair, new JcePEMEncryptorBuilder("AES-128-CBC")
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build("s3cret".toCharArray())));
        assertTrue(legacy.contains("ENCRYPTED"), legacy);
        assertArrayEquals(pair.getPrivate().getEncoded(), PemKeys.readKey(legacy, "s3cret", "k").getEncoded());
        TlsSetupException wrong = assertThrows(TlsSetupException.class, () -> PemKeys.readKey(legacy, "nope", "k"));
        assertEquals("Wrong password for k (or the file is damaged).", wrong.getMessage());
        TlsSetupException none = assertThrows(TlsSetupException.class, () -> PemKeys.readKey(legacy, null, "k"));
        assertEquals("The private key in k is encrypted: a password is needed.", none.getMessage());

        String pkcs8 = pem(new JcaPKCS8Generator(pair.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword("s3cret".toCharArray()).build()));
        assertTrue(pkcs8.contains("BEGIN ENCRYPTED PRIVATE KEY"), pkcs8);
        assertArrayEquals(pair.getPrivate().getEncoded(), PemKeys.readKey(pkcs8, "s3cret", "k").getEncoded());
        assertThrows(TlsSetupException.class, () -> PemKeys.readKey(pkcs8, "nope", "k"));
    }

    @Test
    void pkcs12WithThePasswordAndWithAWrongOne() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path p12 = leaf.writePkcs12(dir, "server", "changeit");
        assertArrayEquals(leaf.keys().getPrivate().getEncoded(),
                loaded(KeyMaterial.pkcs12(p12, "changeit")).getEncoded());
        TlsSetupException wrong = assertThrows(TlsSetupException.class,
                () -> TlsContexts.server(TlsServerSettings.of(KeyMaterial.pkcs12(p12, "wrong"))));
        assertEquals("Wrong password for " + p12 + " (or the file is damaged).", wrong.getMessage());
    }

    @Test
    void missingFileNoKeyAndNoCertificateAreSaidPlainly() throws Exception {
        Path missing = dir.resolve("nowhere.pem");
        TlsSetupException notFound = assertThrows(TlsSetupException.class,
                () -> TlsContexts.server(TlsServerSettings.of(KeyMaterial.pem(missing, null, null))));
        assertEquals("File not found: " + missing, notFound.getMessage());

        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path chainOnly = write("chain.pem", leaf.chainPem());
        TlsSetupException noKey = assertThrows(TlsSetupException.class,
                () -> TlsContexts.server(TlsServerSettings.of(KeyMaterial.pem(chainOnly, null, null))));
        assertEquals("No private key in " + chainOnly + ".", noKey.getMessage());

        Path keyOnly = write("key.pem", leaf.keyPem());
        TlsSetupException noCert = assertThrows(TlsSetupException.class,
                () -> TlsContexts.server(TlsServerSettings.of(KeyMaterial.pem(keyOnly, keyOnly, null))));
        assertEquals("No certificate in " + keyOnly + " (expected PEM or DER).", noCert.getMessage());

        TlsSetupException badCa = assertThrows(TlsSetupException.class, () -> TlsContexts.client(
                TlsClientSettings.defaults().withExtraCaFile(dir.resolve("ca-missing.pem"))));
        assertTrue(badCa.getMessage().startsWith("File not found: "), badCa.getMessage());
    }

    @Test
    void generatedCertificateCoversLocalhostAndLoopbackForAYear() throws Exception {
        GeneratedCertificate generated = GeneratedCertificate.generate();
        var summary = com.socketworkbench.engine.http.CertSummary.of(generated.certificate());
        assertEquals(List.of("DNS:localhost", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1"), summary.subjectAltNames());
        assertTrue(summary.selfSigned());
        assertTrue(java.time.Duration.between(summary.notBefore(), summary.notAfter()).toDays() >= 365);
        assertEquals(95, generated.sha256Fingerprint().length());
        assertNotNull(TlsContexts.server(TlsServerSettings.generated(generated)));
    }

    /** A PKCS#12 file under another name is told by its bytes, not misread as PEM ("No certificate in ..."). */
    @Test
    void pkcs12UnderAnotherNameIsReadAsPkcs12() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path p12 = leaf.writePkcs12(dir, "client", "secret");
        Path renamed = Files.move(p12, dir.resolve("client.pkcs12"));
        assertTrue(KeyFiles.isPkcs12(renamed));
        assertFalse(KeyFiles.isPkcs12(leaf.writePem(dir, "pem")[0]), "PEM text");
        Path der = Files.write(dir.resolve("leaf.der"), leaf.certificate().getEncoded());
        assertFalse(KeyFiles.isPkcs12(der), "an X.509 certificate in DER");
        // Given as PEM (what a UI does for an unknown name), it still loads, with its password.
        assertArrayEquals(leaf.keys().getPrivate().getEncoded(),
                loaded(KeyMaterial.pem(renamed, null, "secret")).getEncoded());
    }

    /** A server certificate from files is checked for its end date too, with the file's remedy. */
    @Test
    void anExpiringCertificateFileIsWarnedAbout() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"), "localhost",
                java.util.List.of("DNS:localhost"), now.minus(java.time.Duration.ofDays(10)),
                now.plus(java.time.Duration.ofDays(3)));
        Path[] files = leaf.writePem(dir, "server");
        String warning = TlsContexts.expiryWarning(TlsServerSettings.of(KeyMaterial.pem(files[0], files[1], null)),
                now);
        assertTrue(warning.contains("expires on") && warning.contains("Renew the certificate file."), warning);
        assertEquals(null, TlsContexts.expiryWarning(TlsServerSettings.of(KeyMaterial.pem(files[0], files[1], null)),
                now.minus(java.time.Duration.ofDays(60))));
    }
}
