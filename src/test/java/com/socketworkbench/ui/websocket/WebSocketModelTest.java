package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.FrameEncoder;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.RawWsServer;
import com.socketworkbench.engine.websocket.WsEvent;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket tab's model without a toolkit (the test thread is the UI thread): what is saved with the workspace
 * (not the insecure switch), the fields' messages, and events applied on frames only, within the row limit.
 */
class WebSocketModelTest {
    private final WebSocketModels models = new WebSocketModels();
    @TempDir
    Path folder;
    private final CurrentThreadUiExecutor executor = models.executor;

    @AfterEach
    void tearDown() {
        models.close();
    }

    private WebSocketModel model(AppPreferences preferences) {
        return models.create(preferences);
    }

    @Test
    void aNewTabStartsWithAnEmptyTextMessageAndCloseCode1000() {
        WebSocketModel model = model(InMemoryPreferences.fresh());
        assertEquals(SendKind.TEXT_MESSAGE, model.sendKindProperty().get());
        assertEquals("", model.payloadProperty().get());
        assertEquals("1000", model.closeCodeProperty().get());
        assertEquals("", model.closeReasonProperty().get());
        assertFalse(model.controlHexProperty().get());
    }

    @Test
    void anUnknownSavedSendKindFallsBackToText() {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.put("sendKind", "SMOKE_SIGNAL");
        assertEquals(SendKind.TEXT_MESSAGE, model(preferences).sendKindProperty().get());
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
        model.sendKindProperty().set(SendKind.PING);
        model.controlHexProperty().set(true);
        model.payloadProperty().set("de ad\nbe ef");
        model.closeCodeProperty().set("4001");
        model.closeReasonProperty().set("bye now");
        Path ca = Files.writeString(folder.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        model.caFileInput().textProperty().set(ca.toString());
        model.savePreferences();

        for (AppPreferences copy : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "websocket", "WebSocket"))) {
            WebSocketModel reopened = model(copy);
            assertEquals("wss://localhost:9443/feed?x=1", reopened.urlProperty().get());
            assertEquals("Origin: http://localhost\nX-Token: abc", reopened.headersProperty().get());
            assertEquals("chat, v2.json", reopened.protocolsProperty().get());
            assertFalse(reopened.autoPongProperty().get());
            assertEquals("16", reopened.fragmentProperty().get());
            assertEquals(SendKind.PING, reopened.sendKindProperty().get());
            assertTrue(reopened.controlHexProperty().get());
            assertEquals("de ad\nbe ef", reopened.payloadProperty().get());
            assertEquals("4001", reopened.closeCodeProperty().get());
            assertEquals("bye now", reopened.closeReasonProperty().get());
            assertEquals(ca.toString(), reopened.caFileInput().text());
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

        model.protocolsProperty().set("");
        Path missing = folder.resolve("no-such-ca.pem");
        model.caFileInput().textProperty().set(missing.toString());
        assertFalse(model.caFileInput().verdict().isError(), "ws:// reads no CA file: a stale path is no error");
        model.urlProperty().set("wss://127.0.0.1:1/");
        assertEquals("No such file: " + missing, model.caFileInput().verdict().message());
        model.connect();
        assertEquals(WebSocketModel.Phase.IDLE, model.phase(), "the CA file's message stays, nothing connects");
        model.insecureProperty().set(true);
        assertFalse(model.caFileInput().verdict().isError(), "insecure TLS reads no CA file either");
        model.insecureProperty().set(false);

        model.send();
        assertEquals("Not connected: connect first", model.sendErrorProperty().get());
    }

