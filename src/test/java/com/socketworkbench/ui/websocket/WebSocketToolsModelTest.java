package com.socketworkbench.ui.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.FrameEncoder;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.WsEvent;
import com.socketworkbench.engine.websocket.WsVerdict;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.traffic.SearchMode;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The WebSocket tab's timeline filter, export and File… without a toolkit: the filter is the other tabs' pattern
 * over the bounded rows, the export writes what the rows hold, and a file goes as one binary message within the
 * message limit.
 */
class WebSocketToolsModelTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private final WebSocketModels models = new WebSocketModels();
    private final CurrentThreadUiExecutor executor = models.executor;
    @TempDir
    Path folder;

    @AfterEach
    void tearDown() {
        models.close();
    }

    /** A sent text "hello world", a received binary de ad be ef, a received close 1000 "bye". */
    private WebSocketModel withThreeFrames() {
        WebSocketModel model = models.create(InMemoryPreferences.fresh());
        List<WsEvent> batch = new ArrayList<>();
        batch.add(new WsEvent.Frame(T0, Direction.OUT, FrameEncoder.encode(true, Opcode.TEXT,
                "hello world".getBytes(StandardCharsets.UTF_8), 0x01020304), List.of()));
        batch.add(new WsEvent.Frame(T0, Direction.IN, FrameEncoder.encode(true, Opcode.BINARY,
                new byte[]{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, null),
                List.of(new WsVerdict(false, 0, "length.nonMinimal", "A longer length than needed"))));
        batch.add(new WsEvent.Frame(T0, Direction.IN, FrameEncoder.encode(true, Opcode.CLOSE,
                FrameEncoder.closePayload(1000, "bye"), null), List.of()));
        model.apply(batch);
        return model;
    }

    @Test
    void theFilterNarrowsTheRowsByTextRegexHexAndDirectionAndCounts() {
        WebSocketModel model = withThreeFrames();
        WsFrameFilter filter = model.filter();
        assertEquals(3, filter.shown().size());
        assertFalse(filter.active().get());

        filter.text().set("HELLO");
        assertEquals(List.of("hello world"), filter.shown().stream().map(FrameRow::text).toList());
        assertEquals("1 of 3 frames", filter.count().get());
        assertTrue(filter.active().get());

        filter.text().set("close");
        assertEquals(1, filter.shown().size(), "the opcode's name matches");
        filter.text().set("longer length");
        assertEquals(Opcode.BINARY, filter.shown().getFirst().opcode(), "a verdict's words match");

        filter.mode().set(SearchMode.HEX);
        filter.text().set("ad ?? ef");
        assertEquals(Opcode.BINARY, filter.shown().getFirst().opcode());
        assertEquals(1, filter.shown().size());

        filter.mode().set(SearchMode.REGEX);
        filter.text().set("b(y");
        assertTrue(filter.error().get().startsWith("Not a valid regular expression"), filter.error().get());
        assertEquals(3, filter.shown().size(), "every row stays while the pattern does not read");
        filter.text().set("^10{3} \"b.e\"$");
        assertEquals("", filter.error().get());
        assertEquals(List.of(Opcode.CLOSE), filter.shown().stream().map(FrameRow::opcode).toList());

        filter.text().set("");
        filter.way().set(WsFrameFilter.Way.SENT);
        assertEquals(List.of(Direction.OUT), filter.shown().stream().map(FrameRow::direction).toList());
        filter.way().set(WsFrameFilter.Way.RECEIVED);
        assertEquals(2, filter.shown().size());
        assertEquals("2 of 3 frames", filter.count().get());

        // Rows that come later are checked as they arrive, and the list stays the model's bounded one.
        model.apply(List.of(new WsEvent.Frame(T0, Direction.OUT, FrameEncoder.encode(true, Opcode.TEXT,
                "late".getBytes(StandardCharsets.UTF_8), 7), List.of())));
        assertEquals(2, filter.shown().size());
        filter.way().set(WsFrameFilter.Way.ALL);
        assertEquals(4, filter.shown().size());
        model.clear();
        assertEquals(0, filter.shown().size());
    }

    @Test
    void theExportWritesEveryFieldAsCsvAndJson() throws Exception {
        WebSocketModel model = withThreeFrames();
        List<String> outcomes = new ArrayList<>();
        Path json = folder.resolve("frames.json");
        model.export(WsFrameExport.Format.JSON, false, json, outcomes::add, outcomes::add);
        assertEquals(List.of("Exported 3 rows to " + json), outcomes);

        JsonNode rows = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, rows.size());
        JsonNode text = rows.get(0);
        assertEquals("2026-01-02T03:04:05.678Z", text.get("time").asText());
        assertEquals("out", text.get("direction").asText());
        assertEquals("text", text.get("opcodeName").asText());
        assertTrue(text.get("fin").asBoolean());
        assertTrue(text.get("masked").asBoolean());
        assertEquals(11, text.get("length").asInt());
        assertEquals("text", text.get("payloadEncoding").asText());
        assertEquals("hello world", text.get("payload").asText());
        JsonNode binary = rows.get(1);
        assertEquals("hex", binary.get("payloadEncoding").asText());
        assertEquals("de ad be ef", binary.get("payload").asText());
        assertEquals("length.nonMinimal", binary.get("verdicts").get(0).get("code").asText());
        JsonNode close = rows.get(2);
        assertEquals(1000, close.get("closeCode").asInt());
        assertEquals("bye", close.get("closeReason").asText());

        model.filter().text().set("hello");
        Path csv = folder.resolve("frames.csv");
        model.export(WsFrameExport.Format.CSV, true, csv, outcomes::add, outcomes::add);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(WsFrameExport.CSV_HEADER, lines.get(0));
        assertEquals(2, lines.size(), "only the row the filter shows");
        assertEquals("1,2026-01-02T03:04:05.678Z,out,frame,1,text,1,0,1,11,11,text,hello world,,,,", lines.get(1));

        model.filter().text().set("");
        model.export(WsFrameExport.Format.CSV, false, csv, outcomes::add, outcomes::add);
        List<String> all = Files.readAllLines(csv);
        assertEquals(4, all.size());
        assertTrue(all.get(2).endsWith(",hex,de ad be ef,,,,length.nonMinimal: A longer length than needed"),
                all.get(2));
        assertTrue(all.get(3).contains(",1000,bye,"), all.get(3));

        Path nowhere = folder.resolve("missing").resolve("frames.csv");
        model.export(WsFrameExport.Format.CSV, false, nowhere, outcomes::add, outcomes::add);
        assertTrue(outcomes.getLast().startsWith("Export failed: "), outcomes.getLast());
    }

    @Test
    void aFileGoesAsOneBinaryMessageInFragmentsWithinTheMessageLimit() throws Exception {
        try (NettyWsServer server = NettyWsServer.plain()) {
            WebSocketModel model = models.create(InMemoryPreferences.fresh());
            model.urlProperty().set(server.url(false));
            model.sendFile(folder.resolve("none.bin"));
            assertEquals("Not connected: connect first", model.sendErrorProperty().get());
            model.connect();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                executor.tickFrames();
                return model.phase() == WebSocketModel.Phase.OPEN;
            });

            byte[] data = new byte[200_000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) i;
            }
            Path file = Files.write(folder.resolve("blob.bin"), data);
            model.fragmentProperty().set("65536");
            model.sendFile(file);
            assertEquals("", model.sendErrorProperty().get());
            assertEquals("Sent blob.bin (195.3 KiB) as one binary message in 4 frame(s)",
                    model.fileSend().status().get());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.received().size() >= 4);
            assertEquals(List.of("binary fin=false 65536", "continuation fin=false", "continuation fin=false",
                    "continuation fin=true"), server.received().stream().map(String::valueOf)
                    .map(s -> s.startsWith("continuation") ? s.substring(0, s.indexOf(' ', 13)) : s).toList());

            model.maxMessageInput().textProperty().set("64 KiB");
            model.sendFile(file);
            assertEquals("blob.bin is 195.3 KiB, more than the message limit (64 KiB): raise the message limit to"
                    + " send it", model.sendErrorProperty().get());
            model.sendFile(folder.resolve("gone.bin"));
            assertEquals("Cannot read " + folder.resolve("gone.bin") + ": no such file",
                    model.sendErrorProperty().get());
            model.sendFile(folder);
            assertEquals(folder + " is not a file", model.sendErrorProperty().get());
        }
    }

    @Test
    void aTypedHostOrVersionIsAcceptedWithANoteThatItReplacesTheDefault() {
        WebSocketModel model = models.create(InMemoryPreferences.fresh());
        model.urlProperty().set("ws://127.0.0.1:9000/chat");
        model.headersProperty().set("Host: tenant.example\nSec-WebSocket-Version: 8");
        assertEquals("", model.headersErrorProperty().get());
        assertEquals("Host: tenant.example replaces the automatic Host (127.0.0.1:9000): the connection still goes"
                + " to the URL's address\nSec-WebSocket-Version: 8 replaces 13: a server that speaks only 13 answers"
                + " 426 Upgrade Required", model.headersNoteProperty().get());
        model.headersProperty().set("Connection: close");
        assertEquals("", model.headersNoteProperty().get());
        assertTrue(model.headersErrorProperty().get().contains("would break the upgrade"));
    }

    @Test
    void aLargeTimelineIsFilteredOffTheFxThreadAndANewerPatternWins() throws Exception {
        List<Runnable> pending = new ArrayList<>();
        UiExecutor deferred = new UiExecutor() {
            @Override
            public <T> void run(String threadName, java.util.concurrent.Callable<T> work,
                                java.util.function.Consumer<? super T> onSuccess,
                                java.util.function.Consumer<? super Throwable> onFailure) {
                pending.add(() -> executor.run(threadName, work, onSuccess, onFailure));
            }

            @Override
            public void later(Runnable action) {
                executor.later(action);
            }

            @Override
            public <T> void onFx(java.util.concurrent.CompletableFuture<T> future,
                                 java.util.function.BiConsumer<? super T, ? super Throwable> action) {
                executor.onFx(future, action);
            }

            @Override
            public com.socketworkbench.ui.fx.FrameTicker frameTicker(Runnable action) {
                return executor.frameTicker(action);
            }
        };
        ObservableList<FrameRow> rows = FXCollections.observableArrayList();
        for (int i = 1; i <= 3; i++) {
            byte[] payload = new byte[200 * 1024];
            Arrays.fill(payload, (byte) 'x');
            if (i == 2) {
                System.arraycopy("needle".getBytes(StandardCharsets.US_ASCII), 0, payload, 1000, 6);
            }
            rows.add(FrameRow.frame(i, T0, Direction.IN, FrameEncoder.encode(true, Opcode.BINARY, payload, null),
                    List.of()));
        }
        Subscriptions subscriptions = new Subscriptions();
        WsFrameFilter filter = new WsFrameFilter(rows, deferred, subscriptions);
        try {
            filter.text().set("needl");
            filter.text().set("needle");
            assertTrue(filter.searching().get());
            assertEquals("Filtering…", filter.count().get());
            assertEquals(3, filter.shown().size(), "the rows stay as they were while the search runs");
            rows.add(FrameRow.frame(4, T0, Direction.IN, FrameEncoder.encode(true, Opcode.TEXT,
                    "a late needle".getBytes(StandardCharsets.UTF_8), null), List.of()));

            assertEquals(2, pending.size());
            pending.getFirst().run();
            assertTrue(filter.searching().get(), "the replaced search's end changes nothing");
            pending.getLast().run();
            assertFalse(filter.searching().get());
            assertEquals(List.of(2L, 4L), filter.shown().stream().map(FrameRow::number).toList(),
                    "the row found, and the row that came during the search, matched as it is shown");
            assertEquals("2 of 4 frames", filter.count().get());
        } finally {
            subscriptions.dispose();
        }
    }
}
