package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.tls.TestCertificates.Issued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server's certificate files read before Start: the leaf it serves, or the words and the field they belong at. */
class ServerCertificatesTest {
    @TempDir
    Path dir;

    @Test
    void pemAndPkcs12GiveTheLeaf() throws Exception {
        Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path[] pem = leaf.writePem(dir, "server");
        assertEquals(leaf.certificate(), ServerCertificates.load(KeyMaterial.pem(pem[0], pem[1], null)));
        Path p12 = leaf.writePkcs12(dir, "server", "secret");
        X509Certificate fromP12 = ServerCertificates.load(KeyMaterial.pkcs12(p12, "secret"));
        assertEquals(leaf.certificate(), fromP12);
    }

    @Test
    void aFileWithoutACertificateIsTheCertificateFieldsProblem() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pem"), "hello");
        Path[] pem = TestCertificates.leaf(TestCertificates.ca("CA")).writePem(dir, "server");
        var problem = assertThrows(ServerCertificates.Problem.class,
                () -> ServerCertificates.load(KeyMaterial.pem(text, pem[1], null)));
        assertEquals(ServerCertificates.Field.CERTIFICATE, problem.field());
        assertEquals("No certificate in " + text + " (expected PEM or DER).", problem.getMessage());
    }

    @Test
    void aKeyOfAnotherCertificateIsTheKeyFieldsProblem() throws Exception {
        Issued one = TestCertificates.leaf(TestCertificates.ca("CA"));
        Issued two = TestCertificates.leaf(TestCertificates.ca("CA 2"));
        Path cert = one.writePem(dir, "one")[0];
        Path key = two.writePem(dir, "two")[1];
        var problem = assertThrows(ServerCertificates.Problem.class,
                () -> ServerCertificates.load(KeyMaterial.pem(cert, key, null)));
        assertEquals(ServerCertificates.Field.KEY, problem.field());
        assertTrue(problem.getMessage().startsWith("The private key in " + key + " does not belong to the certificate"
                + " in " + cert), problem.getMessage());
        // A start with them says the same instead of failing each handshake later.
        var start = assertThrows(TlsSetupException.class,
                () -> TlsContexts.server(TlsServerSettings.of(KeyMaterial.pem(cert, key, null))));
        assertEquals(problem.getMessage(), start.getMessage());
    }

    @Test
    void aWrongPkcs12PasswordIsThePasswordFieldsProblem() throws Exception {
        Path p12 = TestCertificates.leaf(TestCertificates.ca("CA")).writePkcs12(dir, "server", "secret");
        var problem = assertThrows(ServerCertificates.Problem.class,
                () -> ServerCertificates.load(KeyMaterial.pkcs12(p12, "wrong")));
        assertEquals(ServerCertificates.Field.PASSWORD, problem.field());
        assertEquals("Wrong password for " + p12 + " (or the file is damaged).", problem.getMessage());
    }
}
