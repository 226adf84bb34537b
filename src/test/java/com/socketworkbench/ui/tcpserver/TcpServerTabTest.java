package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real app's TCP Server tab against a plain java.net.Socket on loopback. */
@Timeout(60)
class TcpServerTabTest {
    @RegisterExtension
    final ServerTabFixture tab = new ServerTabFixture();
    private final AppDriver driver = tab.driver();

    @Test
    void receivesInspectsRepliesAndStops() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ConnectionAccepted);
            driver.waitUntil(() -> driver.<javafx.scene.control.TableView<?>>node("#tcpServer #clients")
                    .getItems().size() == 1);

            out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            TimelineRow hello = driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof BytesReceived
                    && EventText.preview(row.event(), StandardCharsets.UTF_8).contains("hello"));
            byte[] binary = {0x00, 0x01, (byte) 0xff, 0x7f, (byte) 0x80};
            out.write(binary);
            out.flush();
            TimelineRow binaryRow = driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof BytesReceived received && Arrays.equals(received.data(), binary));
            assertEquals("5 B", EventText.size(binaryRow.event()));

            driver.clickRow("#tcpServer #timeline", hello);
            List<String> hex = driver.listItems("#tcpServer #payloadHex");
            assertEquals(1, hex.size());
            assertTrue(hex.getFirst().contains("68 65 6c 6c 6f 0a"), hex.getFirst());
            assertEquals("hello\n", driver.text("#tcpServer #payloadText"));

            driver.clickRow("#tcpServer #timeline", binaryRow);
            assertTrue(driver.listItems("#tcpServer #payloadHex").getFirst().contains("00 01 ff 7f 80"));

            // Reply as text: the one connected client is selected automatically.
            driver.setText("#tcpServer #input", "world\\r\\n");
            driver.click("#tcpServer #send");
            assertArrayEquals("world\r\n".getBytes(StandardCharsets.US_ASCII), in.readNBytes(7));

            // Hex mode sends exactly the bytes written.
            fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#tcpServer #inputFormat").setValue(PayloadFormat.HEX));
            driver.setText("#tcpServer #input", "de ad be ef 00 0a");
            driver.click("#tcpServer #send");
            assertArrayEquals(new byte[]{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x00, 0x0a},
                    in.readNBytes(6));

            driver.waitUntil(() -> driver.app().tabs().getFirst().status().bytesOutProperty().get() == 13);
            assertEquals(11, driver.app().tabs().getFirst().status().bytesInProperty().get());
            String statusText = fx(() -> driver.<org.controlsfx.control.StatusBar>node("#statusBar").getText());
            assertEquals("Listening on 127.0.0.1:" + port + " · 1 client", statusText);

            driver.click("#tcpServer #startStop");
            driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Start"));
            assertEquals("Not listening", driver.text("#tcpServer #listeningAddress"));
            assertEquals(-1, in.read(), "stopping closes the client's connection");
        }
        driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ConnectionClosed);
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "no listener is left after stop");
    }

    @Test
    void sendsToAllClientsAndDisconnectsTheSelectedOne() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
            first.setSoTimeout(10_000);
            second.setSoTimeout(10_000);
            driver.waitUntil(() -> driver.<javafx.scene.control.TableView<?>>node("#tcpServer #clients")
                    .getItems().size() == 2);
            // Rows of one height, like the timeline's: refreshing a table that measures its rows restyles a hidden
            // measuring row each time, and JavaFX repaints the whole window after a restyle that changes nothing.
            assertEquals(com.socketworkbench.ui.traffic.TimelineView.ROW_HEIGHT, fx(() -> driver.<javafx.scene.control.TableView<?>>node("#tcpServer #clients")
                    .getFixedCellSize()));
            fxRun(() -> driver.<ComboBox<SendTarget>>node("#tcpServer #sendTarget").setValue(SendTarget.ALL));
            driver.setText("#tcpServer #input", "all");
            driver.click("#tcpServer #send");
            assertArrayEquals("all".getBytes(StandardCharsets.US_ASCII), first.getInputStream().readNBytes(3));
            assertArrayEquals("all".getBytes(StandardCharsets.US_ASCII), second.getInputStream().readNBytes(3));

            fxRun(() -> driver.<javafx.scene.control.TableView<?>>node("#tcpServer #clients")
                    .getSelectionModel().select(0));
            driver.click("#tcpServer #disconnect");
            assertEquals(-1, first.getInputStream().read(), "the selected (first) client is disconnected");
            driver.waitUntil(() -> driver.<javafx.scene.control.TableView<?>>node("#tcpServer #clients")
                    .getItems().size() == 1);
            second.getOutputStream().write('x');
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof BytesReceived r
                    && r.data().length == 1 && r.data()[0] == 'x');

            driver.click("#tcpServer #echo");
            second.getOutputStream().write("echo me".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("echo me".getBytes(StandardCharsets.US_ASCII), second.getInputStream().readNBytes(7));
        }
    }

    @Test
    void theClientsListShowsTheLongestAddressTimeAndCountsWhole() throws Exception {
        int port = tab.startOnAnyPort();
        // A loopback source address as long as IPv4 addresses get (21 characters with its port).
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port,
                InetAddress.getByName("127.200.200.200"), 0)) {
            String remote = "127.200.200.200:" + client.getLocalPort();
            client.getOutputStream().write("12345".getBytes(StandardCharsets.US_ASCII));
            driver.waitUntil(() -> clientCells().stream().anyMatch(cell -> remote.equals(cell.getText())));
            driver.waitUntil(() -> clientCells().stream().anyMatch(cell -> "5 B".equals(cell.getText())));
            // The narrow list scrolls sideways instead of eliding: remote address, time, bytes in and out.
            List<String> elided = fx(() -> clientCells().stream()
                    .filter(cell -> cell.getText() != null && !cell.getText().isEmpty()
                            && cell.getTableView().getColumns().indexOf(cell.getTableColumn()) < 4)
                    .filter(javafx.scene.control.Labeled::isTextTruncated)
                    .map(javafx.scene.control.Labeled::getText).toList());
            assertEquals(List.of(), elided, "client cells cut to an ellipsis");
        }
    }

    private List<javafx.scene.control.TableCell<?, ?>> clientCells() {
        return fx(() -> driver.robot().lookup("#tcpServer #clients .table-cell")
                .<javafx.scene.control.TableCell<?, ?>>queryAll().stream().toList());
    }

    @Test
    void aFloodKeepsTheWindowResponsiveAndTheCountersExact() throws Exception {
        int port = tab.startOnAnyPort();
        byte[] chunk = new byte[1024];
        Arrays.fill(chunk, (byte) 'x');
        int chunks = 8 * 1024;
        long longestRoundTrip = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Thread writer = Thread.ofVirtual().name("flood-writer").start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < chunks; i++) {
                        out.write(chunk);
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            var status = driver.app().tabs().getFirst().status();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (fx(() -> status.bytesInProperty().get()) < (long) chunks * chunk.length
                    && System.nanoTime() < deadline) {
                long started = System.nanoTime();
                fx(() -> true);
                longestRoundTrip = Math.max(longestRoundTrip, System.nanoTime() - started);
            }
            writer.join(java.time.Duration.ofSeconds(10));
            assertEquals((long) chunks * chunk.length, fx(() -> status.bytesInProperty().get()));
        }
        assertTrue(longestRoundTrip < 2_000_000_000L, "the FX thread answered within " + longestRoundTrip / 1_000_000
                + " ms at worst during the flood");
    }

    @Test
    void aPortInUseShowsAFailureRowAndANotification() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            driver.setText("#tcpServer #port", Integer.toString(taken.getLocalPort()));
            driver.click("#tcpServer #startStop");
            TimelineRow failure = driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof com.socketworkbench.engine.event.Failure);
            String message = EventText.preview(failure.event(), StandardCharsets.UTF_8);
            assertTrue(message.contains("already in use"), message);
            driver.waitUntil(() -> driver.<org.controlsfx.control.NotificationPane>node("#tcpServer #notifications").isShowing());
            assertEquals(message, fx(() -> driver.<org.controlsfx.control.NotificationPane>node("#tcpServer #notifications").getText()));
            driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Start"));
            assertFalse(driver.disabled("#tcpServer #port"), "settings are editable again");
        }
    }

    @Test
    void aPortInUseIsSaidAtThePortFieldUntilEditedAndAStartSucceeds() throws IOException {
        int port;
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            driver.setText("#tcpServer #port", Integer.toString(port));
            driver.click("#tcpServer #startStop");
            driver.waitForPortInUse("#tcpServer #port", port);
            driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Start"));
            assertFalse(driver.disabled("#tcpServer #startStop"), "Start can try again once the other program lets go");

            driver.setText("#tcpServer #port", "0");
            driver.waitUntil(() -> driver.text("#tcpServer #portMessage").isEmpty()
                    && !driver.decorated("#tcpServer #port"));

            // Taken again, then freed: the retry with the same number succeeds and clears the message.
            driver.setText("#tcpServer #port", Integer.toString(port));
            driver.click("#tcpServer #startStop");
            driver.waitForPortInUse("#tcpServer #port", port);
            driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Start"));
        }
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Stop"));
        assertEquals("", driver.text("#tcpServer #portMessage"));
        assertFalse(driver.decorated("#tcpServer #port"));
    }
    @Test
    void theMemoryBudgetIsCheckedWhereTypedAppliedAtStartAndRemembered() throws Exception {
        assertEquals(ByteSizes.describe(TcpServerConfig.defaultMemoryBudget()),
                fx(() -> driver.<TextField>node("#tcpServer #memoryBudget").getPromptText()),
                "empty shows the default, a quarter of the heap");
        driver.setText("#tcpServer #memoryBudget", "512K");
        driver.waitUntil(() -> driver.text("#tcpServer #memoryBudgetMessage")
                .equals("The memory budget must be at least 1 MiB"));
        assertTrue(driver.disabled("#tcpServer #startStop"), "a wrong budget keeps Start disabled");

        driver.setText("#tcpServer #memoryBudget", "2 MiB");
        driver.click("#tcpServer #echo");
        int port = tab.startOnAnyPort();
        assertTrue(driver.disabled("#tcpServer #memoryBudget"), "applies at start: locked while listening");
        assertEquals("2 MiB", driver.tabSettings("tcpServer").get("memoryBudget", ""));

        // A peer that never reads its echo: once 2 MiB of it wait in the server, the server closes it.
        try (Socket hog = new Socket()) {
            hog.setReceiveBufferSize(4096);
            hog.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            OutputStream out = hog.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 512; i++) { // 32 MiB at most, more than the socket buffers hold
                    out.write(chunk);
                }
            } catch (IOException closedByTheBudget) {
                // expected once the budget is full
            }
            TimelineRow limit = driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof Failure failure
                    && failure.kind() == FailureKind.LIMIT_EXCEEDED);
            assertTrue(EventText.preview(limit.event(), StandardCharsets.UTF_8)
                    .contains("the listener's memory budget of 2 MiB"), EventText.preview(limit.event(),
                    StandardCharsets.UTF_8));
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ConnectionClosed);
        }
    }
}
