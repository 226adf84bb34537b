package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket send bar's history against Netty's echo server: what went out comes back with ▲ and ▼ (kind, payload
 * and the hex switch), past the newest the draft returns, a refused send and a close are not kept, and the history is
 * kept with the workspace.
 */
@Timeout(60)
class WebSocketSendHistoryTest {
    private final WebSocketModels models = new WebSocketModels();

    @AfterEach
    void close() {
        models.close();
    }

    @Test
    void sendsComeBackNewestFirstAndTheDraftAfterTheNewest() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        WebSocketModel model = models.create(preferences);
        try (NettyWsServer server = NettyWsServer.plain()) {
            model.urlProperty().set(server.url(false));
            model.connect();
            until(() -> model.phase() == WebSocketModel.Phase.OPEN);
            send(model, SendKind.TEXT_MESSAGE, "hello", false);
            send(model, SendKind.BINARY_MESSAGE, "de ad be ef", false);
            send(model, SendKind.PING, "01 02", true);
            model.payloadProperty().set("zz"); // bad hex: refused at the bar, not kept
            model.send();
            assertFalse(model.sendErrorProperty().get().isEmpty());
            until(() -> model.framesInProperty().get() >= 3);

            send(model, SendKind.TEXT_MESSAGE, "draft being typed", false, false);
            model.historyPrevious();
            assertBar(model, SendKind.PING, "01 02", true);
            model.historyPrevious();
            assertBar(model, SendKind.BINARY_MESSAGE, "de ad be ef", false);
            model.historyPrevious();
            assertBar(model, SendKind.TEXT_MESSAGE, "hello", false);
            model.historyPrevious();
            assertBar(model, SendKind.TEXT_MESSAGE, "hello", false); // nothing older
            model.historyNext();
            model.historyNext();
            assertBar(model, SendKind.PING, "01 02", true);
            model.historyNext();
            assertBar(model, SendKind.TEXT_MESSAGE, "draft being typed", false);

            model.sendKindProperty().set(SendKind.CLOSE);
            model.send();
            until(() -> model.phase() == WebSocketModel.Phase.IDLE);
        }
        model.savePreferences();

        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "websocket", "WebSocket"))) {
            WebSocketModel reopened = models.create(copy);
            reopened.historyPrevious();
            assertBar(reopened, SendKind.PING, "01 02", true);
            reopened.historyPrevious();
            reopened.historyPrevious();
            assertBar(reopened, SendKind.TEXT_MESSAGE, "hello", false);
            reopened.historyPrevious();
            assertBar(reopened, SendKind.TEXT_MESSAGE, "hello", false);
        }
    }

    private void send(WebSocketModel model, SendKind kind, String payload, boolean hex) {
        send(model, kind, payload, hex, true);
    }

    private void send(WebSocketModel model, SendKind kind, String payload, boolean hex, boolean press) {
        model.sendKindProperty().set(kind);
        model.controlHexProperty().set(hex);
        model.payloadProperty().set(payload);
        if (press) {
            model.send();
            assertTrue(model.sendErrorProperty().get().isEmpty(), model.sendErrorProperty().get());
        }
    }

    private static void assertBar(WebSocketModel model, SendKind kind, String payload, boolean hex) {
        assertEquals(kind, model.sendKindProperty().get());
        assertEquals(payload, model.payloadProperty().get());
        assertEquals(hex, model.controlHexProperty().get());
    }

    /** Ticks the tab's frames until {@code condition} holds. */
    private void until(Callable<Boolean> condition) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(5, TimeUnit.MILLISECONDS).until(() -> {
            models.executor.tickFrames();
            return condition.call();
        });
    }
}
