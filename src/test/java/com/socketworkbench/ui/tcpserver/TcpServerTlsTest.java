package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.ui.tls.CertSource;
import com.socketworkbench.ui.tls.TlsColumns;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.socketworkbench.ui.tls.TlsTestPeers;
import com.socketworkbench.ui.traffic.EventText;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP Server tab over TLS with a certificate generated in the app and exported as PEM, and a JDK
 * {@link SSLSocket} client that trusts exactly that PEM: the clients table shows the session, data goes both ways.
 */
@Timeout(60)
class TcpServerTlsTest {
    @RegisterExtension
    final ServerTabFixture tab = new ServerTabFixture();
    private final AppDriver driver = tab.driver();
    @TempDir
    Path dir;

    @Test
    void aGeneratedCertificateExportedAsPemServesAJdkTlsClient() throws Exception {
        Path exported = dir.resolve("server-cert.pem");
        AppDriver.fxRun(() -> serverTab().serverView().tls().setFileChooser(new TlsFileChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(Window owner, String suggestedName) {
                return Optional.of(exported);
            }
        }));
        driver.click("#tcpServer #tls");
        driver.waitUntil(() -> driver.node("#tcpServer #tlsSettings").isVisible());
        assertTrue(driver.disabled("#tcpServer #startStop"), "no certificate yet");
        assertEquals("No certificate yet: press Generate", driver.text("#tcpServer #tlsCertSourceMessage"));
        driver.click("#tcpServer #tlsGenerate");
        driver.waitUntil(() -> !driver.text("#tcpServer #tlsCertInfo").isEmpty());
        String info = driver.text("#tcpServer #tlsCertInfo");
        assertTrue(info.startsWith("CN=Socket Workbench (localhost) · DNS:localhost, IP:127.0.0.1, IP:"), info);
        assertTrue(info.contains("valid until 20") && info.contains("\nSHA-256 "), info);
        driver.click("#tcpServer #tlsExportCert");
        driver.waitUntil(() -> driver.text("#tcpServer #tlsExportMessage").equals("Saved to " + exported));
        assertTrue(Files.readString(exported).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(!Files.readString(exported).contains("PRIVATE KEY"), "never the key");

        int port = tab.startOnAnyPort();
        try (SSLSocket client = (SSLSocket) TlsTestPeers.trusting(exported).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            client.startHandshake();
            String protocol = client.getSession().getProtocol();
            String cipher = client.getSession().getCipherSuite();
            client.getOutputStream().write("hello tls".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof TlsEstablished);
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof BytesReceived
                    && EventText.preview(row.event(), StandardCharsets.UTF_8).equals("hello tls"));
            tab.waitForSelectedClient();
            driver.waitUntil(() -> tab.clients().getItems().getFirst().tlsProperty().get() != null);
            ClientRow row = fx(() -> tab.clients().getItems().getFirst());
            assertEquals(protocol, TlsColumns.PROTOCOL.text(row.tlsProperty().get()));
            assertEquals(cipher, TlsColumns.CIPHER.text(row.tlsProperty().get()));
            assertEquals("—", TlsColumns.CLIENT_CERTIFICATE.text(row.tlsProperty().get()));
            assertEquals("—", TlsColumns.ALPN.text(row.tlsProperty().get()), "no ALPN offered");
            assertEquals("—", TlsColumns.SNI.text(row.tlsProperty().get()), "an IP address sends no SNI");
            assertEquals(List.of("TLS", "Cipher", "ALPN", "SNI", "Client certificate"), fx(() -> tab.clients().getColumns()
                    .stream().filter(TableColumn::isVisible).skip(7).map(c -> ((Label) c.getGraphic()).getText())
                    .toList()));

            driver.setText("#tcpServer #input", "hello back");
            driver.click("#tcpServer #send");
            assertArrayEquals("hello back".getBytes(StandardCharsets.US_ASCII),
                    client.getInputStream().readNBytes(10));
        }
    }

    /** B4: the clients table shows the ALPN agreed and the server name each client asked for (SNI). */
    @Test
    void theClientsTableShowsTheAlpnAgreedAndTheSniAsked() throws Exception {
        Path exported = dir.resolve("server-cert.pem");
        AppDriver.fxRun(() -> serverTab().serverView().tls().setFileChooser(new TlsFileChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(Window owner, String suggestedName) {
                return Optional.of(exported);
            }
        }));
        driver.click("#tcpServer #tls");
        driver.waitUntil(() -> driver.node("#tcpServer #tlsSettings").isVisible());
        driver.click("#tcpServer #tlsGenerate");
        driver.waitUntil(() -> !driver.text("#tcpServer #tlsCertInfo").isEmpty());
        driver.click("#tcpServer #tlsExportCert");
        driver.waitUntil(() -> Files.exists(exported));
        driver.setText("#tcpServer #tlsAlpn", "h2, http/1.1");
        int port = tab.startOnAnyPort();
        try (SSLSocket client = (SSLSocket) TlsTestPeers.trusting(exported).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            SSLParameters params = client.getSSLParameters();
            params.setServerNames(List.of(new SNIHostName("localhost")));
            params.setApplicationProtocols(new String[]{"http/1.1", "h2"});
            client.setSSLParameters(params);
            client.setSoTimeout(10_000);
            client.startHandshake();
            assertEquals("h2", client.getApplicationProtocol(), "the server's preference");
            tab.waitForSelectedClient();
            driver.waitUntil(() -> tab.clients().getItems().getFirst().tlsProperty().get() != null);
            // The table is narrower than its columns and draws only those in view: scroll to each.
            driver.waitUntil(() -> "h2".equals(cellText("tlsColAlpn")));
            driver.waitUntil(() -> "localhost".equals(cellText("tlsColSni")));
            TlsEstablished established = (TlsEstablished) driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof TlsEstablished).event();
            String details = EventText.detail(established, StandardCharsets.UTF_8);
            assertTrue(details.contains("SNI asked for") && details.contains("localhost"), details);
        }
    }

    /**
     * PEM files are read as chosen: a key of another certificate is said at the key field, the right pair shows its
     * summary and fingerprint, which stays while the server runs and is what a client gets; the handshake timeout is
     * checked at its field.
     */
    @Test
    void pemFilesShowTheirCertificateBeforeAndWhileTheServerRuns() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Files CA");
        TestCertificates.Issued leaf = TestCertificates.leaf(ca);
        Path[] pem = leaf.writePem(dir, "server");
        Path[] other = TestCertificates.leaf(TestCertificates.ca("Other CA")).writePem(dir, "other");
        String fingerprint = CertSummary.of(leaf.certificate()).sha256Fingerprint();
        driver.click("#tcpServer #tls");
        driver.waitUntil(() -> driver.node("#tcpServer #tlsSettings").isVisible());
        AppDriver.fxRun(() -> driver.<ComboBox<CertSource>>node("#tcpServer #tlsCertSource").setValue(CertSource.PEM));
        driver.setText("#tcpServer #tlsCertFile", pem[0].toString());
        driver.setText("#tcpServer #tlsKeyFile", other[1].toString());
        driver.waitUntil(() -> driver.text("#tcpServer #tlsKeyFileMessage").startsWith("The private key in "
                + other[1] + " does not belong to the certificate in " + pem[0]));
        assertTrue(driver.disabled("#tcpServer #startStop"));
        driver.setText("#tcpServer #tlsKeyFile", pem[1].toString());
        driver.waitUntil(() -> driver.text("#tcpServer #tlsCertInfo").endsWith("\nSHA-256 " + fingerprint));
        assertTrue(driver.text("#tcpServer #tlsCertInfo").startsWith("CN=localhost · "),
                driver.text("#tcpServer #tlsCertInfo"));
        assertEquals("", driver.text("#tcpServer #tlsKeyFileMessage"));
        driver.setText("#tcpServer #tlsHandshakeTimeout", "0");
        assertEquals("The handshake timeout must be 1 to 600 seconds, not 0",
                driver.text("#tcpServer #tlsHandshakeTimeoutMessage"));
        assertTrue(driver.disabled("#tcpServer #startStop"));
        driver.setText("#tcpServer #tlsHandshakeTimeout", "30");

        int port = tab.startOnAnyPort();
        assertTrue(fx(() -> driver.node("#tcpServer #tlsCertInfo").isVisible()), "kept while the server runs");
        assertTrue(driver.text("#tcpServer #tlsCertInfo").endsWith("\nSHA-256 " + fingerprint));
        try (SSLSocket client = (SSLSocket) TestCertificates.trusting(ca).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            client.startHandshake();
            assertEquals(leaf.certificate(), client.getSession().getPeerCertificates()[0]);
        }
    }

    /** The text the clients table shows in its first row's cell of the column {@code columnId}, scrolled into view. */
    private String cellText(String columnId) {
        return fx(() -> {
            tab.clients().getColumns().stream().filter(c -> columnId.equals(c.getId())).findFirst()
                    .ifPresent(c -> tab.clients().scrollToColumn(c));
            tab.clients().layout();
            return tab.clients().lookupAll(".table-cell").stream()
                    .filter(n -> n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                            && columnId.equals(cell.getTableColumn().getId()) && cell.getIndex() == 0)
                    .map(n -> ((TableCell<?, ?>) n).getText()).findFirst().orElse(null);
        });
    }

    private TcpServerTab serverTab() {
        return driver.app().tabs().stream().filter(TcpServerTab.class::isInstance).map(TcpServerTab.class::cast)
                .findFirst().orElseThrow();
    }
}
