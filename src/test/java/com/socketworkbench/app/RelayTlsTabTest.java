package com.socketworkbench.app;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.relay.RelayTransport;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.ui.relay.RelayTab;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.socketworkbench.ui.tls.TlsTestPeers;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Relay tab's TLS panels in the real window (the TCP tabs' panels under the settings bar, one per side, opened by
 * the relay's check boxes): toward the client the generated certificate is shown, exported as PEM and trusted by a
 * verifying JDK client; toward the target a JDK TLS server is verified against an extra CA file; a bad CA file path
 * shows its message at the field and holds Start back; the relay's Insecure switch is the panel's; UDP hides both.
 */
@Timeout(120)
class RelayTlsTabTest {
    private static final String T = "#relay ";
    private static final String CLIENT_SIDE = T + "#relayClientTlsSettings ";
    private static final String TARGET_SIDE = T + "#relayServerTlsSettings ";

    private AppDriver driver;
    private RelayTab tab;
    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    private void launch() throws Exception {
        driver = new AppDriver(InMemoryPreferences.fresh()).launch();
        WindowTab windowTab = fx(() -> driver.app().strip().openNew(TabKinds.RELAY).orElseThrow());
        tab = (RelayTab) windowTab.content();
        driver.selectTab("relay");
    }

    private int startRelay(int targetPort) {
        driver.setText(T + "#listenPort", "0");
        driver.setText(T + "#targetHost", "127.0.0.1");
        driver.setText(T + "#targetPort", Integer.toString(targetPort));
        driver.waitUntil(() -> !driver.disabled(T + "#startStop"));
        driver.click(T + "#startStop");
        driver.waitUntil(() -> tab.model().state() == ListenerState.RUNNING);
        return fx(() -> tab.model().boundAddress().getPort());
    }

    private static TlsFileChooser savingTo(Path file) {
        return new TlsFileChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(Window owner, String suggestedName) {
                return Optional.of(file);
            }
        };
    }

    @Test
    void theGeneratedCertificateIsShownExportedAndTrustedByAVerifyingClient() throws Exception {
        launch();
        Path exported = dir.resolve("relay-cert.pem");
        fxRun(() -> tab.relayView().tls().towardClient().setFileChooser(savingTo(exported)));
        assertTrue(fx(() -> driver.stage().getScene().getRoot().lookup(T + "#relayClientTlsSettings") == null),
                "the panel is made when first opened");
        driver.click(T + "#relayClientTls");
        driver.waitUntil(() -> driver.node(T + "#relayClientTlsSettings").isVisible());
        driver.waitUntil(() -> driver.text(CLIENT_SIDE + "#tlsCertInfo").contains("\nSHA-256 "));
        String info = driver.text(CLIENT_SIDE + "#tlsCertInfo");
        assertTrue(info.startsWith("CN=Socket Workbench (localhost) · DNS:localhost, IP:127.0.0.1, IP:"), info);
        driver.click(CLIENT_SIDE + "#tlsExportCert");
        driver.waitUntil(() -> driver.text(CLIENT_SIDE + "#tlsExportMessage").equals("Saved to " + exported));
        assertFalse(Files.readString(exported).contains("PRIVATE KEY"), "never the key");

        try (RelayTabTest.EchoServer echo = new RelayTabTest.EchoServer()) {
            int port = startRelay(echo.port());
            assertTrue(driver.disabled(CLIENT_SIDE + "#tlsCertSource"), "locked while the relay runs");
            assertFalse(driver.disabled(CLIENT_SIDE + "#tlsExportCert"), "Export stays usable while it runs");
            try (SSLSocket client = (SSLSocket) TlsTestPeers.trusting(exported).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(10_000);
                client.startHandshake();
                client.getOutputStream().write("secret hello".getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().flush();
                assertEquals("secret hello", new String(client.getInputStream().readNBytes(12),
                        StandardCharsets.UTF_8));
            }
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof Notice notice
                    && notice.message().startsWith("TLS with the client: "));
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof BytesReceived r
                    && Arrays.equals(r.data(), "secret hello".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theTargetIsVerifiedAgainstTheExtraCaFileAndABadPathShowsAtTheField() throws Exception {
        launch();
        GeneratedCertificate ca = GeneratedCertificate.generate();
        Path caFile = Files.writeString(dir.resolve("target-ca.pem"), ca.certificatePem());
        driver.click(T + "#relayServerTls");
        driver.waitUntil(() -> driver.node(T + "#relayServerTlsSettings").isVisible());
        driver.setText(T + "#targetHost", "127.0.0.1");
        assertTrue(fx(() -> driver.<TextField>node(TARGET_SIDE + "#tlsSni").getPromptText()).contains("127.0.0.1"),
                "SNI defaults to the target host");

        Path missing = dir.resolve("missing-ca.pem");
        driver.setText(TARGET_SIDE + "#tlsCaFile", missing.toString());
        driver.waitUntil(() -> driver.node(T + "#tlsCaFileMessage").isVisible());
        assertEquals("No such file: " + missing, driver.text(T + "#tlsCaFileMessage"));
        assertTrue(driver.disabled(T + "#startStop"), "a CA file that cannot be read holds Start back");
        driver.click(T + "#relayServerTlsInsecure");
        assertTrue(fx(() -> driver.<CheckBox>node(TARGET_SIDE + "#tlsInsecure").isSelected()),
                "the relay's Insecure switch is the panel's");
        assertFalse(driver.disabled(T + "#startStop"));
        driver.click(TARGET_SIDE + "#tlsInsecure");
        assertFalse(fx(() -> driver.<CheckBox>node(T + "#relayServerTlsInsecure").isSelected()));

        driver.setText(TARGET_SIDE + "#tlsCaFile", caFile.toString());
        driver.waitUntil(() -> driver.text(T + "#tlsCaFileMessage").isEmpty());
        try (TlsTestPeers.Echo target = new TlsTestPeers.Echo(ca)) {
            int port = startRelay(target.port());
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                assertEquals("ping", new String(client.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            }
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof Notice notice
                    && notice.message().startsWith("TLS with the server: "));
        }
        driver.click(T + "#startStop");
        driver.waitUntil(() -> tab.model().state() == ListenerState.STOPPED);
        fxRun(() -> driver.<ComboBox<RelayTransport>>node(T + "#transport").setValue(RelayTransport.UDP));
        assertFalse(fx(() -> driver.node(T + "#relayServerTlsSettings").isVisible()), "TLS is TCP only");
    }
}
