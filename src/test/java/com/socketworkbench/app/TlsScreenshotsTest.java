package com.socketworkbench.app;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes {@code tls.png}: the TCP Client tab connected over TLS to the app's own TCP Server tab, which echoes with a
 * certificate generated in the app; the client trusts it through the exported PEM as its extra CA file. The
 * handshake row is selected, so the details show the certificate chain; a line was echoed. Run with
 * {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(120)
class TlsScreenshotsTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    private final AppDriver driver = new AppDriver();
    @TempDir
    Path dir;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        Screenshots.sizeWindow(driver.stage());
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void theClientTrustsTheServersGeneratedCertificate() throws Exception {
        Path exported = dir.resolve("socket-workbench-cert.pem");
        driver.selectTab("tcpServer");
        TcpServerTab server = fx(() -> driver.app().tabs().stream().filter(TcpServerTab.class::isInstance)
                .map(TcpServerTab.class::cast).findFirst().orElseThrow());
        fxRun(() -> server.serverView().tls().setFileChooser(new TlsFileChooser() {
            @Override
            public Optional<Path> open(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(Window owner, String suggestedName) {
                return Optional.of(exported);
            }
        }));
        driver.setText("#tcpServer #port", "0");
        fxRun(() -> driver.<CheckBox>node("#tcpServer #echo").setSelected(true));
        driver.click("#tcpServer #tls");
        driver.click("#tcpServer #tlsGenerate");
        driver.waitUntil(() -> !driver.text("#tcpServer #tlsCertInfo").isEmpty());
        driver.click("#tcpServer #tlsExportCert");
        driver.waitUntil(() -> Files.exists(exported) && driver.text("#tcpServer #tlsExportMessage")
                .startsWith("Saved"));
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        Matcher listening = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(listening.matches());

        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #port", listening.group(1));
        driver.click("#tcpClient #tls");
        driver.setText("#tcpClient #tlsCaFile", exported.toString());
        driver.setText("#tcpClient #tlsAlpn", "");
        driver.click("#tcpClient #connect");
        driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
        for (String line : new String[]{"hello over TLS"}) {
            driver.setText("#tcpClient #input", line + "\\n");
            driver.click("#tcpClient #send");
            driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesReceived received
                    && new String(received.data(), StandardCharsets.UTF_8).contains(line));
        }
        TimelineRow handshake = driver.waitForRow("#tcpClient #timeline",
                row -> row.event() instanceof TlsEstablished);
        // As a user would drag it: the details under the timeline get the room to show the whole certificate.
        fxRun(() -> driver.robot().lookup("#tcpClient .split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL && split.getItems().size() == 2
                        && split.getItems().get(1).lookup("#payloadText") != null
                        && split.getItems().get(1).lookup("#timeline") == null)
                .forEach(split -> split.setDividerPositions(0.42)));
        WaitForAsyncUtils.waitForFxEvents();
        driver.clickRow("#tcpClient #timeline", handshake);
        fxRun(() -> driver.<javafx.scene.control.TableView<TimelineRow>>node("#tcpClient #timeline").scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(Screenshots.write(driver.stage().getScene(), "tls.png")) > 10_000);
    }
}
