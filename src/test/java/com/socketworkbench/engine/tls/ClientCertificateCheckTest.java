package com.socketworkbench.engine.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a scenario and the command line use to read a client certificate before connecting: the format told by name
 * or bytes, a key of another certificate refused by name, the password problem told apart, TLS version names.
 */
class ClientCertificateCheckTest {
    @TempDir
    Path dir;

    @Test
    void aPemChainWithItsKeyIsReadAndItsLeafReturned() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path[] pem = leaf.writePem(dir, "client");
        KeyMaterial material = KeyMaterial.of(pem[0], pem[1], "");
        assertEquals(KeyFormat.PEM, material.format());
        assertNull(material.password(), "an empty password is none");
        X509Certificate presented = TlsContexts.checkClientCertificate(material);
        assertEquals(leaf.certificate(), presented);
    }

    @Test
    void aDerCertificateBesideAPemKeyIsRead() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path der = dir.resolve("client.der");
        Files.write(der, leaf.certificate().getEncoded());
        Path key = leaf.writePem(dir, "client")[1];
        assertEquals(leaf.certificate(), TlsContexts.checkClientCertificate(KeyMaterial.of(der, key, null)));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedByName() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("CA");
        Path cert = TestCertificates.leaf(ca).writePem(dir, "client")[0];
        Path otherKey = TestCertificates.leaf(ca).writePem(dir, "other")[1];
        TlsSetupException mismatch = assertThrows(TlsSetupException.class,
                () -> TlsContexts.checkClientCertificate(KeyMaterial.of(cert, otherKey, null)));
        assertEquals(TlsSetupException.Problem.KEY_MISMATCH, mismatch.problem());
        assertEquals("The private key in " + otherKey + " does not belong to the certificate in " + cert
                + " (CN=localhost): they are not one key pair.", mismatch.getMessage());

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaKey = dir.resolve("rsa.key");
        Files.writeString(rsaKey, TestCertificates.pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                rsa.generateKeyPair().getPrivate(), null)));
        TlsSetupException otherKind = assertThrows(TlsSetupException.class,
                () -> TlsContexts.checkClientCertificate(KeyMaterial.of(cert, rsaKey, null)));
        assertEquals(TlsSetupException.Problem.KEY_MISMATCH, otherKind.problem(), otherKind.getMessage());
    }

    @Test
    void pkcs12IsToldByNameOrBytesAndAWrongPasswordIsAPasswordProblem() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path p12 = leaf.writePkcs12(dir, "client", "changeit");
        Path renamed = Files.copy(p12, dir.resolve("client.keystore"));
        assertEquals(KeyFormat.PKCS12, KeyMaterial.of(p12, null, "changeit").format());
        assertEquals(KeyFormat.PKCS12, KeyMaterial.of(renamed, null, "changeit").format());
        assertEquals(leaf.certificate(), TlsContexts.checkClientCertificate(KeyMaterial.of(renamed, null,
                "changeit")));
        TlsSetupException wrong = assertThrows(TlsSetupException.class,
                () -> TlsContexts.checkClientCertificate(KeyMaterial.of(p12, null, "wrong")));
        assertEquals(TlsSetupException.Problem.PASSWORD, wrong.problem());
        assertEquals("Wrong password for " + p12 + " (or the file is damaged).", wrong.getMessage());
        TlsSetupException missing = assertThrows(TlsSetupException.class,
                () -> TlsContexts.checkClientCertificate(KeyMaterial.of(dir.resolve("none.p12"), null, "x")));
        assertEquals(TlsSetupException.Problem.OTHER, missing.problem());
        assertTrue(missing.getMessage().startsWith("File not found: "), missing.getMessage());
    }

    @Test
    void versionNamesAsTheWindowTheJdkAndAPersonWriteThem() {
        for (String name : new String[]{"TLSv1.3", "tlsv1.3", "TLS 1.3", "TLS1.3", "TLS_1_3", "1.3", " 1.3 "}) {
            assertEquals(TlsVersion.TLS_1_3, TlsVersion.parse(name), name);
        }
        assertEquals(TlsVersion.TLS_1_2, TlsVersion.parse("TLSv1.2"));
        for (String name : new String[]{"TLSv1.1", "SSLv3", "1", "", "TLSv1.2x"}) {
            assertNull(TlsVersion.parse(name), name);
        }
        assertNull(TlsVersion.parse(null));
        assertEquals("TLSv1.2, TLSv1.3", TlsVersion.names());
    }
}
