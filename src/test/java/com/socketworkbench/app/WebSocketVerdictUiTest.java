package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.RawWsServer;
import com.socketworkbench.engine.websocket.TestCertificates;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.websocket.FrameRow;
import com.socketworkbench.ui.websocket.WebSocketModel;
import com.socketworkbench.ui.websocket.WebSocketTab;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The WebSocket tab in the real window against what a well-behaved server never sends: a malformed frame from a
 * scripted raw server is a red row whose verdict is under the selection and whose raw bytes are in the hex view,
 * the offending bytes marked; a masked server frame can be shown as it came off the wire; and wss with the test's
 * own CA.
 */
@Timeout(120)
class WebSocketVerdictUiTest {
    private final AppDriver driver = new AppDriver(InMemoryPreferences.fresh());
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
    void aMalformedFrameIsRedWithItsVerdictAndItsBytesMarkedInTheHexView() throws Exception {
        launch();
        // 20 good bytes of text, then C3 28: a broken two-byte character on the hex view's second line.
        byte[] frame = new byte[2 + 22];
        frame[0] = (byte) 0x81;
        frame[1] = 22;
        for (int i = 0; i < 20; i++) {
            frame[2 + i] = (byte) ('a' + i);
        }
        frame[22] = (byte) 0xc3;
        frame[23] = 0x28;
        try (RawWsServer server = RawWsServer.frames(frame)) {
            driver.setText("#wsUrl", server.url());
            driver.click("#wsConnect");
            FrameRow bad = waitForRow(row -> row.direction() == Direction.IN && row.hasFatalVerdict());
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.IDLE);
            Node rowNode = clickRow(bad);
            assertTrue(rowNode.getStyleClass().contains("ws-problem"), rowNode.getStyleClass().toString());

            String verdict = driver.text("#wsFrameVerdict");
            assertTrue(verdict.startsWith("✖ Invalid UTF-8 in the text message at byte 21 of the frame's payload"),
                    verdict);
            ListView<String> hex = driver.node("#wsPayloadHex");
            assertEquals(2, driver.listItems("#wsPayloadHex").size());
            assertTrue(driver.listItems("#wsPayloadHex").get(1).contains("74 c3 28"),
                    driver.listItems("#wsPayloadHex").toString());
            assertEquals(1, fx(() -> hex.getSelectionModel().getSelectedIndex()),
                    "the line with the offending bytes is selected");
            driver.waitUntil(() -> !hex.lookupAll(".ws-hex-mark").isEmpty());
            double width = fx(() -> hex.lookupAll(".ws-hex-mark").stream().map(Rectangle.class::cast)
                    .mapToDouble(Rectangle::getWidth).max().orElse(0));
            assertTrue(width > 0, "the marked bytes are drawn");
            assertFalse(fx(() -> driver.node("#wsWireBytes").isVisible()), "an unmasked frame has no wire view");

            // A row without a verdict marks nothing.
            FrameRow note = fx(() -> tab.model().rows().getFirst());
            clickRow(note);
            assertEquals("", driver.text("#wsFrameVerdict"));
            assertTrue(fx(() -> hex.lookupAll(".ws-hex-mark").isEmpty()));
        }
    }

    @Test
    void aMaskedServerFrameShowsItsBytesAsTheyCameOffTheWire() throws Exception {
        launch();
        byte[] frame = {(byte) 0x81, (byte) 0x82, 0x11, 0x22, 0x33, 0x44, 'h' ^ 0x11, 'i' ^ 0x22};
        try (RawWsServer server = RawWsServer.frames(frame)) {
            driver.setText("#wsUrl", server.url());
            driver.click("#wsConnect");
            FrameRow masked = waitForRow(row -> row.direction() == Direction.IN && row.masked());
            clickRow(masked);
            assertTrue(driver.text("#wsFrameVerdict").contains("masked"), driver.text("#wsFrameVerdict"));
            assertTrue(fx(() -> driver.node("#wsWireBytes").isVisible()));
            assertTrue(driver.listItems("#wsPayloadHex").getFirst().contains("68 69"),
                    driver.listItems("#wsPayloadHex").toString());
            fxRun(() -> driver.<CheckBox>node("#wsWireBytes").setSelected(true));
            WaitForAsyncUtils.waitForFxEvents();
            String wire = String.format("%02x %02x", 'h' ^ 0x11, 'i' ^ 0x22);
            assertTrue(driver.listItems("#wsPayloadHex").getFirst().contains(wire),
                    driver.listItems("#wsPayloadHex").toString());
            fxRun(() -> driver.<CheckBox>node("#wsWireBytes").setSelected(false));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(driver.listItems("#wsPayloadHex").getFirst().contains("68 69"));
        }
    }

    @Test
    void wssConnectsWithTheTestsCaAndEchoes() throws Exception {
        launch();
        TestCertificates certificates = TestCertificates.make();
        try (NettyWsServer server = NettyWsServer.tls(certificates)) {
            java.security.KeyStore trust = certificates.trustStore();
            fxRun(() -> tab.model().setTrustStore(trust));
            driver.setText("#wsUrl", server.url(true));
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
            assertFalse(driver.text("#wsTls").isEmpty(), "the TLS details are shown");
            assertTrue(fx(() -> driver.node("#wsTls").isVisible()));
            driver.setText("#wsPayload", "over tls");
            driver.click("#wsSend");
            waitForRow(row -> row.direction() == Direction.IN && row.opcode() == Opcode.TEXT
                    && row.text().equals("over tls"));
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.IDLE);
            assertEquals("", fx(() -> tab.model().problemProperty().get()), "a clean close");
        }
    }

    @Test
    void theExpertToggleRevealsTheFrameBitsAndARawFrameIsMarkedInTheTimeline() throws Exception {
        launch();
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            driver.setText("#wsUrl", server.url());
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
            for (String id : new String[]{"#wsFin", "#wsRsv1", "#wsRsv2", "#wsRsv3", "#wsRawOpcode", "#wsMask"}) {
                assertFalse(fx(() -> shown(driver.node(id))), id + " hidden until Expert is on");
            }
            assertEquals("Send", driver.text("#wsSend"));
            driver.click("#wsExpert");
            for (String id : new String[]{"#wsFin", "#wsRsv1", "#wsRsv2", "#wsRsv3", "#wsRawOpcode", "#wsMask"}) {
                assertTrue(fx(() -> shown(driver.node(id))), id + " shown with Expert on");
            }
            assertEquals("Send raw", driver.text("#wsSend"));
            assertTrue(fx(() -> driver.<CheckBox>node("#wsFin").isSelected()));
            driver.click("#wsMask");
            driver.click("#wsRsv3");
            driver.setText("#wsPayload", "hi");
            driver.click("#wsSend");
            FrameRow raw = waitForRow(row -> row.direction() == Direction.OUT && row.isExpert());
            assertEquals("raw text", raw.opcodeText());
            assertFalse(raw.masked());
            assertEquals(1, raw.rsv());
            Node rowNode = clickRow(raw);
            assertTrue(rowNode.getStyleClass().containsAll(java.util.List.of("ws-problem", "ws-expert-row")),
                    rowNode.getStyleClass().toString());
            String verdict = driver.text("#wsFrameVerdict");
            assertTrue(verdict.startsWith("⚠ Raw/expert frame"), verdict);
            assertTrue(verdict.contains("✖ Breaks RFC 6455: not masked"), verdict);
            assertTrue(verdict.contains("✖ Breaks RFC 6455: RSV3 set"), verdict);
        }
    }

    /** Whether the node and every parent are visible (a hidden box hides its children). */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private Node clickRow(FrameRow row) {
        fxRun(() -> ((TableView<FrameRow>) driver.node("#wsTimeline")).scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        Node rowNode = driver.robot().lookup("#wsTimeline .table-row-cell")
                .match((Node node) -> node instanceof TableRow<?> tableRow && tableRow.getItem() == row).query();
        driver.robot().clickOn(rowNode);
        WaitForAsyncUtils.waitForFxEvents();
        return rowNode;
    }

    private FrameRow waitForRow(Predicate<FrameRow> test) {
        driver.waitUntil(() -> tab.model().rows().stream().anyMatch(test));
        return fx(() -> {
            Optional<FrameRow> found = tab.model().rows().stream().filter(test).findFirst();
            return found.orElseThrow();
        });
    }
}
