package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.TestCertificates;
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
        Path p12 = TestCertificates.leaf(TestCertificates.ca("CA")).writePkcs12(dir, "server", "changeit-please");
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
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("CA"));
        Path[] pem = leaf.writePem(dir, "server");
        Path crt = pem[0];
        Path key = pem[1];
        Path p12 = leaf.writePkcs12(dir, "server", "pw");
        TcpServerViewModel model = model(InMemoryPreferences.fresh());
        TlsServerForm tls = model.tls();
        tls.enabledProperty().set(true);
        tls.sourceProperty().set(CertSource.PEM);
        tls.files().certificate().textProperty().set(crt.toString());
        tls.files().key().textProperty().set(key.toString());
        assertTrue(model.canStartProperty().get());
        tls.sourceProperty().set(CertSource.PKCS12);
        tls.files().certificate().textProperty().set(p12.toString());
        tls.files().passwordProperty().set("pw");
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

    /** The handshake timeout: checked as typed, used by the listener, saved with the tab and the workspace. */
    @Test
    void theHandshakeTimeoutIsCheckedUsedAndComesBack() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpServerViewModel model = model(preferences);
        TlsServerForm tls = model.tls();
        tls.enabledProperty().set(true);
        tls.generate();
        assertEquals("10", tls.handshakeTimeout().text(), "the engine's default");
        assertEquals(java.time.Duration.ofSeconds(10), tls.settings().handshakeTimeout());
        tls.handshakeTimeout().textProperty().set("0");
        assertEquals("The handshake timeout must be 1 to 600 seconds, not 0",
                tls.handshakeTimeout().verdict().message());
        assertFalse(model.canStartProperty().get());
        tls.handshakeTimeout().textProperty().set("601");
        assertFalse(model.canStartProperty().get());
        tls.handshakeTimeout().textProperty().set("1.5");
        assertEquals("The handshake timeout is whole seconds, 1 to 600: \"1.5\" is not",
                tls.handshakeTimeout().verdict().message());
        tls.handshakeTimeout().textProperty().set("");
        assertEquals("Enter the handshake timeout in seconds (1 to 600)", tls.handshakeTimeout().verdict().message());
        tls.handshakeTimeout().textProperty().set("45");
        assertTrue(model.canStartProperty().get());
        assertEquals(java.time.Duration.ofSeconds(45), tls.settings().handshakeTimeout());
        model.savePreferences();
        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "tcpServer", "Server"))) {
            TlsServerForm back = model(copy).tls();
            assertEquals("45", back.handshakeTimeout().text());
            assertEquals(java.time.Duration.ofSeconds(45), back.settings().handshakeTimeout());
        }
    }

    /** Certificate files are read as they are chosen: the leaf's summary, or the problem at its own field. */
    @Test
    void chosenFilesShowTheirCertificateOrWhatIsWrongAtTheField() throws Exception {
        TestCertificates.Issued leaf = TestCertificates.leaf(TestCertificates.ca("Files CA"));
        Path[] pem = leaf.writePem(dir, "server");
        Path[] other = TestCertificates.leaf(TestCertificates.ca("Other CA")).writePem(dir, "other");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a certificate");
        TcpServerViewModel model = model(InMemoryPreferences.fresh());
        TlsServerForm tls = model.tls();
        tls.enabledProperty().set(true);
        tls.sourceProperty().set(CertSource.PEM);
        tls.files().certificate().textProperty().set(pem[0].toString());
        tls.files().key().textProperty().set(pem[1].toString());
        var summary = tls.fileSummaryProperty().get();
        assertNotNull(summary);
        assertEquals(com.socketworkbench.engine.http.CertSummary.of(leaf.certificate()), summary);
        assertTrue(model.canStartProperty().get());

        tls.files().key().textProperty().set(other[1].toString());
        assertNull(tls.fileSummaryProperty().get());
        assertTrue(tls.keyFileVerdictProperty().get().message().startsWith("The private key in " + other[1]
                + " does not belong to the certificate in " + pem[0]), tls.keyFileVerdictProperty().get().message());
        assertFalse(model.canStartProperty().get(), "a foreign key would fail every handshake");

        tls.files().key().textProperty().set(pem[1].toString());
        tls.files().certificate().textProperty().set(notes.toString());
        assertEquals("No certificate in " + notes + " (expected PEM or DER).",
                tls.certificateFileVerdictProperty().get().message());
        assertTrue(tls.keyFileVerdictProperty().get().message().isEmpty());
        assertFalse(model.canStartProperty().get());

        Path p12 = leaf.writePkcs12(dir, "server", "right");
        tls.sourceProperty().set(CertSource.PKCS12);
        tls.files().certificate().textProperty().set(p12.toString());
        tls.files().passwordProperty().set("wrong");
        assertEquals("Wrong password for " + p12 + " (or the file is damaged).",
                tls.passwordVerdictProperty().get().message());
        assertTrue(tls.certificateFileVerdictProperty().get().message().isEmpty());
        assertFalse(model.canStartProperty().get());
        tls.files().passwordProperty().set("right");
        assertTrue(tls.passwordVerdictProperty().get().message().isEmpty());
        assertEquals(summary, tls.fileSummaryProperty().get());
        assertTrue(model.canStartProperty().get());
    }
}
