package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.ui.alltraffic.AllTrafficHub;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.traffic.TimelineRow;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket tab's session in the window's All Traffic hub, without a toolkit: one connection with the socket's
 * ends, each frame's payload as bytes sent and received, closed with who ended it; a refused connect is a failure row
 * and never a watched socket. Against Netty's echo server on loopback.
 */
@Timeout(60)
class WebSocketAllTrafficTest {
    private final WebSocketModels models = new WebSocketModels();
    private final AllTrafficHub hub = new AllTrafficHub();
    private final AllTrafficHub.Tap tap = hub.tap(() -> "WebSocket");
    private final WebSocketModel model = models.create(InMemoryPreferences.fresh());

    WebSocketAllTrafficTest() {
        hub.open();
        hub.setShown(true);
        model.feedMergedTraffic(tap, tap::take, hub::drain);
    }

    @AfterEach
    void close() {
        models.close();
    }

    @Test
    void aSessionIsOneConnectionWithItsPayloadsAndWhoClosedIt() throws Exception {
        try (NettyWsServer server = NettyWsServer.plain()) {
            model.urlProperty().set(server.url(false));
            model.connect();
            until(() -> model.phase() == WebSocketModel.Phase.OPEN);
            until(() -> watched() == 1);

            model.payloadProperty().set("hello");
            model.send();
            until(() -> events().stream().anyMatch(BytesReceived.class::isInstance));
            ConnectionOpened opened = assertInstanceOf(ConnectionOpened.class, events().getFirst());
            assertEquals(new InetSocketAddress("127.0.0.1", server.port()), opened.remote());
            BytesSent sent = only(BytesSent.class);
            BytesReceived echo = only(BytesReceived.class);
            assertEquals("hello", new String(sent.data(), StandardCharsets.UTF_8), "the payload, not the masked frame");
            assertEquals("hello", new String(echo.data(), StandardCharsets.UTF_8));
            assertEquals(opened.connectionId(), echo.connectionId());
            assertEquals(opened.remote(), echo.remote(), "the peer column of every row");
            assertEquals("WebSocket", hub.sourceOf(hub.timeline().rows().getLast()));

            model.toggleConnection(); // close 1000, answered by the server
            until(() -> model.phase() == WebSocketModel.Phase.IDLE);
            ConnectionClosed closed = assertInstanceOf(ConnectionClosed.class, events().getLast());
            assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
            assertTrue(closed.detail().startsWith("Closed: we sent a close"), closed.detail());
            until(() -> watched() == 0);

            model.connect();
            until(() -> model.phase() == WebSocketModel.Phase.OPEN);
            until(() -> events().getLast() instanceof ConnectionOpened);
            assertEquals(opened.connectionId() + 1, events().getLast().connectionId(), "a new session, a new id");
            model.toggleConnection();
            until(() -> model.phase() == WebSocketModel.Phase.IDLE);
        }
    }

    @Test
    void aRefusedConnectIsAFailureRowAndNoWatchedSocket() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        model.urlProperty().set("ws://127.0.0.1:" + port + "/");
        model.connect();
        until(() -> events().stream().anyMatch(Failure.class::isInstance));
        Failure failure = only(Failure.class);
        assertEquals(Operation.CONNECT, failure.operation());
        assertEquals("127.0.0.1:" + port, Endpoints.describe(failure.remote()));
        assertTrue(failure.message().contains("refused"), failure.message());
        assertEquals(1, events().size(), "nothing opened, nothing closed");
        assertEquals(0, watched());
    }

    private List<NetEvent> events() {
        return hub.timeline().rows().stream().map(TimelineRow::event).toList();
    }

    private <T extends NetEvent> T only(Class<T> type) {
        List<T> found = events().stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName() + " rows: " + found);
        return found.getFirst();
    }

    private int watched() {
        hub.drain();
        return hub.watchedSocketsProperty().get();
    }

    /** Ticks the tab's frames until {@code condition} holds. */
    private void until(Callable<Boolean> condition) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(5, TimeUnit.MILLISECONDS).until(() -> {
            models.executor.tickFrames();
            return condition.call();
        });
    }
}
