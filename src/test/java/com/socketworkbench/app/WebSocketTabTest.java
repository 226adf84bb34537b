package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.TestCertificates;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.socketworkbench.ui.websocket.FrameRow;
import com.socketworkbench.ui.websocket.SendKind;
import com.socketworkbench.ui.websocket.WebSocketModel;
import com.socketworkbench.ui.websocket.WebSocketTab;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The WebSocket tab in the real window, opened from the New Tab menu, against Netty's WebSocket server on loopback:
 * connect, the handshake on both sides with the accept check, send text and see the echo, close with a code; a bad
 * URL and bad hex get their messages where they were typed; the workspace keeps URL, headers and subprotocols but
 * never the insecure switch.
 */
@Timeout(120)
class WebSocketTabTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private final AppDriver driver = new AppDriver(preferences);
    private WebSocketTab tab;

    private void launch() throws Exception {
        driver.launch();
        tab = driver.openNewTab("websocket", WebSocketTab.class);
    }

    @AfterEach
    void close() throws Exception {
        if (tab != null) {
            fxRun(() -> tab.model().stop());
        }
        driver.close();
    }

    @Test
    void wssTrustsTheCaFileChosenWithItsButtonAndInsecureSetsTheFileAside(@TempDir Path folder) throws Exception {
        launch();
        TestCertificates certificates = TestCertificates.make();
        Path ca = certificates.caPem(folder);
        try (NettyWsServer server = NettyWsServer.tls(certificates)) {
            driver.setText("#wsUrl", server.url(true));
            driver.click("#wsConnect");
            driver.waitUntil(() -> fx(() -> tab.model().problemProperty().get())
                    .startsWith("The certificate is not signed by a trusted authority"));

            fxRun(() -> tab.webSocketView().setCaFileChooser(new TlsFileChooser() {
                @Override
                public Optional<Path> open(Window owner) {
                    return Optional.of(ca);
                }

                @Override
                public Optional<Path> save(Window owner, String suggestedName) {
                    return Optional.empty();
                }
            }));
            driver.click("#wsCaFileChoose");
            assertEquals(ca.toString(), driver.text("#wsCaFile"));
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
            FrameRow tls = waitForRow(row -> row.text().startsWith("TLS: "));
            assertFalse(tls.text().contains("not verified"), tls.text());
            assertTrue(tls.text().contains("CN=localhost"), tls.text());
            fxRun(() -> tab.model().toggleConnection());
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.IDLE);

            assertFalse(driver.disabled("#wsCaFile"));
            driver.click("#wsInsecure");
            assertTrue(driver.disabled("#wsCaFile"), "insecure trusts anything: the CA file means nothing then");
            assertTrue(driver.disabled("#wsCaFileChoose"));
        }
    }

    @Test
    void aStaleCaFileCountsOnlyForWssAndItsPathIsNeverCutInTheMessage(@TempDir Path folder) throws Exception {
        launch();
        Path gone = folder.resolve("company-root-ca.pem");
        driver.setText("#wsUrl", "ws://127.0.0.1:1/");
        driver.setText("#wsCaFile", gone.toString());
        WaitForAsyncUtils.waitForFxEvents();
        Label message = driver.node("#wsCaFileMessage");
        assertFalse(fx(message::isVisible), "ws:// reads no certificate: no message");

        driver.setText("#wsUrl", "wss://127.0.0.1:1/");
        driver.waitUntil(() -> fx(message::isVisible));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No such file: " + gone, fx(message::getText));
        double path = fx(() -> {
            Text measure = new Text(gone.toString());
            measure.setFont(message.getFont());
            return measure.getLayoutBounds().getWidth() + message.snappedLeftInset() + message.snappedRightInset();
        });
        // It used to float in a narrow gap under the field, three lines that cut the path in three.
        assertTrue(fx(message::getWidth) >= path - 1, "the path stays on one line: " + fx(message::getWidth)
                + " wide for a path of " + path);
    }

    @Test
    void connectSendTextSeeTheEchoAndCloseWithACode() throws Exception {
        launch();
        try (NettyWsServer server = NettyWsServer.plain()) {
            driver.setText("#wsUrl", server.url(false));
            driver.setText("#wsProtocols", "chat");
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
            assertEquals("Disconnect", driver.text("#wsConnect"));
            assertTrue(driver.text("#wsHandshakeRequest").startsWith("GET /echo HTTP/1.1\nHost: 127.0.0.1:"),
                    driver.text("#wsHandshakeRequest"));
            assertTrue(driver.text("#wsHandshakeResponse").startsWith("HTTP/1.1 101 Switching Protocols"),
                    driver.text("#wsHandshakeResponse"));
            assertTrue(driver.text("#wsAcceptCheck").startsWith("Sec-WebSocket-Accept ✔ matches"),
                    driver.text("#wsAcceptCheck"));

            driver.setText("#wsPayload", "hello");
            driver.click("#wsSend");
            FrameRow echo = waitForRow(row -> row.direction() == Direction.IN && row.opcode() == Opcode.TEXT
                    && row.text().equals("hello"));
            FrameRow sent = waitForRow(row -> row.direction() == Direction.OUT && row.opcode() == Opcode.TEXT);
            assertTrue(sent.masked());
            assertFalse(echo.masked());
            clickRow(echo);
            assertTrue(driver.listItems("#wsPayloadHex").getFirst().contains("68 65 6c 6c 6f"),
                    driver.listItems("#wsPayloadHex").toString());
            assertTrue(driver.text("#wsFrameDetail").startsWith("text  FIN 1  RSV 0  mask none  length 5"),
                    driver.text("#wsFrameDetail"));

            fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.CLOSE));
            driver.setText("#wsCloseCode", "4001");
            driver.setText("#wsCloseReason", "bye now");
            driver.click("#wsSend");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.IDLE);
            waitForRow(row -> row.direction() == Direction.OUT && row.opcode() == Opcode.CLOSE
                    && row.text().equals("4001 \"bye now\""));
            waitForRow(row -> row.direction() == Direction.IN && row.opcode() == Opcode.CLOSE
                    && row.text().startsWith("4001"));
            FrameRow last = fx(() -> tab.model().rows().getLast());
            assertEquals(FrameRow.Kind.NOTE, last.kind());
            assertTrue(last.text().startsWith("Closed: we sent a close, the server answered with code 4001"),
                    last.text());
            assertEquals("Connect", driver.text("#wsConnect"));
            assertTrue(driver.text("#wsCounters").startsWith("↓ 2 frames"), driver.text("#wsCounters"));
        }
    }

    @Test
    void aBadUrlAndBadHexAreToldWhereTheyWereTyped() throws Exception {
        launch();
        driver.setText("#wsUrl", "http://127.0.0.1:8080/");
        assertEquals("The scheme \"http\" is not WebSocket: use ws:// or wss://", driver.text("#wsUrlError"));
        assertTrue(fx(() -> driver.node("#wsUrlError").isVisible()));
        driver.click("#wsConnect");
        assertEquals(WebSocketModel.Phase.IDLE, fx(() -> tab.model().phase()));

        try (NettyWsServer server = NettyWsServer.plain()) {
            driver.setText("#wsUrl", server.url(false));
            assertFalse(fx(() -> driver.node("#wsUrlError").isVisible()));
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
            fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.BINARY_MESSAGE));
            driver.setText("#wsPayload", "01 0g");
            driver.click("#wsSend");
            assertTrue(driver.text("#wsSendError").startsWith("Binary payload:"), driver.text("#wsSendError"));
            assertTrue(fx(() -> driver.node("#wsSendError").isVisible()));
            driver.setText("#wsPayload", "01 02 ff");
            assertFalse(fx(() -> driver.node("#wsSendError").isVisible()), "an edit clears the stale message");
            driver.click("#wsSend");
            waitForRow(row -> row.direction() == Direction.IN && row.opcode() == Opcode.BINARY
                    && row.text().equals("01 02 ff"));

            // The close code and reason are judged as typed, beside their fields, before any Send.
            fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.CLOSE));
            driver.setText("#wsCloseCode", "5000");
            assertEquals("The close code 5000 may not be sent: use 1000 to 1003, 1007 to 1014 or 3000 to 4999",
                    driver.text("#wsCloseCodeError"));
            driver.waitUntil(() -> driver.node("#wsCloseCodeError").isVisible());
            assertTrue(driver.disabled("#wsSend"), "a close that cannot go on the wire waits for the fix");
            assertEquals("", driver.text("#wsSendError"));
            driver.setText("#wsCloseCode", "1000");
            driver.waitUntil(() -> !driver.node("#wsCloseCodeError").isVisible());
            assertFalse(driver.disabled("#wsSend"));
            driver.setText("#wsCloseReason", "r".repeat(124));
            assertEquals("The close reason is 124 bytes: at most 123 fit in a close frame",
                    driver.text("#wsCloseReasonError"));
            driver.waitUntil(() -> driver.node("#wsCloseReasonError").isVisible());
            assertTrue(driver.disabled("#wsSend"));
            driver.setText("#wsCloseReason", "ok");
            driver.waitUntil(() -> !driver.node("#wsCloseReasonError").isVisible());
            assertFalse(driver.disabled("#wsSend"));
            assertEquals(WebSocketModel.Phase.OPEN, fx(() -> tab.model().phase()), "nothing was sent");
        }
    }

    @Test
    void pingAndPongPayloadsCanBeHexWithTheBinarySendsDigitCheck() throws Exception {
        launch();
        try (NettyWsServer server = NettyWsServer.plain()) {
            driver.setText("#wsUrl", server.url(false));
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
            assertFalse(fx(() -> driver.node("#wsControlHex").isVisible()), "hex is the binary kind's own there");
            fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.PING));
            assertTrue(fx(() -> driver.node("#wsControlHex").isVisible()));
            driver.click("#wsControlHex");
            assertEquals("Hex bytes, e.g. 01 02 ff", fx(() -> driver.<TextArea>node("#wsPayload").getPromptText()));

            driver.setText("#wsPayload", "01 0");
            driver.click("#wsSend");
            assertTrue(driver.text("#wsSendError").startsWith("Ping payload: "), driver.text("#wsSendError"));
            driver.setText("#wsPayload", "01 02 ff");
            assertEquals("", driver.text("#wsSendError"), "an edit clears the stale message");
            driver.click("#wsSend");
            byte[] sent = {0x01, 0x02, (byte) 0xff};
            waitForRow(row -> row.direction() == Direction.OUT && row.opcode() == Opcode.PING
                    && Arrays.equals(sent, row.payload()));
            waitForRow(row -> row.direction() == Direction.IN && row.opcode() == Opcode.PONG
                    && Arrays.equals(sent, row.payload()));

            fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.PONG));
            driver.setText("#wsPayload", "ab c");
            driver.click("#wsSend");
            assertTrue(driver.text("#wsSendError").startsWith("Pong payload: "), driver.text("#wsSendError"));
            driver.click("#wsControlHex");
            assertEquals("", driver.text("#wsSendError"), "turning hex off clears it too");
            driver.click("#wsSend");
            waitForRow(row -> row.direction() == Direction.OUT && row.opcode() == Opcode.PONG
                    && Arrays.equals("ab c".getBytes(java.nio.charset.StandardCharsets.UTF_8), row.payload()));
        }
    }

    @Test
    void theWorkspaceKeepsUrlHeadersSubprotocolsAndTheSendBarButNotInsecure() throws Exception {
        launch();
        driver.setText("#wsUrl", "wss://localhost:9443/feed");
        driver.setText("#wsHeaders", "Origin: http://localhost");
        driver.setText("#wsProtocols", "chat, v2.json");
        fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.BINARY_MESSAGE));
        driver.setText("#wsPayload", "de ad be ef");
        driver.setText("#wsCloseReason", "ok");
        driver.click("#wsInsecure");
        assertEquals("Insecure TLS: not verified", driver.text("#wsInsecure"));
        fxRun(() -> tab.model().stop());
        tab = null;
        driver.close();

        AppPreferences kept = AppDriver.savedTabSettings(preferences, "websocket");
        assertEquals("wss://localhost:9443/feed", kept.get("url", ""));
        assertEquals("Origin: http://localhost", kept.get("headers", ""));
        assertEquals("chat, v2.json", kept.get("protocols", ""));
        assertEquals("absent", kept.get("insecure", "absent"));

        AppDriver again = new AppDriver(preferences);
        try {
            again.launch();
            again.selectTab("websocket");
            assertEquals("wss://localhost:9443/feed", again.text("#wsUrl"));
            assertEquals("chat, v2.json", again.text("#wsProtocols"));
            assertEquals(SendKind.BINARY_MESSAGE, fx(() -> again.<ComboBox<SendKind>>node("#wsOpcode").getValue()));
            assertEquals("de ad be ef", again.text("#wsPayload"));
            assertEquals("ok", again.text("#wsCloseReason"));
            assertEquals("Insecure TLS", again.text("#wsInsecure"));
        } finally {
            again.close();
        }
    }

    @SuppressWarnings("unchecked")
    private void clickRow(FrameRow row) {
        fxRun(() -> ((TableView<FrameRow>) driver.node("#wsTimeline")).scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        Node rowNode = driver.robot().lookup("#wsTimeline .table-row-cell")
                .match((Node node) -> node instanceof TableRow<?> tableRow && tableRow.getItem() == row).query();
        driver.robot().clickOn(rowNode);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private FrameRow waitForRow(Predicate<FrameRow> test) {
        driver.waitUntil(() -> tab.model().rows().stream().anyMatch(test));
        return fx(() -> {
            Optional<FrameRow> found = tab.model().rows().stream().filter(test).findFirst();
            return found.orElseThrow();
        });
    }

}
