package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.KeyFormat;
import com.socketworkbench.engine.tls.TlsServerSettings;
import com.socketworkbench.engine.tls.TlsVersion;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import com.socketworkbench.ui.tls.CertSource;
import com.socketworkbench.ui.tls.TlsServerForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP server tab's TLS: a generated certificate is saved with the tab (its two PEM texts) and comes back, as do
 * the other settings; a file's password never does; Start waits for a certificate and the client CA it needs.
 */
@Timeout(60)
class TcpServerTlsSettingsTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<TcpServerViewModel> models = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        models.forEach(TcpServerViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private TcpServerViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        TcpServerViewModel model = new TcpServerViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    @Test
    void theGeneratedCertificateAndTheSettingsComeBack() throws Exception {
        Path ca = Files.writeString(dir.resolve("clients-ca.pem"), "ca");
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpServerViewModel model = model(preferences);
        TlsServerForm tls = model.tls();
        tls.enabledProperty().set(true);
        assertFalse(model.canStartProperty().get(), "no certificate yet");
        assertEquals("No certificate yet: press Generate", tls.certificateVerdictProperty().get().message());
        tls.generate();
        GeneratedCertificate made = tls.generatedProperty().get();
        assertNotNull(made);
        assertTrue(model.canStartProperty().get());
        assertTrue(tls.generatedSummary().subjectAltNames().contains("IP:127.0.0.1"));
        tls.clientAuthProperty().set(ClientAuth.OPTIONAL);
        assertFalse(model.canStartProperty().get(), "asking for client certificates needs their CA");
        tls.clientCaFile().textProperty().set(ca.toString());
        assertTrue(model.canStartProperty().get());
        tls.alpn().textProperty().set("h2");
        tls.versions().minProperty().set(TlsVersion.TLS_1_3);
        model.savePreferences();

        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "tcpServer", "Server"))) {
            TlsServerForm back = model(copy).tls();
            assertTrue(back.enabledProperty().get());
            assertEquals(CertSource.GENERATED, back.sourceProperty().get());
            assertEquals(made, back.generatedProperty().get(), "the same certificate and key");
            assertEquals(ClientAuth.OPTIONAL, back.clientAuthProperty().get());
            assertEquals(ca.toString(), back.clientCaFile().text());
            assertEquals("h2", back.alpn().text());
            assertEquals(TlsVersion.TLS_1_3, back.versions().min());
            TlsServerSettings settings = back.settings();
            assertEquals(made, settings.generated());
            assertEquals(List.of("h2"), settings.alpn());
        }
    }

    @Test
    void filesAreSavedButNotTheirPassword() throws Exception {
        Path p12 = Files.writeString(dir.resolve("server.p12"), "p12");
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpServerViewModel model = model(preferences);
        TlsServerForm tls = model.tls();
        tls.enabledProperty().set(true);
        tls.sourceProperty().set(CertSource.PKCS12);
        assertEquals("Choose the certificate file", tls.certificateVerdictProperty().get().message());
        assertFalse(model.canStartProperty().get());
        tls.files().certificate().textProperty().set(p12.toString());
        tls.files().passwordProperty().set("changeit-please");
        assertTrue(model.canStartProperty().get());
        assertEquals(KeyFormat.PKCS12, tls.settings().keyMaterial().format());
        assertNull(tls.settings().generated());
        model.savePreferences();

        TlsServerForm back = model(WorkspaceCopy.throughJson(preferences, "tcpServer", "Server")).tls();
        assertEquals(CertSource.PKCS12, back.sourceProperty().get());
        assertEquals(p12.toString(), back.files().certificate().text());
        assertEquals("", back.files().passwordProperty().get());
        for (String key : preferences.child("tls").node().keys()) {
            assertFalse(preferences.child("tls").get(key, "").contains("changeit-please"), key);
        }
    }

    /** A1: the key field is hidden for PKCS#12, so a key left from the PEM pair must not keep Start disabled. */
    @Test
    void aKeyFileLeftFromPemDoesNotBlockAPkcs12Start() throws Exception {
        Path crt = Files.writeString(dir.resolve("server.crt"), "crt");
        Path key = Files.writeString(dir.resolve("server.key"), "key");
        Path p12 = Files.writeString(dir.resolve("server.p12"), "p12");
        TcpServerViewModel model = model(InMemoryPreferences.fresh());
        TlsServerForm tls = model.tls();
        tls.enabledProperty().set(true);
        tls.sourceProperty().set(CertSource.PEM);
        tls.files().certificate().textProperty().set(crt.toString());
        tls.files().key().textProperty().set(key.toString());
        assertTrue(model.canStartProperty().get());
        tls.sourceProperty().set(CertSource.PKCS12);
        tls.files().certificate().textProperty().set(p12.toString());
        assertTrue(model.canStartProperty().get(), "the hidden key file is not read for PKCS#12");
        assertEquals(KeyFormat.PKCS12, tls.settings().keyMaterial().format());
        assertNull(tls.settings().keyMaterial().keyFile());
        // Back on PEM with the .p12 name, the key beside it is an error again, shown at the visible key field.
        tls.sourceProperty().set(CertSource.PEM);
        assertFalse(model.canStartProperty().get());
    }

    /** A generated certificate kept past its year is a warning at the field: Start stays possible. */
    @Test
    void anExpiredGeneratedCertificateIsAWarningAtTheField() throws Exception {
        com.socketworkbench.engine.tls.TestCertificates.Issued ca =
                com.socketworkbench.engine.tls.TestCertificates.ca("CA");
        java.time.Instant now = java.time.Instant.now();
        com.socketworkbench.engine.tls.TestCertificates.Issued old = com.socketworkbench.engine.tls.TestCertificates
                .leaf(ca, "localhost", List.of("DNS:localhost"), now.minus(java.time.Duration.ofDays(400)),
                        now.minus(java.time.Duration.ofDays(35)));
        TcpServerViewModel model = model(InMemoryPreferences.fresh());
        TlsServerForm tls = model.tls();
        tls.enabledProperty().set(true);
        tls.generatedProperty().set(new GeneratedCertificate(old.chainPem(), old.keyPem()));
        var verdict = tls.certificateVerdictProperty().get();
        assertFalse(verdict.isError());
        assertTrue(verdict.message().startsWith("The server's certificate expired on")
                && verdict.message().contains("Press Generate"), verdict.message());
        assertTrue(model.canStartProperty().get());
        tls.generate();
        assertTrue(tls.certificateVerdictProperty().get().message().isEmpty(), "a new one is fine");
    }
}
