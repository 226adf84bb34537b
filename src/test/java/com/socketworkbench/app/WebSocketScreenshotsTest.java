package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.ui.websocket.FrameRow;
import com.socketworkbench.ui.websocket.SendKind;
import com.socketworkbench.ui.websocket.WebSocketModel;
import com.socketworkbench.ui.websocket.WebSocketTab;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.function.Predicate;

/**
 * Writes {@code websocket.png}: the WebSocket tab against Netty's echo server on loopback. A first session sends
 * text, binary and a ping (the server pongs) and ends with a close 1000 and a reason; a
 * second one is connected, its handshake on both sides with the accept check, and its text echo is the selected
 * row, its payload in hex. Run with {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(120)
class WebSocketScreenshotsTest {
    private final AppDriver driver = new AppDriver();
    private WebSocketTab tab;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        Screenshots.sizeWindow(driver.stage());
    }

    @AfterEach
    void close() throws Exception {
        if (tab != null) {
            fxRun(() -> tab.model().stop());
        }
        driver.close();
    }

    @Test
    void websocket() throws Exception {
        try (NettyWsServer server = NettyWsServer.plain()) {
            fxRun(() -> driver.app().strip().openNew(TabKinds.WEBSOCKET));
            driver.selectTab("websocket");
            tab = fx(() -> driver.app().tabs().stream().filter(WebSocketTab.class::isInstance)
                    .map(WebSocketTab.class::cast).findFirst().orElseThrow());
            driver.setText("#wsUrl", server.url(false));
            driver.setText("#wsProtocols", "chat");
            driver.setText("#wsHeaders", "Origin: http://localhost");

            connect();
            send(SendKind.TEXT_MESSAGE, "hello, WebSocket");
            waitForRow(row -> row.direction() == Direction.IN && row.text().equals("hello, WebSocket"));
            send(SendKind.BINARY_MESSAGE, "de ad be ef 00 01 02 03 7f 80 ff");
            waitForRow(row -> row.direction() == Direction.IN && row.opcode() == Opcode.BINARY);
            send(SendKind.PING, "are you there?");
            waitForRow(row -> row.direction() == Direction.IN && row.opcode() == Opcode.PONG);
            fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.CLOSE));
            driver.setText("#wsCloseCode", "1000");
            driver.setText("#wsCloseReason", "done for today");
            driver.click("#wsSend");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.IDLE);

            connect();
            send(SendKind.TEXT_MESSAGE, "hello again");
            waitForRow(row -> row.direction() == Direction.IN && row.text().equals("hello again"));
            driver.setText("#wsPayload", "");

            FrameRow echo = fx(() -> tab.model().rows().getLast());
            fxRun(() -> {
                TableView<FrameRow> table = driver.node("#wsTimeline");
                table.getSelectionModel().select(echo);
                table.scrollTo(Math.max(0, table.getItems().size() - 10));
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(Files.size(Screenshots.write(driver.stage().getScene(), "websocket.png")) > 10_000);
        }
    }

    private void connect() {
        driver.click("#wsConnect");
        driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
    }

    private void send(SendKind kind, String payload) {
        fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(kind));
        driver.setText("#wsPayload", payload);
        driver.click("#wsSend");
    }

    private void waitForRow(Predicate<FrameRow> test) {
        driver.waitUntil(() -> tab.model().rows().stream().anyMatch(test));
    }
}
