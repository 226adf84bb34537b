package com.socketworkbench.app;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.ui.capture.CaptureFileChooser;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.traffic.SearchMode;
import com.socketworkbench.ui.websocket.FrameRow;
import com.socketworkbench.ui.websocket.SendKind;
import com.socketworkbench.ui.websocket.WebSocketModel;
import com.socketworkbench.ui.websocket.WebSocketTab;

import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The WebSocket tab's timeline filter, Export and File… in the real window against Netty's echo server on loopback,
 * and the note a typed Host gets. The save and open dialogs are answered through the tab's chooser seams.
 */
@Timeout(120)
class WebSocketToolsTest {
    private final AppDriver driver = new AppDriver(InMemoryPreferences.fresh());
    private WebSocketTab tab;
    @TempDir
    Path folder;

    @AfterEach
    void close() throws Exception {
        if (tab != null) {
            fxRun(() -> tab.model().stop());
        }
        driver.close();
    }

    @SuppressWarnings("unchecked")
    private List<FrameRow> shownRows() {
        return fx(() -> new ArrayList<>(((TableView<FrameRow>) driver.node("#wsTimeline")).getItems()));
    }

    @Test
    void filterExportAndSendAFile() throws Exception {
        driver.launch();
        tab = driver.openNewTab("websocket", WebSocketTab.class);
        try (NettyWsServer server = NettyWsServer.plain()) {
            driver.setText("#wsHeaders", "Host: tenant.example");
            assertTrue(driver.text("#wsHeadersNote").startsWith("Host: tenant.example replaces the automatic Host"),
                    driver.text("#wsHeadersNote"));
            assertTrue(fx(() -> driver.node("#wsHeadersNote").isVisible()));
            driver.setText("#wsHeaders", "");
            driver.waitUntil(() -> !driver.node("#wsHeadersNote").isVisible());

            driver.setText("#wsUrl", server.url(false));
            driver.click("#wsConnect");
            driver.waitUntil(() -> tab.model().phase() == WebSocketModel.Phase.OPEN);
            for (String text : List.of("hello", "goodbye")) {
                driver.setText("#wsPayload", text);
                driver.click("#wsSend");
            }
            driver.waitUntil(() -> tab.model().rows().stream().filter(r -> r.direction() == Direction.IN).count()
                    == 2);
            int all = fx(() -> tab.model().rows().size());

            assertFalse(fx(() -> driver.node("#wsFilterCount").isVisible()), "no count while nothing is hidden");
            driver.setText("#wsFilter", "HELLO");
            assertEquals(List.of("hello", "hello"), shownRows().stream().map(FrameRow::text).toList());
            assertEquals("2 of " + all + " frames", driver.text("#wsFilterCount"));
            assertTrue(fx(() -> driver.node("#wsFilterCount").isVisible()));
            fxRun(() -> driver.<ComboBox<SearchMode>>node("#wsFilterMode").setValue(SearchMode.REGEX));
            driver.setText("#wsFilter", "good(");
            assertTrue(driver.text("#wsFilterError").startsWith("Not a valid regular expression"),
                    driver.text("#wsFilterError"));
            assertTrue(fx(() -> driver.node("#wsFilterError").isVisible()));
            assertEquals(all, shownRows().size(), "a pattern that does not read hides nothing");
            driver.setText("#wsFilter", "good(bye)?");
            driver.waitUntil(() -> !driver.node("#wsFilterError").isVisible());
            fxRun(() -> driver.<ComboBox<Object>>node("#wsFilterDirection").getSelectionModel().select(2));
            assertEquals(List.of(Direction.IN), shownRows().stream().map(FrameRow::direction).toList());

            Path exported = folder.resolve("shown.json");
            fxRun(() -> tab.webSocketView().setExportChooser(answering(exported)));
            fxRun(() -> driver.<MenuButton>node("#wsExport").getItems().stream()
                    .filter(item -> "wsExportJsonShown".equals(item.getId())).findFirst().orElseThrow().fire());
            driver.waitUntil(() -> Files.exists(exported));
            JsonNode rows = new ObjectMapper().readTree(exported.toFile());
            assertEquals(1, rows.size());
            assertEquals("goodbye", rows.get(0).get("payload").asText());
            assertEquals("in", rows.get(0).get("direction").asText());
            // The next export offers the folder of the last one, also in the next session (the workspace keeps it).
            List<Path> offered = new ArrayList<>();
            Path again = folder.resolve("all.csv");
            fxRun(() -> tab.webSocketView().setExportChooser(answering(again, offered)));
            fxRun(() -> driver.<MenuButton>node("#wsExport").getItems().stream()
                    .filter(item -> "wsExportCsvAll".equals(item.getId())).findFirst().orElseThrow().fire());
            driver.waitUntil(() -> Files.exists(again));
            assertEquals(List.of(folder.toAbsolutePath()), offered);
            fxRun(() -> tab.model().savePreferences());
            assertEquals(folder.toAbsolutePath().toString(), driver.tabSettings("websocket").get("exportFolder", ""));
            driver.setText("#wsFilter", "");
            fxRun(() -> driver.<ComboBox<Object>>node("#wsFilterDirection").getSelectionModel().select(0));
            assertEquals(all, shownRows().size());

            byte[] data = new byte[5000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 7);
            }
            Path file = Files.write(folder.resolve("payload.bin"), data);
            assertFalse(fx(() -> driver.node("#wsSendFile").isVisible()), "File… sends binary: shown for Binary");
            fxRun(() -> driver.<ComboBox<SendKind>>node("#wsOpcode").setValue(SendKind.BINARY_MESSAGE));
            fxRun(() -> tab.webSocketView().setSendFileChooser(owner -> Optional.of(file)));
            driver.click("#wsSendFile");
            driver.waitUntil(() -> tab.model().rows().stream().anyMatch(r -> r.direction() == Direction.IN
                    && r.opcode() == Opcode.BINARY && r.payloadLength() == data.length));
            assertEquals("Sent payload.bin (4.9 KiB) as one binary message in 1 frame(s)",
                    driver.text("#wsSendFileStatus"));
            assertTrue(fx(() -> driver.node("#wsSendFileStatus").isVisible()));
            assertEquals("goodbye", driver.text("#wsPayload"), "the file never goes into the payload box");
        }
    }

    private static CaptureFileChooser answering(Path file) {
        return answering(file, new ArrayList<>());
    }

    /** Answers {@code file}; {@code offered} gets the folder each save dialog opened in. */
    private static CaptureFileChooser answering(Path file, List<Path> offered) {
        return new CaptureFileChooser() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, Path folder, String name, String fileType,
                                           String extension) {
                offered.add(folder);
                return Optional.of(file);
            }

            @Override
            public Optional<Path> folder(Window owner, String title, Path folder) {
                return Optional.empty();
            }
        };
    }
}
