package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.CaptureFileContents;
import com.socketworkbench.engine.capture.CaptureTransport;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.traffic.TabTraffic;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capture model without a toolkit: the test thread plays the FX thread ({@link CurrentThreadUiExecutor}) and
 * drains the pump itself; events reach the tab's engine sink from a virtual thread, as from the engine's.
 */
@Timeout(60)
class TabCaptureTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40001);

    @TempDir
    Path dir;

    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final Subscriptions subscriptions = new Subscriptions();
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private final TabTraffic traffic = new TabTraffic();
    private final TabCapture capture = new TabCapture(traffic, CaptureTransport.UDP, "udp", "UDP tab", preferences,
            executor, subscriptions);

    @AfterEach
    void dispose() {
        subscriptions.dispose();
        traffic.dispose();
    }

    @Test
    void aRecordingHoldsEveryEventEvenThoseTheTimelineTrimmed() throws Exception {
        int count = TimelineModel.DEFAULT_CAP + 10_000;
        Path file = dir.resolve("flood.pcapng");
        capture.recordSettings().file().textProperty().set(file.toString());
        capture.startRecording();
        assertEquals(RecordState.ON, capture.state());

        Thread engine = Thread.ofVirtual().name("test-engine").start(() -> {
            for (int i = 0; i < count; i++) {
                traffic.engineSink().emit(datagram(i));
            }
        });
        engine.join();
        while (traffic.pump().pumpOnce() > 0) {
            traffic.timeline().show();
        }
        traffic.timeline().show();
        assertTrue(traffic.timeline().trimmed() >= 10_000, "the timeline trimmed " + traffic.timeline().trimmed());
        executor.tickFrames();
        assertTrue(capture.recordStatusProperty().get().startsWith("Recording to flood.pcapng · "),
                capture.recordStatusProperty().get());

        capture.stopRecording();
        assertEquals(RecordState.OFF, capture.state());
        assertEquals("", capture.recordStatusProperty().get());
        CaptureMessage said = capture.messageProperty().get();
        assertFalse(said.error(), said.text());
        assertTrue(said.text().startsWith("Recording stopped. Recorded " + String.format("%,d", count)
                + " events in flood.pcapng ("), said.text());

        List<CaptureFileContents.Datagram> datagrams = CaptureFileContents.datagrams(List.of(file));
        assertEquals(count, datagrams.size(), "every datagram in the file");
        for (int i = 0; i < count; i++) {
            assertArrayEquals(payload(i), datagrams.get(i).payload(), "datagram " + i + ", in engine order");
            assertEquals(PEER, datagrams.get(i).source());
        }
    }

    @Test
    void eventsAfterTheRecordingStoppedGoOnlyToTheTimeline() throws Exception {
        Path file = dir.resolve("short.pcapng");
        capture.recordSettings().file().textProperty().set(file.toString());
        capture.startRecording();
        emitFromEngine(datagram(1));
        capture.stopRecording();
        emitFromEngine(datagram(2));
        // A platform thread (the FX thread in the app) never waits for the writer; nothing goes to it after stop.
        traffic.engineSink().emit(datagram(3));
        assertEquals(1, CaptureFileContents.datagrams(List.of(file)).size());
        assertEquals(3, traffic.pump().pumpOnce());
    }

    @Test
    void aFileThatCannotBeCreatedIsAMessageAndTheRecordingStaysOff() {
        Path file = dir.resolve("missing-folder").resolve("x.pcapng");
        capture.recordSettings().file().textProperty().set(file.toString());
        capture.startRecording();
        assertEquals(RecordState.OFF, capture.state());
        CaptureMessage said = capture.messageProperty().get();
        assertTrue(said.error());
        assertTrue(said.text().startsWith("Recording could not start: Cannot write " + file), said.text());
        assertTrue(said.text().contains("does not exist"), said.text());
        traffic.pump().pumpOnce();
        Failure failure = (Failure) traffic.timeline().rows().getLast().event();
        assertEquals(Operation.START, failure.operation(), "the recorder's Failure row is in the timeline too");
    }

    @Test
    void exportingAllRowsSaysHowManyEarlierEventsWereTrimmed() throws IOException {
        int count = TimelineModel.DEFAULT_CAP + 25;
        for (int i = 0; i < count; i++) {
            traffic.pump().emit(datagram(i));
        }
        while (traffic.pump().pumpOnce() > 0) {
            traffic.timeline().show();
        }
        assertEquals(25, traffic.timeline().trimmed());

        Path csv = dir.resolve("all.csv");
        capture.export(ExportFormat.CSV, ExportScope.ALL, traffic.timeline().rows(), csv, StandardCharsets.UTF_8);
        CaptureMessage said = capture.messageProperty().get();
        assertFalse(said.error(), said.text());
        assertEquals("Exported 50,000 events to " + csv + " (CSV); 25 earlier events were trimmed from the timeline"
                + " and are not in it", said.text());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + TimelineModel.DEFAULT_CAP, lines.size());
        assertTrue(lines.get(1).contains(",00 00 00 19 "), "the first row kept is event 25: " + lines.get(1));
        assertEquals(dir.toAbsolutePath(), capture.exportFolder(), "the export's folder is remembered");
    }

    @Test
    void exportingSelectedRowsTakesThemInTimelineOrderAndSaysWhatTheExporterLeftOut() throws IOException {
        traffic.pump().emit(datagram(1));
        traffic.pump().emit(Failure.rejected(0, Operation.SEND, "refused"));
        traffic.pump().emit(datagram(2));
        traffic.pump().pumpOnce();
        traffic.timeline().show();
        List<TimelineRow> rows = traffic.timeline().rows();
        List<TimelineRow> selected = List.of(rows.get(2), rows.get(1), rows.get(0));

        Path folder = dir.resolve("raw");
        capture.export(ExportFormat.RAW_BYTES, ExportScope.SELECTED, selected, folder, StandardCharsets.UTF_8);
        CaptureMessage said = capture.messageProperty().get();
        assertEquals("Exported 2 events to 1 file in " + folder + " (raw bytes); 1 left out: 1 rows without payload"
                + " bytes", said.text());
        try (var files = Files.list(folder)) {
            Path only = files.findFirst().orElseThrow();
            byte[] expected = ByteBuffer.allocate(2 * payload(0).length).put(payload(1)).put(payload(2)).array();
            assertArrayEquals(expected, Files.readAllBytes(only), "both datagrams, in timeline order");
        }

        Path pcapng = dir.resolve("selected.pcapng");
        capture.export(ExportFormat.PCAPNG, ExportScope.SELECTED, selected, pcapng, StandardCharsets.UTF_8);
        assertEquals("Exported 2 events to " + pcapng + " (pcapng); 1 left out: 1 listener, notice and failure rows"
                + " (not packets)", capture.messageProperty().get().text());
        assertEquals(2, CaptureFileContents.datagrams(List.of(pcapng)).size());
    }

    @Test
    void anExportThatCannotWriteSaysWhy() {
        traffic.pump().emit(datagram(1));
        traffic.pump().pumpOnce();
        traffic.timeline().show();
        Path target = dir.resolve("no-such-folder").resolve("x.txt");
        capture.export(ExportFormat.TRANSCRIPT, ExportScope.ALL, traffic.timeline().rows(), target,
                StandardCharsets.UTF_8);
        CaptureMessage said = capture.messageProperty().get();
        assertTrue(said.error());
        assertTrue(said.text().startsWith("The Text transcript export failed: Cannot write " + target), said.text());
        assertFalse(capture.exportingProperty().get());
    }

    @Test
    void recordSettingsAreCheckedAndRemembered() {
        RecordSettings settings = capture.recordSettings();
        assertEquals("100 MiB", settings.maxFileSize().text());
        settings.file().textProperty().set("");
        assertFalse(settings.validProperty().get());
        assertEquals("Type or choose the file to record to", settings.file().verdict().message());
        settings.file().textProperty().set(dir.resolve("x.pcapng").toString());
        settings.maxFileSize().textProperty().set("1 KiB");
        assertFalse(settings.validProperty().get());
        assertEquals("At least 4 KiB", settings.maxFileSize().verdict().message());
        settings.maxFileSize().textProperty().set("50 MiB");
        settings.keepFilesProperty().set(3);
        assertTrue(settings.validProperty().get());

        capture.offerRecordFile();
        String offered = settings.file().text();
        assertTrue(offered.matches(".*udp-\\d{8}-\\d{6}\\.pcapng"), offered);

        RecordSettings again = new RecordSettings(preferences, "udp", new Subscriptions());
        assertEquals("50 MiB", again.maxFileSize().text());
        assertEquals(3, again.keepFilesProperty().get());
        assertEquals("50 MiB", preferences.child("capture").get("recordMaxFileSize", null));
    }

    @Test
    void disposingTheTabStopsTheRecordingAndClosesTheFile() throws Exception {
        Path file = dir.resolve("disposed.pcapng");
        capture.recordSettings().file().textProperty().set(file.toString());
        capture.startRecording();
        emitFromEngine(datagram(7));
        var recorder = capture.recorder();
        assertNotNull(recorder);
        subscriptions.dispose();
        var summary = recorder.completion().get();
        assertEquals(1, summary.eventsRecorded());
        assertFalse(recorder.isRecording());
        assertEquals(1, CaptureFileContents.datagrams(List.of(file)).size());
    }

    private void emitFromEngine(NetEvent event) throws InterruptedException {
        Thread.ofVirtual().start(() -> traffic.engineSink().emit(event)).join();
    }

    private static BytesReceived datagram(int n) {
        return new BytesReceived(Instant.now(), 1, LOCAL, PEER, payload(n));
    }

    private static byte[] payload(int n) {
        return ByteBuffer.allocate(16).putInt(n).put("datagram....".getBytes(StandardCharsets.US_ASCII)).array();
    }

}
