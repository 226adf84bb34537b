package com.socketworkbench.app;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.ui.capture.CaptureFileChooser;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.workspace.MessagesJson;
import com.socketworkbench.workspace.SavedMessage;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.controlsfx.control.NotificationPane;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screenshots of issue 12's features from the real app with loopback traffic: two renamed TCP client tabs with the
 * Tab menu open and a saved Modbus request sent from the messages panel ({@code tabs-messages.png}); a TCP server
 * tab recording to pcapng, after a pcapng export, with the Export menu open ({@code export.png}).
 */
@Tag("screenshots")
@Timeout(120)
class WorkspaceScreenshotsTest {
    private final AppDriver driver = new AppDriver();
    @TempDir
    Path dir;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        Screenshots.sizeWindow(driver.stage());
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void tabsAndMessages() throws Exception {
        List<SavedMessage> examples;
        try (InputStream in = getClass().getResourceAsStream(
                "/com/socketworkbench/resources/examples/messages/binary-protocols.json")) {
            examples = MessagesJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        fxRun(() -> {
            driver.app().messages().replaceAll(examples);
            TabStrip strip = driver.app().strip();
            WindowTab first = strip.tabs().stream().filter(tab -> tab.kind() == TabKinds.TCP_CLIENT).findFirst()
                    .orElseThrow();
            strip.rename(first, "Sensor gateway");
            WindowTab second = strip.openNew(TabKinds.TCP_CLIENT).orElseThrow();
            strip.rename(second, "PLC (Modbus)");
        });
        WaitForAsyncUtils.waitForFxEvents();
        try (ServerSocket plc = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            plc.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(plc.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = plc.accept()) {
                peer.setSoTimeout(10_000);
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                driver.click("#tcpClient #messagesToggle");
                fxRun(() -> driver.<ListView<?>>node("#tcpClient #messageList").getSelectionModel().select(0));
                driver.click("#tcpClient #sendSavedMessage");
                byte[] request = HexFormat.ofDelimiter(" ").parseHex("00 01 00 00 00 06 01 03 00 00 00 0a");
                assertArrayEquals(request, peer.getInputStream().readNBytes(request.length));
                byte[] reply = HexFormat.ofDelimiter(" ").parseHex(
                        "00 01 00 00 00 17 01 03 14 00 15 00 d7 01 2c 00 00 00 01 00 64 ff 9c 00 00 00 0a 13 88");
                peer.getOutputStream().write(reply);
                TimelineRow row = driver.waitForRow("#tcpClient #timeline",
                        candidate -> candidate.event() instanceof BytesReceived);
                driver.clickRow("#tcpClient #timeline", row);
                fxRun(() -> driver.<ListView<?>>node("#tcpClient #messageList").getSelectionModel().select(1));
                showMenu("newTab");
                Path file = Screenshots.writeWithPopups(driver.stage().getScene(), "tabs-messages.png");
                assertTrue(Files.size(file) > 10_000);
                fxRun(() -> menu("newTab").hide());
            }
        }
    }

    @Test
    void recordAndExport() throws Exception {
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").startsWith("Listening on"));
        String listening = driver.text("#tcpServer #listeningAddress");
        int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
        driver.click("#tcpServer #record");
        driver.setText("#tcpServer #recordFile", dir.resolve("tcp-server-lab.pcapng").toString());
        driver.click("#tcpServer #recordStart");
        driver.waitUntil(() -> driver.text("#tcpServer #recordStatus").startsWith("Recording"));
        try (Socket a = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket b = new Socket(InetAddress.getLoopbackAddress(), port)) {
            a.getOutputStream().write("GET /status HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            b.getOutputStream().write(HexFormat.ofDelimiter(" ").parseHex("02 00 05 68 65 6c 6c 6f 03"));
            a.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            driver.waitUntil(() -> driver.<javafx.scene.control.TableView<?>>node("#tcpServer #timeline")
                    .getItems().stream().filter(row -> ((TimelineRow) row).event() instanceof BytesReceived)
                    .count() >= 2);
            Path export = dir.resolve("tcp-server-lab-export.pcapng");
            fxRun(() -> {
                TcpServerTab tab = (TcpServerTab) driver.app().strip().selected().orElseThrow().content();
                tab.serverView().captureControls().setFileChooser(new CaptureFileChooser() {
                    @Override
                    public Optional<Path> saveFile(Window owner, String title, Path folder, String name,
                                                   String fileType, String extension) {
                        return Optional.of(export);
                    }

                    @Override
                    public Optional<Path> folder(Window owner, String title, Path folder) {
                        return Optional.of(dir);
                    }
                });
                MenuButton menu = driver.node("#tcpServer #export");
                menu.getItems().stream().filter(item -> "exportPcapngAll".equals(item.getId())).findFirst()
                        .orElseThrow().fire();
            });
            driver.waitUntil(() -> Files.exists(export) && Files.size(export) > 0);
            driver.waitUntil(() -> driver.<NotificationPane>node("#tcpServer #notifications").isShowing());
            // The notification bar slides in; a picture taken during the slide shows half a bar.
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            fxRun(() -> driver.<MenuButton>node("#tcpServer #export").show());
            WaitForAsyncUtils.waitForFxEvents();
            Path file = Screenshots.writeWithPopups(driver.stage().getScene(), "export.png");
            assertTrue(Files.size(file) > 10_000);
            fxRun(() -> driver.<MenuButton>node("#tcpServer #export").hide());
        }
    }

    private void showMenu(String id) {
        fxRun(() -> menu(id).show());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Menu menu(String id) {
        MenuBar bar = driver.node("#menuBar");
        return bar.getMenus().stream().filter(menu -> id.equals(menu.getId())).findFirst().orElseThrow();
    }

}
