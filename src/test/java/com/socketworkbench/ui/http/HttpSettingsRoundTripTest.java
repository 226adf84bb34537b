package com.socketworkbench.ui.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.http.JsonPretty;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.workspace.MemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workspace's HTTP tab: the request, its options, the budgets and the response view's choices, and the history
 * with real exchanges against a JDK HttpServer on 127.0.0.1, saved into the tab's node and shown again by a model
 * over a copy of it (the synchronous executor makes the test thread the UI thread).
 */
@Timeout(120)
class HttpSettingsRoundTripTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<HttpViewModel> models = new ArrayList<>();

    @AfterEach
    void tearDown() {
        models.forEach(HttpViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private HttpViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        HttpViewModel model = new HttpViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    private static Map<String, Object> snapshot(HttpViewModel model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("scheme", model.schemeProperty().get());
        values.put("host", model.host().text());
        values.put("port", model.port().text());
        values.put("request", model.requestTextProperty().get());
        values.put("requestCharset", model.requestCharsetProperty().get());
        values.put("fixContentLength", model.fixContentLengthProperty().get());
        values.put("normalizeCrlf", model.normalizeCrlfProperty().get());
        values.put("keepAlive", model.keepAliveProperty().get());
        values.put("readTimeoutSeconds", model.readTimeoutSecondsProperty().get());
        values.put("maxResponseMiB", model.maxResponseMiBProperty().get());
        values.put("deadlineOn", model.deadline().onProperty().get());
        values.put("deadlineSeconds", model.deadline().textProperty().get());
        values.put("caFile", model.caFile().textProperty().get());
        values.put("historyMemoryBudget", model.historyBudgets().memory().text());
        values.put("historyTempBudget", model.historyBudgets().temp().text());
        values.put("responseCharset", model.bodyCharsetProperty().get());
        values.put("prettyJson", model.prettyJsonProperty().get());
        return values;
    }

    @Test
    void everySettingButInsecureTlsComesBackInANewModelOverACopyOfTheNode() throws Exception {
        Map<String, Object> defaults = snapshot(model(InMemoryPreferences.fresh()));
        AppPreferences preferences = InMemoryPreferences.fresh();
        HttpViewModel model = model(preferences);
        model.schemeProperty().set("https");
        model.host().textProperty().set("localhost");
        model.port().textProperty().set("8443");
        // Longer than stored preferences hold (8 KiB): a workspace keeps it whole.
        model.requestTextProperty().set("POST /upload HTTP/1.1\nHost: localhost\n\n" + "é".repeat(20_000));
        model.requestCharsetProperty().set(StandardCharsets.ISO_8859_1);
        model.fixContentLengthProperty().set(false);
        model.normalizeCrlfProperty().set(false);
        model.keepAliveProperty().set(true);
        model.readTimeoutSecondsProperty().set(12);
        model.maxResponseMiBProperty().set(64);
        model.deadline().onProperty().set(false);
        model.deadline().textProperty().set("15");
        model.caFile().textProperty().set("/etc/company/root-ca.pem");
        model.historyBudgets().memory().textProperty().set("40 MiB");
        model.historyBudgets().temp().textProperty().set("2 GiB");
        model.bodyCharsetProperty().set(new CharsetChoice(Optional.of(StandardCharsets.ISO_8859_1)));
        model.prettyJsonProperty().set(false);
        model.insecureTlsProperty().set(true);
        Map<String, Object> typed = snapshot(model);
        defaults.forEach((name, value) -> assertNotEquals(value, typed.get(name), name + " was changed"));

        model.savePreferences();
        HttpViewModel reopened = model(WorkspaceCopy.reopened(preferences));
        assertEquals(typed, snapshot(reopened));
        assertFalse(reopened.insecureTlsProperty().get(), "certificate checks are on in every new session");
        assertEquals(typed, snapshot(model(WorkspaceCopy.throughJson(preferences, "http", "HTTP"))));
    }

    @Test
    void theHistoryComesBackWithWhatWasSavedAndCanBeSentAgain() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(1000);
             LoopbackServers.Jdk bigServer = new LoopbackServers.Jdk(100_000)) {
            AppPreferences preferences = InMemoryPreferences.fresh();
            HttpViewModel model = model(preferences);
            send(model, server.port(), "GET /big HTTP/1.1\nHost: 127.0.0.1\n\n");
            send(model, bigServer.port(), "GET /big HTTP/1.1\nHost: 127.0.0.1\n\n");
            send(model, refusedPort(), "GET / HTTP/1.1\nHost: 127.0.0.1\n\n");
            model.requestCharsetProperty().set(StandardCharsets.ISO_8859_1);
            send(model, server.port(), "POST /api HTTP/1.1\nHost: 127.0.0.1\n\ncafé");
            HistoryEntry json = model.history().getFirst();
            model.shownProperty().set(json);
            List<HistoryEntry> live = List.copyOf(model.history());
            assertEquals(4, live.size());
            assertTrue(live.get(1).exchange().failure().isPresent(), "the refused request failed");

            model.savePreferences();
            model.savePreferences(); // a second save replaces the first one's history node
            Preferences saved = preferences.node().node(HistoryArchive.NODE);
            assertNotNull(saved.node("000").get(HistoryArchive.BODY, null), "a UTF-8 body is saved as text");
            assertNotNull(saved.node("003").get(HistoryArchive.BODY + HistoryArchive.BASE64, null),
                    "binary bytes as base64");
            assertNull(saved.node("002").get(HistoryArchive.BODY, null), "100,000 bytes are over 64 KiB");
            assertNull(saved.node("002").get(HistoryArchive.BODY + HistoryArchive.BASE64, null));

            HttpViewModel reopened = model(WorkspaceCopy.throughJson(preferences, "http", "HTTP"));
            List<HistoryEntry> restored = List.copyOf(reopened.history());
            assertEquals(live.size(), restored.size());
            for (int i = 0; i < live.size(); i++) {
                HistoryEntry before = live.get(i);
                HistoryEntry after = restored.get(i);
                assertEquals(before.number(), after.number());
                assertEquals(before.label(), after.label(), "time, method, target, status and size");
                assertEquals(before.requestText(), after.requestText());
                assertEquals(before.requestCharset(), after.requestCharset());
                assertEquals(before.exchange().startedAt(), after.exchange().startedAt());
                assertEquals(before.exchange().failure(), after.exchange().failure());
                assertEquals(before.exchange().timing(), after.exchange().timing());
                assertEquals(before.exchange().bytesSent(), after.exchange().bytesSent());
                assertEquals(HistoryArchive.outcome(before.exchange()), HistoryArchive.outcome(after.exchange()));
                assertTrue(after.restored());
            }
            assertEquals(json.number(), reopened.shownProperty().get().number(), "the shown entry is shown again");

            // What the response view shows: the response parsed again from the saved bytes.
            HistoryEntry restoredJson = restored.getFirst();
            ParsedResponse response = restoredJson.exchange().response().orElseThrow();
            ParsedResponse original = json.exchange().response().orElseThrow();
            assertEquals(original.statusLine(), response.statusLine());
            assertEquals(original.headers(), response.headers());
            assertEquals(original.verdicts(), response.verdicts());
            assertArrayEquals(all(json.exchange().rawBytes()), all(restoredJson.exchange().rawBytes()));
            RenderedResponse rendered = reopened.renderedProperty().get();
            assertEquals(JsonPretty.format(LoopbackServers.JSON).orElseThrow(), rendered.body());
            assertEquals("Restored from the workspace · JSON, pretty-printed · decoded as UTF-8", rendered.bodyNote());
            assertFalse(restoredJson.bytesDropped());

            HistoryEntry binary = restored.get(3);
            assertArrayEquals(all(live.get(3).exchange().rawBytes()), all(binary.exchange().rawBytes()));
            assertArrayEquals(all(live.get(3).exchange().response().orElseThrow().body()),
                    all(binary.exchange().response().orElseThrow().body()));

            HistoryEntry big = restored.get(2);
            assertTrue(big.bytesDropped(), "listed, struck through, with the reason");
            assertTrue(big.dropped().orElseThrow().startsWith("Response body not saved (97.7 KiB, 100,000 bytes)"),
                    big.dropped().orElseThrow());
            assertEquals("200", big.statusText());
            assertEquals(Optional.of("100000"), big.exchange().response().orElseThrow().header("Content-Length"));
            reopened.shownProperty().set(big);
            assertEquals("", reopened.renderedProperty().get().body());
            assertEquals(big.dropped().orElseThrow(), reopened.renderedProperty().get().bodyNote());

            HistoryEntry refused = restored.get(1);
            assertTrue(refused.exchange().response().isEmpty());
            assertEquals("failed", refused.statusText());

            // Loaded into the editor (target, charset and text) and sent again, as before.
            reopened.loadIntoEditor(restoredJson);
            assertEquals(StandardCharsets.ISO_8859_1, reopened.requestCharsetProperty().get());
            assertEquals(Integer.toString(server.port()), reopened.port().text());
            server.received.clear();
            reopened.send();
            assertEquals(5, reopened.history().size());
            assertEquals(5, reopened.history().getFirst().number(), "numbered after the restored entries");
            LoopbackServers.Received again = server.received.poll();
            assertNotNull(again);
            assertEquals("POST", again.method());
            assertArrayEquals("café".getBytes(StandardCharsets.ISO_8859_1), again.body());
        }
    }

    @Test
    void theBudgetsHoldForRestoredEntries() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(60_000)) {
            AppPreferences preferences = InMemoryPreferences.fresh();
            HttpViewModel model = model(preferences);
            for (int i = 0; i < 30; i++) {
                send(model, server.port(), "GET /big HTTP/1.1\nHost: 127.0.0.1\n\n");
            }
            assertTrue(model.history().stream().noneMatch(HistoryEntry::bytesDropped), "30 × 60 KB fit 16 MiB");
            model.savePreferences();

            AppPreferences copy = WorkspaceCopy.reopened(preferences);
            copy.put(HistoryBudgets.PREF_MEMORY, "1 MiB");
            HttpViewModel reopened = model(copy);
            assertEquals(30, reopened.history().size(), "every entry stays listed");
            ExchangeHistory.Usage usage = reopened.historyUsageProperty().get();
            assertTrue(usage.used().memoryBytes() <= 1024 * 1024, usage.describe());
            assertTrue(reopened.history().getLast().bytesDropped(), "the oldest gave up their bytes first");
            assertFalse(reopened.history().getFirst().bytesDropped(), "the newest is kept whole");

            // Saved again: what the budget dropped stays dropped, and says why.
            reopened.savePreferences();
            AppPreferences again = WorkspaceCopy.reopened(copy);
            again.put(HistoryBudgets.PREF_MEMORY, "64 MiB");
            HistoryEntry oldest = model(again).history().getLast();
            assertTrue(oldest.bytesDropped());
            assertTrue(oldest.dropped().orElseThrow().contains("the history had dropped it to stay within its"
                    + " budgets"), oldest.dropped().orElseThrow());
            assertEquals("200", oldest.statusText(), "the status line was saved with the headers");
        }
    }

    @Test
    void aWorkspaceEntryThatCannotBeReadIsSkippedAndAnOversizedBodyIsNotTaken() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(1000)) {
            AppPreferences preferences = InMemoryPreferences.fresh();
            HttpViewModel model = model(preferences);
            send(model, server.port(), "GET / HTTP/1.1\nHost: 127.0.0.1\n\n");
            send(model, server.port(), "GET /big HTTP/1.1\nHost: 127.0.0.1\n\n");
            model.savePreferences();

            AppPreferences copy = WorkspaceCopy.reopened(preferences);
            Preferences history = copy.node().node(HistoryArchive.NODE);
            history.node("000").put(HistoryArchive.SENT_AT, "yesterday");
            history.node("001").remove(HistoryArchive.BODY);
            history.node("001").put(HistoryArchive.BODY, "x".repeat(HistoryArchive.BODY_LIMIT + 1));
            HttpViewModel reopened = model(copy);
            assertEquals(1, reopened.history().size(), "the entry with a broken time is skipped, not fatal");
            HistoryEntry oversized = reopened.history().getFirst();
            assertEquals(1, oversized.number());
            assertTrue(oversized.bytesDropped(), "a body over 64 KiB in the file is not taken");
            assertTrue(oversized.dropped().orElseThrow().startsWith("Response body not saved ("));
        }
    }

    @Test
    void storedPreferencesGetTheSettingsButNeverTheHistoryOrATooLongRequest() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(1000)) {
            AppPreferences stored = new AppPreferences(MemoryPreferences.withStoredLimits());
            HttpViewModel model = model(stored);
            send(model, server.port(), "GET / HTTP/1.1\nHost: 127.0.0.1\n\n");
            model.requestTextProperty().set("POST / HTTP/1.1\n\n" + "b".repeat(Preferences.MAX_VALUE_LENGTH));
            model.savePreferences();
            assertFalse(stored.node().nodeExists(HistoryArchive.NODE), "the history is the workspace's to keep");
            assertEquals("GET / HTTP/1.1\nHost: 127.0.0.1\n\n", stored.get(RequestForm.PREF_REQUEST, null),
                    "the last request that fits stays");
            assertEquals(Integer.toString(server.port()), stored.get(RequestForm.PREF_PORT, null));
        }
    }

    private static void send(HttpViewModel model, int port, String request) {
        int before = model.history().size();
        model.port().textProperty().set(Integer.toString(port));
        model.requestTextProperty().set(request);
        model.send();
        assertEquals(before + 1, model.history().size());
    }

    /** A loopback port nobody listens on any more: the connect is refused. */
    private static int refusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] all(ByteSource source) {
        return source.readAt(0, (int) source.length());
    }
}
