package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.FrameEncoder;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.WsEvent;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The WebSocket tab's model without a toolkit (the test thread is the UI thread): what is saved with the workspace
 * (not the insecure switch), the fields' messages, and events applied on frames only, within the row limit.
 */
class WebSocketModelTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<WebSocketModel> models = new ArrayList<>();

    @AfterEach
    void tearDown() {
        models.forEach(WebSocketModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private WebSocketModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        WebSocketModel model = new WebSocketModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    @Test
    void urlHeadersProtocolsAutoPongAndFragmentAreSavedButInsecureIsNot() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        WebSocketModel model = model(preferences);
        assertEquals(WebSocketModel.DEFAULT_URL, model.urlProperty().get());
        model.urlProperty().set("wss://localhost:9443/feed?x=1");
        model.headersProperty().set("Origin: http://localhost\nX-Token: abc");
        model.protocolsProperty().set("chat, v2.json");
        model.autoPongProperty().set(false);
        model.fragmentProperty().set("16");
        model.insecureProperty().set(true);
        model.savePreferences();

        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "websocket", "WebSocket"))) {
            WebSocketModel reopened = model(copy);
            assertEquals("wss://localhost:9443/feed?x=1", reopened.urlProperty().get());
            assertEquals("Origin: http://localhost\nX-Token: abc", reopened.headersProperty().get());
            assertEquals("chat, v2.json", reopened.protocolsProperty().get());
            assertFalse(reopened.autoPongProperty().get());
            assertEquals("16", reopened.fragmentProperty().get());
            assertFalse(reopened.insecureProperty().get(), "certificate checks are on in every new session");
        }
    }

    @Test
    void eachFieldSaysWhatIsWrongAndConnectDoesNothingThen() {
        WebSocketModel model = model(InMemoryPreferences.fresh());
        model.urlProperty().set("http://127.0.0.1:8080/");
        assertEquals("The scheme \"http\" is not WebSocket: use ws:// or wss://", model.urlErrorProperty().get());
        model.urlProperty().set("");
        assertEquals("", model.urlErrorProperty().get(), "an empty field is only reported at Connect");
        model.connect();
        assertEquals("Type a WebSocket URL, e.g. ws://127.0.0.1:8080/chat", model.urlErrorProperty().get());
        assertEquals(WebSocketModel.Phase.IDLE, model.phase());

        model.urlProperty().set("ws://127.0.0.1:1/");
        model.headersProperty().set("Origin localhost");
        assertEquals("Header line 1 has no colon: write Name: value", model.headersErrorProperty().get());
        model.headersProperty().set("");
        model.protocolsProperty().set("chat room");
        assertEquals("The subprotocol \"chat room\" is not a token (letters, digits and !#$%&'*+-.^_`|~)",
                model.headersErrorProperty().get());
        model.connect();
        assertEquals(WebSocketModel.Phase.IDLE, model.phase());

        model.send();
        assertEquals("Not connected: connect first", model.sendErrorProperty().get());
    }

    @Test
    void eventsReachTheTimelineOnlyOnAFrameAndTheQueueSleepsWhenEmpty() {
        WebSocketModel model = model(InMemoryPreferences.fresh());
        WsEventQueue queue = new WsEventQueue(executor, model::apply);
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        queue.accept(new WsEvent.Frame(Instant.now(), Direction.OUT,
                FrameEncoder.encode(true, Opcode.TEXT, hello, 0x11223344), List.of()));
        queue.accept(new WsEvent.Frame(Instant.now(), Direction.IN,
                FrameEncoder.encode(true, Opcode.TEXT, hello, null), List.of()));
        assertTrue(model.rows().isEmpty(), "nothing is applied between frames");
        assertTrue(executor.anyTickerStarted(), "the first event woke the queue");

        executor.tickFrames();
        assertEquals(List.of("→ text hello", "← text hello"), model.rows().stream()
                .map(row -> row.directionText() + " " + row.opcodeText() + " " + row.text()).toList());
        assertEquals(1, model.framesOutProperty().get());
        assertEquals(1, model.framesInProperty().get());
        assertEquals(2 + 4 + 5, model.bytesOutProperty().get(), "header with mask key, then payload");
        assertEquals(2 + 5, model.bytesInProperty().get());
        assertFalse(executor.anyTickerStarted(), "an empty queue stops asking for frames");
        queue.dispose();
    }

    @Test
    void theTimelineKeepsItsNewestRowsWithinTheLimit() {
        WebSocketModel model = model(InMemoryPreferences.fresh());
        List<WsEvent> batch = new ArrayList<>();
        for (int i = 0; i < WebSocketModel.MAX_ROWS + 10; i++) {
            batch.add(new WsEvent.Frame(Instant.now(), Direction.IN, FrameEncoder.encode(true, Opcode.TEXT,
                    String.valueOf(i).getBytes(StandardCharsets.UTF_8), null), List.of()));
        }
        model.apply(batch);
        assertEquals(WebSocketModel.MAX_ROWS, model.rows().size());
        assertEquals("10", model.rows().getFirst().text());
        assertEquals(String.valueOf(WebSocketModel.MAX_ROWS + 9), model.rows().getLast().text());
        assertEquals(WebSocketModel.MAX_ROWS + 10, model.framesInProperty().get(), "counters count every frame");
    }
}
