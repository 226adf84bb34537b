package com.socketworkbench.app;

import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.ui.tls.CertSource;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.sun.net.httpserver.HttpServer;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.ui.tools.Tool;
import com.socketworkbench.ui.tools.ToolsTab;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every tab fits the default window (1280x800) and stays usable in a small one (1024x640) with all its side panels
 * open: the socket panel with granted values read back from live loopback sockets, the framing parameters of the
 * mode with the most of them, split send, the UDP options, an HTTP response from a loopback JDK server, every Tools
 * card, and each socket tab's messages panel with its name form open. No text may be cut with an ellipsis, no
 * control squeezed to zero or below its minimum width, cut off at the side or pushed out of the window (see
 * {@link LayoutProblems}). In the small window the traffic area is what gives way up and down. With
 * {@code -Dlayout.snapshots=DIR} each tab is also written as a PNG into DIR, to look at.
 */
@Timeout(120)
class WindowFitTest {
    @TempDir
    Path files;
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    private final List<String> problems = new ArrayList<>();
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 800", "1024, 640"})
    void everyTabFitsWithItsPanelsOpen(int width, int height) throws Exception {
        // The window opens at the remembered size, as for a user: resizing the test stage would leave it that size
        // for the tests after this one (and the headless window can fail a frame while it is resized).
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", width);
        preferences.child("window").putDouble("height", height);
        driver = new AppDriver(preferences).launch();
        assertEquals(width, (int) Math.round(fx(() -> driver.stage().getScene().getWidth())), "the window width");
        assertEquals(height, (int) Math.round(fx(() -> driver.stage().getScene().getHeight())), "the window height");

        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        Matcher listening = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(listening.matches());
        openStreamPanels("tcpServer");
        check("tcp-server", width, height);
        openMessages("tcpServer");
        check("tcp-server-messages", width, height);

        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #port", listening.group(1));
        driver.click("#tcpClient #connect");
        driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
        openStreamPanels("tcpClient");
        driver.waitUntil(() -> !driver.text("#tcpClient #grantedReceiveBuffer").equals("—"));
        check("tcp-client", width, height);
        openMessages("tcpClient");
        check("tcp-client-messages", width, height);

        driver.selectTab("udp");
        driver.setText("#udp #port", "0");
        driver.click("#udp #startStop");
        driver.waitUntil(() -> driver.text("#udp #listeningAddress").startsWith("Bound to"));
        fxRun(() -> driver.<TitledPane>node("#udp #options").setExpanded(true));
        check("udp", width, height);
        openMessages("udp");
        check("udp-messages", width, height);

        driver.selectTab("http");
        try (HttpPeer peer = new HttpPeer()) {
            driver.setText("#http #port", Integer.toString(peer.port()));
            driver.click("#http #send");
            driver.waitUntil(() -> driver.text("#http #responseStatus").startsWith("HTTP/1.1 200"));
            check("http", width, height);
        }

        driver.selectTab("tools");
        ToolsTab tools = (ToolsTab) fx(() -> driver.app().tabs().stream()
                .filter(tab -> tab.id().equals("tools")).findFirst().map(WorkbenchTab.class::cast).orElseThrow());
        for (Tool tool : Tool.values()) {
            fxRun(() -> tools.model().selectedProperty().set(tool));
            check("tools-" + tool.name().toLowerCase(java.util.Locale.ROOT), width, height);
        }

        assertTrue(problems.isEmpty(), problems.size() + " layout problems at " + width + "x" + height + ":\n"
                + String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 800", "1024, 640"})
    void tlsPanelsAndTheWebSocketTabFit(int width, int height) throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", width);
        preferences.child("window").putDouble("height", height);
        driver = new AppDriver(preferences).launch();

        for (String tab : List.of("tcpServer", "tcpClient")) {
            driver.selectTab(tab);
            fxRun(() -> driver.<CheckBox>node("#" + tab + " #tls").setSelected(true));
            driver.waitUntil(() -> driver.robot().lookup("#" + tab + " #tlsSettings").tryQuery()
                    .map(Node::isVisible).orElse(false));
            check(tab + "-tls", width, height);
        }
        // Certificate files chosen: the file fields, and the summary read from them under the row.
        driver.selectTab("tcpServer");
        Path[] pem = TestCertificates.leaf(TestCertificates.ca("Fit CA")).writePem(files, "server");
        fxRun(() -> driver.<ComboBox<CertSource>>node("#tcpServer #tlsCertSource").setValue(CertSource.PEM));
        driver.setText("#tcpServer #tlsCertFile", pem[0].toString());
        driver.setText("#tcpServer #tlsKeyFile", pem[1].toString());
        driver.waitUntil(() -> driver.text("#tcpServer #tlsCertInfo").contains("\nSHA-256 "));
        check("tcpServer-tls-files", width, height);
        fxRun(() -> driver.<ComboBox<CertSource>>node("#tcpServer #tlsCertSource").setValue(CertSource.GENERATED));
        // Running, only the certificate row of the server's TLS panel stays, so the timeline keeps its room.
        driver.selectTab("tcpServer");
        driver.click("#tcpServer #tlsGenerate");
        driver.waitUntil(() -> !driver.disabled("#tcpServer #tlsExportCert"));
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        check("tcpServer-tls-running", width, height);
        double timeline = fx(() -> driver.node("#tcpServer #timeline").getLayoutBounds().getHeight());
        assertTrue(timeline >= 48, "the running TLS server's timeline keeps room for a header and a row: " + timeline);
        fxRun(() -> driver.app().strip().openNew(TabKinds.WEBSOCKET));
        driver.selectTab("websocket");
        check("websocket", width, height);
        // Everything the timeline's tools and File… show at once: the filter's count and message, the Host note.
        fxRun(() -> {
            driver.<ComboBox<com.socketworkbench.ui.websocket.SendKind>>node("#wsOpcode")
                    .setValue(com.socketworkbench.ui.websocket.SendKind.BINARY_MESSAGE);
            driver.<ComboBox<com.socketworkbench.ui.traffic.SearchMode>>node("#wsFilterMode")
                    .setValue(com.socketworkbench.ui.traffic.SearchMode.REGEX);
            driver.<ComboBox<Object>>node("#wsFilterDirection").getSelectionModel().select(1);
        });
        driver.setText("#wsFilter", "(");
        driver.setText("#wsHeaders", "Host: tenant.example");
        check("websocket-tools", width, height);

        assertTrue(problems.isEmpty(), problems.size() + " layout problems at " + width + "x" + height + ":\n"
                + String.join("\n", problems));
    }

    /** Opens the socket panel, the framing parameters (of the mode with the most) and split send of a TCP tab. */
    private void openStreamPanels(String tab) {
        fxRun(() -> {
            driver.<ComboBox<FramingMode>>node("#" + tab + " #framingMode").setValue(FramingMode.LENGTH_PREFIX);
            driver.<ToggleButton>node("#" + tab + " #socketPanelToggle").setSelected(true);
            driver.<ToggleButton>node("#" + tab + " #framingSettings").setSelected(true);
            driver.<ToggleButton>node("#" + tab + " #split").setSelected(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        driver.waitUntil(() -> !driver.text("#" + tab + " #grantedReceiveBuffer").equals("—"));
    }

    /**
     * The messages panel of a socket tab (it closes the socket panel: one side panel at a time) with a saved message
     * in its list and the name form open for the next one.
     */
    private void openMessages(String tab) {
        driver.setText("#" + tab + " #input", "hello");
        fxRun(() -> driver.<Button>node("#" + tab + " #saveMessage").fire());
        // The panel's content joins the scene with its scroll pane's skin, at the next pulse.
        driver.waitUntil(() -> driver.robot().lookup("#" + tab + " #messageForm").tryQuery()
                .map(Node::isVisible).orElse(false));
        fxRun(() -> driver.<Button>node("#" + tab + " #confirmMessage").fire());
        fxRun(() -> driver.<Button>node("#" + tab + " #saveMessage").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> driver.node("#" + tab + " #messageForm").isVisible()), tab + ": the name form is open");
    }

    private void check(String name, int width, int height) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> driver.stage().getScene().getRoot().layout());
        for (String problem : fx(() -> LayoutProblems.of(driver.stage().getScene()))) {
            problems.add(name + ": " + problem);
        }
        String dir = System.getProperty("layout.snapshots");
        if (dir != null) {
            Screenshots.writeTo(driver.stage().getScene(), Path.of(dir, name + "-" + width + "x" + height + ".png"));
        }
    }

    /** A JDK HttpServer on 127.0.0.1 that answers every request with a small JSON document. */
    private static final class HttpPeer implements AutoCloseable {
        private final HttpServer server;

        HttpPeer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/", exchange -> {
                byte[] body = "{\"fits\": true, \"window\": \"small\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
