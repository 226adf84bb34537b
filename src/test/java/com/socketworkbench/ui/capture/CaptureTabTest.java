package com.socketworkbench.ui.capture;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.capture.CaptureFileContents;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.tcpclient.TcpClientTab;
import com.socketworkbench.ui.tcpclient.TcpClientViewModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export and record driven through the real app's TCP Client tab against a plain JDK server on loopback; the file
 * dialogs are replaced by answers the test gives, and every file is read back (pcapng with the tests' own reader).
 */
@Timeout(120)
class CaptureTabTest {
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final AppDriver driver = new AppDriver();
    private final Deque<Path> answers = new ArrayDeque<>();
    private TcpClientViewModel model;
    private CaptureControls controls;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        driver.selectTab("tcpClient");
        TcpClientTab tab = fx(() -> driver.app().tabs().stream().filter(TcpClientTab.class::isInstance)
                .map(TcpClientTab.class::cast).findFirst().orElseThrow());
        model = tab.model();
        controls = fx(() -> tab.clientView().captureControls());
        fxRun(() -> controls.setFileChooser(new CaptureFileChooser() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, Path folder, String name, String fileType,
                                           String extension) {
                return Optional.ofNullable(answers.poll());
            }

            @Override
            public Optional<Path> folder(Window owner, String title, Path folder) {
                return Optional.ofNullable(answers.poll());
            }
        }));
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void exportsAllOrSelectedRowsInEveryFormat() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            connect(server);
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesReceived);
                driver.setText("#tcpClient #input", "ping");
                driver.click("#tcpClient #send");
                assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(4));
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesSent);
                int rows = fx(() -> model.traffic().timeline().rows().size());

                assertTrue(fx(() -> item("exportCsvSelected").isDisable()), "nothing selected, nothing to export");
                Path pcapng = dir.resolve("all.pcapng");
                exportWith("exportPcapngAll", pcapng);
                assertEquals("Exported " + rows + " events to " + pcapng + " (pcapng)",
                        notification());
                List<CaptureFileContents.TcpConnection> connections =
                        CaptureFileContents.tcpConnections(List.of(pcapng));
                assertEquals(1, connections.size());
                assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), connections.getFirst().clientBytes());
                assertArrayEquals("hello\n".getBytes(StandardCharsets.US_ASCII), connections.getFirst().serverBytes());

                Path transcript = dir.resolve("all.txt");
                exportWith("exportTranscriptAll", transcript);
                String text = Files.readString(transcript);
                assertTrue(text.contains("received 6 bytes from 127.0.0.1:" + server.getLocalPort() + ": hello\\n"),
                        text);
                assertTrue(text.contains(": ping"), text);

                Path raw = dir.resolve("raw");
                exportWith("exportRawAll", raw);
                try (var files = Files.list(raw)) {
                    assertEquals(2, files.count(), "one file per direction");
                }

                fxRun(() -> {
                    TableView<TimelineRow> table = driver.node("#tcpClient #timeline");
                    for (int i = 0; i < table.getItems().size(); i++) {
                        if (table.getItems().get(i).event() instanceof BytesReceived
                                || table.getItems().get(i).event() instanceof BytesSent) {
                            table.getSelectionModel().select(i);
                        }
                    }
                });
                assertFalse(fx(() -> item("exportCsvSelected").isDisable()));
                Path csv = dir.resolve("selected.csv");
                exportWith("exportCsvSelected", csv);
                List<String> lines = Files.readAllLines(csv);
                assertEquals(3, lines.size(), "the header and the two selected rows: " + lines);
                assertTrue(lines.get(1).contains(",received,in,") && lines.get(2).contains(",sent,out,"), lines.toString());
                assertEquals("Exported 2 events to " + csv + " (CSV)", notification());

                Path nowhere = dir.resolve("missing").resolve("x.csv");
                exportWith("exportCsvAll", nowhere);
                String error = notification();
                assertTrue(error.startsWith("The CSV export failed: Cannot write " + nowhere), error);
                assertTrue(fx(() -> driver.node("#tcpClient #notifications").getStyleClass()
                        .contains("notification-error")));
            }
        }
    }

    @Test
    void recordsAFloodPastTheTimelineCapWholeAndSaysSoWhenTurnedOff() throws Exception {
        fxRun(() -> {
            model.stream().framing().modeProperty().set(FramingMode.DELIMITER);
            model.stream().framing().delimiterProperty().set("LF");
            model.stream().framing().keepDelimiterProperty().set(true);
        });
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            connect(server);
            try (Socket peer = server.accept()) {
                driver.click("#tcpClient #record");
                assertTrue(fx(() -> driver.node("#tcpClient #recordOptions").isVisible()));
                assertTrue(driver.text("#tcpClient #recordFile").matches(".*tcp-client-\\d{8}-\\d{6}\\.pcapng"));
                driver.setText("#tcpClient #recordMaxFileSize", "lots");
                assertTrue(driver.disabled("#tcpClient #recordStart"), "no start with a size that is none");
                assertTrue(driver.text("#tcpClient #recordMaxFileSizeMessage").contains("is not a size"));
                driver.setText("#tcpClient #recordMaxFileSize", "256 KiB");
                Path file = dir.resolve("flood.pcapng");
                driver.setText("#tcpClient #recordFile", file.toString());
                driver.click("#tcpClient #recordStart");
                driver.waitUntil(() -> model.capture().state() == RecordState.ON);
                assertTrue(fx(() -> driver.<ToggleButton>node("#tcpClient #record").isSelected()));
                assertFalse(fx(() -> driver.node("#tcpClient #recordOptions").isVisible()));

                int lines = 60_000;
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                OutputStream out = new BufferedOutputStream(peer.getOutputStream(), 64 * 1024);
                for (int i = 0; i < lines; i++) {
                    byte[] line = String.format("line %05d\n", i).getBytes(StandardCharsets.US_ASCII);
                    out.write(line);
                    sent.write(line);
                }
                out.flush();
                EventPump pump = model.traffic().pump();
                await().atMost(LONG).until(() -> fx(() -> pump.counters().messagesIn() == lines && pump.isIdle()));
                driver.waitUntil(() -> model.traffic().timeline().trimmed() > 0);
                driver.waitUntil(() -> driver.text("#tcpClient #recordStatus").startsWith("Recording to "
                        + "flood-") || driver.text("#tcpClient #recordStatus").startsWith("Recording to flood"));

                driver.click("#tcpClient #record");
                await().atMost(LONG).until(() -> fx(() -> model.capture().state() == RecordState.OFF));
                assertFalse(fx(() -> driver.<ToggleButton>node("#tcpClient #record").isSelected()));
                driver.waitUntil(() -> notification().startsWith("Recording stopped."));
                String summary = notification();
                assertTrue(summary.startsWith("Recording stopped. Recorded "), summary);
                assertTrue(summary.endsWith(" (folder " + dir + ")"), summary);

                List<Path> files;
                try (var listing = Files.list(dir)) {
                    files = listing.filter(f -> f.getFileName().toString().startsWith("flood"))
                            .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
                }
                assertTrue(files.size() > 1, "256 KiB files rotated: " + files);
                List<CaptureFileContents.TcpConnection> connections = CaptureFileContents.tcpConnections(files);
                assertEquals(1, connections.size());
                // The recording began after the connection opened, so its handshake is synthesized and which side
                // was the client is the engine's guess: take the direction from the peer's port.
                CaptureFileContents.TcpConnection connection = connections.getFirst();
                byte[] fromPeer = connection.server().getPort() == server.getLocalPort()
                        ? connection.serverBytes() : connection.clientBytes();
                assertArrayEquals(sent.toByteArray(), fromPeer,
                        "every line the peer sent, in order, though the timeline trimmed "
                                + fx(() -> model.traffic().timeline().trimmed()) + " rows");
            }
        }
    }

    @Test
    void aRecordingThatCannotStartSaysWhyAndStaysOff() throws Exception {
        driver.click("#tcpClient #record");
        Path nowhere = dir.resolve("missing").resolve("x.pcapng");
        driver.setText("#tcpClient #recordFile", nowhere.toString());
        driver.click("#tcpClient #recordStart");
        driver.waitUntil(() -> notification()
                .startsWith("Recording could not start: Cannot write " + nowhere));
        assertEquals(RecordState.OFF, fx(() -> model.capture().state()));
        assertFalse(fx(() -> driver.<ToggleButton>node("#tcpClient #record").isSelected()));
        driver.setText("#tcpClient #recordFile", "");
        assertTrue(driver.disabled("#tcpClient #recordStart"));
        assertEquals("Type or choose the file to record to", driver.text("#tcpClient #recordFileMessage"));
    }

    private String notification() {
        return fx(() -> driver.<NotificationPane>node("#tcpClient #notifications").getText());
    }

    private void connect(ServerSocket server) {
        driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
        driver.click("#tcpClient #connect");
    }

    private MenuItem item(String id) {
        return controls.exportMenu().getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow();
    }

    /** Fires an export item with the chooser answering {@code target}, and waits for the outcome's notification. */
    private void exportWith(String itemId, Path target) {
        answers.add(target);
        long before = fx(() -> model.capture().messageProperty().get() == null ? 0
                : model.capture().messageProperty().get().serial());
        fxRun(() -> item(itemId).fire());
        driver.waitUntil(() -> model.capture().messageProperty().get() != null
                && model.capture().messageProperty().get().serial() > before);
        // The notification bar takes the new text once it has slid in again.
        String said = fx(() -> model.capture().messageProperty().get().text());
        driver.waitUntil(() -> said.equals(notification()));
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        int dash = name.lastIndexOf('-');
        return dash < 0 ? 0 : Integer.parseInt(name.substring(dash + 1, name.indexOf('.')));
    }
}
