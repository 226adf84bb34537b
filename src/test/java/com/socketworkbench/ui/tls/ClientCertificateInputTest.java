package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.tls.KeyFormat;
import com.socketworkbench.engine.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client certificate file's format follows its name, and its bytes when the name does not say. */
class ClientCertificateInputTest {
    @TempDir
    Path dir;

    @Test
    void aPkcs12FileUnderAnotherNameIsTakenAsPkcs12() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path renamed = Files.move(leaf.writePkcs12(dir, "client", "pw"), dir.resolve("keystore.pkcs"));
        Path[] pem = leaf.writePem(dir, "client");
        ClientCertificateInput input = new ClientCertificateInput(renamed.toString(), "");
        assertEquals(KeyFormat.PKCS12, input.keyMaterial().format());
        input.key().textProperty().set(pem[1].toString());
        assertEquals("A PKCS#12 file holds its own key: leave the key file empty",
                input.keyVerdictProperty().get().message());
        ClientCertificateInput pemInput = new ClientCertificateInput(pem[0].toString(), pem[1].toString());
        assertEquals(KeyFormat.PEM, pemInput.keyMaterial().format());
        assertTrue(pemInput.isValid());
    }
}