    @Test
    void theCloseCodeAndReasonAreJudgedAsTypedWhileCloseIsChosen() {
        WebSocketModel model = model(InMemoryPreferences.fresh());
        model.closeCodeProperty().set("5000");
        assertEquals(InputVerdict.FINE, model.closeCodeVerdictProperty().get(), "no message for a hidden field");

        model.sendKindProperty().set(SendKind.CLOSE);
        assertEquals("The close code 5000 may not be sent: use 1000 to 1003, 1007 to 1014 or 3000 to 4999",
                model.closeCodeVerdictProperty().get().message());
        assertTrue(model.closeCodeVerdictProperty().get().isError());
        model.closeCodeProperty().set("1005");
        assertTrue(model.closeCodeVerdictProperty().get().isError(), "1005 is never sent on the wire");
        model.closeCodeProperty().set("99999999999");
        assertTrue(model.closeCodeVerdictProperty().get().message().startsWith("The close code 99999999999 may"));
        model.closeCodeProperty().set("10x0");
        assertEquals("The close code \"10x0\" is not a number", model.closeCodeVerdictProperty().get().message());
        model.closeCodeProperty().set(" ");
        assertEquals("Type a close code: 1000 to 1003, 1007 to 1014 or 3000 to 4999",
                model.closeCodeVerdictProperty().get().message());
        model.closeCodeProperty().set("1000");
        assertEquals(InputVerdict.FINE, model.closeCodeVerdictProperty().get(), "fixing the code takes it away");

        model.closeReasonProperty().set("é".repeat(62));
        assertEquals("The close reason is 124 bytes: at most 123 fit in a close frame",
                model.closeReasonVerdictProperty().get().message());
        model.closeReasonProperty().set("é".repeat(61) + "x");
        assertEquals(InputVerdict.FINE, model.closeReasonVerdictProperty().get());

        model.closeCodeProperty().set("2000");
        model.sendKindProperty().set(SendKind.TEXT_MESSAGE);
        assertEquals(InputVerdict.FINE, model.closeCodeVerdictProperty().get(), "another kind hides the fields");
    }

    @Test
    void anEditToAnyFieldSendUsesTakesTheStaleRefusalAway() {
        WebSocketModel model = model(InMemoryPreferences.fresh());
        List<Runnable> edits = List.of(
                () -> model.payloadProperty().set("x"),
                () -> model.sendKindProperty().set(SendKind.BINARY_MESSAGE),
                () -> model.controlHexProperty().set(!model.controlHexProperty().get()),
                () -> model.fragmentProperty().set(model.fragmentProperty().get() + "1"),
                () -> model.closeCodeProperty().set(model.closeCodeProperty().get() + "1"),
                () -> model.closeReasonProperty().set(model.closeReasonProperty().get() + "r"));
        for (Runnable edit : edits) {
            model.send();
            assertEquals("Not connected: connect first", model.sendErrorProperty().get());
            edit.run();
            assertEquals("", model.sendErrorProperty().get());
        }
    }

    @Test
    void closingTheTabSendsGoingAwayAndDropsASilentServerAfterAShortWait() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            WebSocketModel model = model(InMemoryPreferences.fresh());
            model.urlProperty().set(server.url());
            model.connect();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (model.phase() != WebSocketModel.Phase.OPEN && System.nanoTime() < deadline) {
                executor.tickFrames();
                Thread.sleep(5);
            }
            assertEquals(WebSocketModel.Phase.OPEN, model.phase());

            // What closing a tab does (WindowTab.discard): stop, then dispose, which stops once more.
            long start = System.nanoTime();
            model.stop();
            model.dispose();
            long returnedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(returnedMs < 200, "stop waits on no thread of the caller: " + returnedMs + " ms");
            Thread waiter = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals(WebSocketModel.GOING_AWAY_THREAD))
                    .findFirst().orElseThrow();
            assertFalse(waiter.isDaemon(), "quitting the app waits for the close to go out");

            byte[] sent = server.fromClient().get(10, TimeUnit.SECONDS);
            long droppedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(0x88, sent[0] & 0xff, "one close frame, FIN set");
            assertEquals(0x80 | 12, sent[1] & 0xff, "masked, 2 bytes of code and 10 of reason");
            byte[] payload = new byte[12];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (sent[6 + i] ^ sent[2 + i % 4]);
            }
            assertEquals(1001, ((payload[0] & 0xff) << 8) | (payload[1] & 0xff));
            assertEquals("going away", new String(payload, 2, 10, StandardCharsets.UTF_8));
            assertEquals(2 + 4 + 12, sent.length, "nothing after the close");
            assertTrue(droppedMs >= WebSocketModel.GOING_AWAY_WAIT.toMillis() - 100 && droppedMs < 3000,
                    "dropped after the short wait, not the 5 s close timeout: " + droppedMs + " ms");
            waiter.join(2000);
            assertFalse(waiter.isAlive());
        }
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
