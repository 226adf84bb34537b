package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real app's TCP Client tab against a java.net.ServerSocket on loopback. */
@Timeout(60)
class TcpClientTabTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        driver.selectTab("tcpClient");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void connectsReceivesSendsAndDisconnects() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            int port = server.getLocalPort();
            assertEquals("127.0.0.1", driver.text("#tcpClient #host"));
            driver.setText("#tcpClient #port", Integer.toString(port));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                String info = driver.text("#tcpClient #connectionInfo");
                assertTrue(info.matches("127\\.0\\.0\\.1:\\d+ → 127\\.0\\.0\\.1:" + port), info);
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof ConnectionOpened);

                byte[] fromServer = {0x01, 0x02, 'A', 'B', (byte) 0xfe};
                peer.getOutputStream().write(fromServer);
                TimelineRow received = driver.waitForRow("#tcpClient #timeline",
                        row -> row.event() instanceof BytesReceived r && Arrays.equals(r.data(), fromServer));
                driver.clickRow("#tcpClient #timeline", received);
                assertTrue(driver.listItems("#tcpClient #payloadHex").getFirst().contains("01 02 41 42 fe"));
                assertEquals("5 bytes", driver.text("#tcpClient #payloadSize"));

                driver.setText("#tcpClient #input", "ping\\x00");
                driver.click("#tcpClient #send");
                assertArrayEquals(new byte[]{'p', 'i', 'n', 'g', 0}, peer.getInputStream().readNBytes(5));
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesSent);
                TimelineRow sentRow = driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesSent);
                assertEquals("↑", sentRow.direction().arrow());

                // Keyboard: Ctrl+Enter sends, Alt+Up recalls the previous send.
                driver.setText("#tcpClient #input", "");
                driver.robot().clickOn("#tcpClient #input").write("kbd");
                driver.robot().press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
                assertArrayEquals("kbd".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(3));
                driver.setText("#tcpClient #input", "draft");
                driver.robot().clickOn("#tcpClient #input");
                driver.robot().press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
                assertEquals("kbd", driver.text("#tcpClient #input"));
                driver.robot().press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
                assertEquals("ping\\x00", driver.text("#tcpClient #input"));
                driver.robot().press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
                driver.robot().press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
                assertEquals("draft", driver.text("#tcpClient #input"));

                driver.click("#tcpClient #connect");
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Connect"));
                assertEquals(-1, peer.getInputStream().read(), "the server sees the connection end");
                assertEquals("Not connected", driver.text("#tcpClient #connectionInfo"));
            }
        }
    }

    @Test
    void aPeerThatClosesIsShownAsDisconnected() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            server.accept().close();
            driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof ConnectionClosed);
            driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Connect"));
            assertTrue(driver.disabled("#tcpClient #send"), "nothing to send to");
        }
    }

    @Test
    void aConnectThatHangsCanBeCancelled() throws Exception {
        // A listener that never accepts and whose backlog is full: further SYNs go unanswered, so connecting hangs.
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.util.List<Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(),
                                server.getLocalPort()), 300);
                        fillers.add(filler);
                    } catch (java.net.SocketTimeoutException full) {
                        filler.close();
                        break;
                    }
                }
                driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
                driver.click("#tcpClient #connect");
                assertEquals("Cancel", driver.text("#tcpClient #connect"));
                assertEquals("Connecting…", driver.text("#tcpClient #connectionInfo"));
                driver.click("#tcpClient #connect");
                assertEquals("Connect", driver.text("#tcpClient #connect"));
                driver.waitForRow("#tcpClient #timeline", row -> row.event()
                        instanceof com.socketworkbench.engine.event.Notice notice
                        && notice.message().contains("cancelled"));
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void aRefusedConnectionShowsAFailureRowAndANotification() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        driver.setText("#tcpClient #port", Integer.toString(port));
        driver.click("#tcpClient #connect");

        TimelineRow failure = driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof Failure);
        assertEquals(FailureKind.CONNECTION_REFUSED, ((Failure) failure.event()).kind());
        String message = EventText.preview(failure.event(), StandardCharsets.UTF_8);
        assertTrue(message.startsWith("Connection refused"), message);
        driver.waitUntil(() -> driver.<NotificationPane>node("#tcpClient #notifications").isShowing());
        assertEquals(message, fx(() -> driver.<NotificationPane>node("#tcpClient #notifications").getText()));
        driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Connect"));

        // The failure row is styled as one.
        driver.waitUntil(() -> driver.robot().lookup("#tcpClient #timeline .table-row-cell")
                .match((TableRow<?> row) -> row.getItem() == failure).tryQuery()
                .map(row -> row.getStyleClass().contains("row-failure")).orElse(false));
    }
}
