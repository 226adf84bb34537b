package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.websocket.FrameRow;
import com.socketworkbench.ui.websocket.WebSocketModel;
import com.socketworkbench.ui.websocket.WebSocketTab;

import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The HTTP tab's WebSocket template as a Burp user would send it, in the real window against Netty's WebSocket
 * server: the 101 opens a WebSocket tab that continues the same connection (the handshake shown as it went, frames
 * both ways), and the HTTP tab says where it went.
 */
@Timeout(120)
class WebSocketUpgradeFromHttpTest {
    private final AppDriver driver = new AppDriver(InMemoryPreferences.fresh());
    private WebSocketTab webSocket;

    @AfterEach
    void close() throws Exception {
        if (webSocket != null) {
            fxRun(() -> webSocket.model().stop());
        }
        driver.close();
    }

    @Test
    void aSuccessfulUpgradeGoesOnInAWebSocketTabOfItsOwn() throws Exception {
        driver.launch();
        driver.selectTab("http");
        try (NettyWsServer server = NettyWsServer.plain()) {
            driver.setText("#http #host", "127.0.0.1");
            driver.setText("#http #port", Integer.toString(server.port()));
            driver.click("#http #template");
            Node item = driver.robot().lookup("#template-WEBSOCKET").query();
            driver.robot().clickOn(item);
            WaitForAsyncUtils.waitForFxEvents();
            String request = driver.text("#http #request");
            assertTrue(request.contains("Upgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: "), request);
            driver.setText("#http #request", request.replaceFirst("GET / ", "GET " + NettyWsServer.PATH + " "));

            driver.click("#http #send");
            driver.waitUntil(() -> fx(() -> driver.app().tabs().stream().anyMatch(WebSocketTab.class::isInstance)));
            webSocket = fx(() -> driver.app().tabs().stream().filter(WebSocketTab.class::isInstance)
                    .map(WebSocketTab.class::cast).findFirst().orElseThrow());
            driver.waitUntil(() -> webSocket.model().phase() == WebSocketModel.Phase.OPEN);
            assertEquals(server.url(false), driver.text("#wsUrl"), "shown, and selected");
            String firstRow = fx(() -> webSocket.model().rows().getFirst().text());
            assertTrue(firstRow.startsWith("Continuing the connection the HTTP tab upgraded to " + server.url(false)
                    + " (127.0.0.1:"), firstRow);
            assertTrue(driver.text("#wsHandshakeRequest").startsWith("GET /echo HTTP/1.1\nHost: 127.0.0.1:"),
                    driver.text("#wsHandshakeRequest"));
            assertTrue(driver.text("#wsAcceptCheck").startsWith("Sec-WebSocket-Accept ✔ matches"),
                    driver.text("#wsAcceptCheck"));

            driver.setText("#wsPayload", "still the same socket");
            driver.click("#wsSend");
            driver.waitUntil(() -> fx(() -> webSocket.model().rows().stream().anyMatch(row ->
                    row.direction() == Direction.IN && row.opcode() == Opcode.TEXT
                            && row.text().equals("still the same socket"))));
            assertEquals(1, server.connections(), "no second connection");

            driver.selectTab("http");
            driver.waitUntil(() -> driver.text("#http #responseStatus").startsWith("HTTP/1.1 101"));
            assertTrue(driver.text("#http #upgradeNote").contains("WebSocket"), driver.text("#http #upgradeNote"));
            assertTrue(fx(() -> driver.node("#http #upgradeNote").isVisible()));
        }
    }
}
