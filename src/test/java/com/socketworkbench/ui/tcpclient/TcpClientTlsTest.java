package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.ui.tls.TlsTestPeers;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP Client tab over TLS against a JDK {@link javax.net.ssl.SSLServerSocket} echo on loopback: trusted through
 * the extra CA file, untrusted (the plain-words failure row), insecure (connects, says NOT verified), and the field
 * messages that keep Connect back.
 */
@Timeout(60)
class TcpClientTlsTest {
    private static GeneratedCertificate certificate;
    private final AppDriver driver = new AppDriver();
    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificate() {
        certificate = GeneratedCertificate.generate();
    }

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        driver.selectTab("tcpClient");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    private void connectWithTls(int port) {
        driver.setText("#tcpClient #port", Integer.toString(port));
        driver.click("#tcpClient #tls");
        driver.waitUntil(() -> driver.node("#tcpClient #tlsSettings").isVisible());
    }

    @Test
    void trustedThroughTheCaFileShowsTheHandshakeAndItsChainAndEchoes() throws Exception {
        Path ca = Files.writeString(dir.resolve("server.pem"), certificate.certificatePem());
        try (TlsTestPeers.Echo echo = new TlsTestPeers.Echo(certificate)) {
            connectWithTls(echo.port());
            driver.setText("#tcpClient #tlsCaFile", ca.toString());
            driver.click("#tcpClient #connect");
            TimelineRow handshake = driver.waitForRow("#tcpClient #timeline",
                    row -> row.event() instanceof TlsEstablished);
            String line = EventText.preview(handshake.event(), StandardCharsets.UTF_8);
            assertTrue(line.startsWith("TLSv1.3, TLS_"), line);
            assertTrue(line.endsWith(", no ALPN, verified"), line);
            assertEquals("TLS", EventText.kind(handshake.event()));

            driver.clickRow("#tcpClient #timeline", handshake);
            String details = driver.text("#tcpClient #payloadText");
            assertTrue(details.contains("Protocol        TLSv1.3"), details);
            assertTrue(details.contains("Subject       CN=Socket Workbench (localhost)"), details);
            assertTrue(details.contains("Names (SAN)   DNS:localhost, IP:127.0.0.1"), details);
            assertTrue(details.contains("SHA-256       " + certificate.sha256Fingerprint()), details);
            assertTrue(details.contains("passed"), details);

            driver.setText("#tcpClient #input", "over tls");
            driver.click("#tcpClient #send");
            driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesReceived received
                    && new String(received.data(), StandardCharsets.UTF_8).equals("over tls"));
        }
    }

    @Test
    void anUntrustedServerIsAFailureRowInPlainWords() throws Exception {
        try (TlsTestPeers.Echo echo = new TlsTestPeers.Echo(certificate)) {
            connectWithTls(echo.port());
            driver.click("#tcpClient #connect");
            TimelineRow failure = driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof Failure);
            String message = ((Failure) failure.event()).message();
            assertFalse(message.contains("Exception"), message);
            assertTrue(message.toLowerCase().contains("self-signed") || message.toLowerCase().contains("trust"),
                    message);
            driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Connect"));
            assertFalse(rowsHold(TlsEstablished.class));
        }
    }

    @Test
    void insecureConnectsAndSaysNotVerifiedInRed() throws Exception {
        try (TlsTestPeers.Echo echo = new TlsTestPeers.Echo(certificate)) {
            connectWithTls(echo.port());
            driver.click("#tcpClient #tlsInsecure");
            assertEquals("Insecure: certificates NOT verified", driver.text("#tcpClient #tlsInsecure"));
            driver.click("#tcpClient #connect");
            TimelineRow handshake = driver.waitForRow("#tcpClient #timeline",
                    row -> row.event() instanceof TlsEstablished);
            String line = EventText.preview(handshake.event(), StandardCharsets.UTF_8);
            assertTrue(line.endsWith("NOT verified"), line);
            assertEquals("row-failure", EventText.rowStyleClass(handshake.event()));
            driver.clickRow("#tcpClient #timeline", handshake);
            assertTrue(driver.text("#tcpClient #payloadText").contains("NOT verified: insecure mode"));
            driver.click("#tcpClient #connect");
            driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Connect"));
        }
    }

    @Test
    void badTlsFieldsShowTheirMessageAndConnectWaits() throws Exception {
        connectWithTls(5000);
        assertFalse(driver.disabled("#tcpClient #connect"));
        assertEquals("defaults to 127.0.0.1", AppDriver.fx(() ->
                driver.<javafx.scene.control.TextField>node("#tcpClient #tlsSni").getPromptText()));
        Path missing = dir.resolve("missing-ca.pem");
        driver.setText("#tcpClient #tlsCaFile", missing.toString());
        driver.waitUntil(() -> driver.node("#tcpClient #tlsCaFileMessage").isVisible());
        assertEquals("No such file: " + missing, driver.text("#tcpClient #tlsCaFileMessage"));
        assertTrue(driver.disabled("#tcpClient #connect"));

        driver.setText("#tcpClient #tlsCaFile", "");
        driver.setText("#tcpClient #tlsAlpn", "h2, not valid");
        assertEquals("Not a valid ALPN protocol name: \"not valid\" (printable ASCII without spaces, e.g. h2 or "
                + "http/1.1)", driver.text("#tcpClient #tlsAlpnMessage"));
        assertTrue(driver.disabled("#tcpClient #connect"));
        driver.setText("#tcpClient #tlsAlpn", "h2");
        assertFalse(driver.disabled("#tcpClient #connect"));

        AppDriver.fxRun(() -> {
            driver.<javafx.scene.control.ComboBox<com.socketworkbench.engine.tls.TlsVersion>>node(
                    "#tcpClient #tlsMinVersion").setValue(com.socketworkbench.engine.tls.TlsVersion.TLS_1_3);
            driver.<javafx.scene.control.ComboBox<com.socketworkbench.engine.tls.TlsVersion>>node(
                    "#tcpClient #tlsMaxVersion").setValue(com.socketworkbench.engine.tls.TlsVersion.TLS_1_2);
        });
        assertEquals("The oldest version (TLS 1.3) is newer than the newest (TLS 1.2)",
                driver.text("#tcpClient #tlsVersionsMessage"));
        assertTrue(driver.disabled("#tcpClient #connect"));
    }

    private boolean rowsHold(Class<?> type) {
        return AppDriver.fx(() -> driver.<TableView<TimelineRow>>node("#tcpClient #timeline").getItems().stream()
                .anyMatch(row -> type.isInstance(row.event())));
    }
}
