package com.socketworkbench.app;

import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.tcpserver.ClientRow;
import com.socketworkbench.ui.tcpserver.SendTarget;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real app at 1280x800 with real loopback traffic and writes {@code tcp-server.png},
 * {@code tcp-client.png}, {@code tcp-client-error.png} and {@code framing.png} into the directory named by the {@code screenshots.dir} system property. Run with
 * {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(120)
class ScreenshotsTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    private final AppDriver driver = new AppDriver();

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
    void tcpServer() throws Exception {
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        Matcher matcher = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(matcher.matches());
        int port = Integer.parseInt(matcher.group(1));

        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(10_000);
                clients.add(socket);
                int count = i + 1;
                driver.waitUntil(() -> driver.<TableView<?>>node("#tcpServer #clients").getItems().size() == count);
            }
            send(clients.get(0), "HELLO from sensor-1\r\n".getBytes(StandardCharsets.US_ASCII));
            send(clients.get(1), "{\"temp\": 21.5, \"unit\": \"C\"}\n".getBytes(StandardCharsets.US_ASCII));
            byte[] frame = {0x02, 0x10, 0x00, 0x2a, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x48, 0x65,
                    0x6c, 0x6c, 0x6f, 0x00, (byte) 0xff, 0x7f, 0x41, 0x42, 0x43, 0x03};
            send(clients.get(2), frame);
            TimelineRow binary = driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof BytesReceived r && Arrays.equals(r.data(), frame));

            fxRun(() -> driver.<ComboBox<SendTarget>>node("#tcpServer #sendTarget").setValue(SendTarget.ALL));
            driver.setText("#tcpServer #input", "ACK\\r\\n");
            driver.click("#tcpServer #send");
            for (Socket client : clients) {
                assertArrayEquals("ACK\r\n".getBytes(StandardCharsets.US_ASCII), client.getInputStream().readNBytes(5));
            }
            send(clients.get(0), "PING\r\n".getBytes(StandardCharsets.US_ASCII));
            driver.waitUntilCounted(0, 4);

            fxRun(() -> driver.<TableView<?>>node("#tcpServer #clients").getSelectionModel().select(2));
            fxRun(() -> driver.<ComboBox<SendTarget>>node("#tcpServer #sendTarget").setValue(SendTarget.SELECTED));
            fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#tcpServer #inputFormat").setValue(PayloadFormat.HEX));
            driver.setText("#tcpServer #input", "06 00 2a");
            driver.click("#tcpServer #send");
            assertArrayEquals(new byte[]{0x06, 0x00, 0x2a}, clients.get(2).getInputStream().readNBytes(3));
            driver.waitUntil(() -> driver.app().tabs().getFirst().status().messagesOutProperty().get() == 4);

            driver.clickRow("#tcpServer #timeline", binary);
            assertTrue(driver.listItems("#tcpServer #payloadHex").getFirst().contains("02 10 00 2a de ad be ef"));
            driver.setText("#tcpServer #input", "06 00 2b");
            WaitForAsyncUtils.waitForFxEvents();
            snapshot("tcp-server.png");
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    void tcpClient() throws Exception {
        driver.selectTab("tcpClient");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                send(peer, "220 demo.local ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII));
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesReceived);

                driver.setText("#tcpClient #input", "EHLO workbench\\r\\n");
                driver.click("#tcpClient #send");
                assertEquals("EHLO workbench\r\n",
                        new String(peer.getInputStream().readNBytes(16), StandardCharsets.US_ASCII));
                send(peer, "250-demo.local greets workbench\r\n250-SIZE 10240000\r\n250 HELP\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                TimelineRow reply = driver.waitForRow("#tcpClient #timeline",
                        row -> row.event() instanceof BytesReceived r && r.data().length > 40);
                driver.setText("#tcpClient #input", "QUIT\\r\\n");
                driver.click("#tcpClient #send");
                peer.getInputStream().readNBytes(6);
                driver.waitForRow("#tcpClient #timeline",
                        row -> row.event() instanceof BytesSent s && s.data().length == 6);
                send(peer, "221 Bye\r\n".getBytes(StandardCharsets.US_ASCII));
                driver.waitUntilCounted(1, 3);

                driver.clickRow("#tcpClient #timeline", reply);
                driver.setText("#tcpClient #input", "NOOP\\r\\n");
                WaitForAsyncUtils.waitForFxEvents();
                snapshot("tcp-client.png");
            }
        }
    }

    @Test
    void tcpClientError() throws Exception {
        driver.selectTab("tcpClient");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        driver.setText("#tcpClient #port", Integer.toString(port));
        driver.click("#tcpClient #connect");
        driver.waitForRow("#tcpClient #timeline",
                row -> row.event() instanceof com.socketworkbench.engine.event.Failure);
        driver.waitUntil(() -> driver.<org.controlsfx.control.NotificationPane>node("#tcpClient #notifications").isShowing());
        driver.setText("#tcpClient #port", "70000");
        fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#tcpClient #inputFormat").setValue(PayloadFormat.HEX));
        driver.setText("#tcpClient #input", "48 65 6c 6g");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("tcp-client-error.png");
    }

    @Test
    void framing() throws Exception {
        driver.selectTab("tcpServer");
        fxRun(() -> driver.<ComboBox<FramingMode>>node("#tcpServer #framingMode").setValue(FramingMode.LENGTH_PREFIX));
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        Matcher matcher = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(matcher.matches());
        int port = Integer.parseInt(matcher.group(1));

        try (Socket device = new Socket(InetAddress.getLoopbackAddress(), port)) {
            TableView<ClientRow> clients = driver.node("#tcpServer #clients");
            driver.waitUntil(() -> clients.getItems().size() == 1);
            // Two messages in one write: one read, cut into two rows.
            byte[] twoInOne = concat(lengthPrefixed("HELLO sensor-7"), lengthPrefixed("{\"temp\": 21.5}"));
            send(device, twoInOne);
            driver.waitUntilCounted(0, 2);
            // One message in three writes: three reads, one row.
            byte[] longFrame = lengthPrefixed("A longer report that arrived in three reads");
            int third = longFrame.length / 3;
            long before = twoInOne.length;
            // In counts rows (like the status bar); bytes of the unfinished frame show as pending until its row.
            driver.waitUntil(() -> clients.getItems().getFirst().bytesInProperty().get()
                    + clients.getItems().getFirst().pendingBytesProperty().get() == before);
            for (int part = 0; part < 3; part++) {
                int from = part * third;
                int to = part == 2 ? longFrame.length : from + third;
                send(device, Arrays.copyOfRange(longFrame, from, to));
                long expected = before + to;
                driver.waitUntil(() -> clients.getItems().getFirst().bytesInProperty().get()
                        + clients.getItems().getFirst().pendingBytesProperty().get() == expected);

            }
            TimelineRow threeReads = driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof BytesReceived r && r.reads() == 3);
            send(device, lengthPrefixed("PING"));
            // The start of a frame whose rest never comes: pending.
            byte[] partial = lengthPrefixed("STATUS: all channels nominal");
            send(device, Arrays.copyOf(partial, 12));
            driver.waitUntil(() -> clients.getItems().getFirst().pendingBytesProperty().get() == 12);
            driver.waitUntilCounted(0, 4);

            driver.clickRow("#tcpServer #timeline", threeReads);
            assertTrue(driver.listItems("#tcpServer #payloadHex").getFirst().startsWith("00000000  00 2b 41 20"),
                    driver.listItems("#tcpServer #payloadHex").getFirst());
            driver.setText("#tcpServer #input", "00 04 50 4f 4e 47");
            fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#tcpServer #inputFormat").setValue(PayloadFormat.HEX));
            WaitForAsyncUtils.waitForFxEvents();
            snapshot("framing.png");
        }
    }

    @Test
    void socketOptions() throws Exception {
        driver.selectTab("tcpClient");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                driver.click("#tcpClient #socketPanelToggle");
                fxRun(() -> driver.<ComboBox<String>>node("#tcpClient #optKeepAlive").setValue("on"));
                driver.setText("#tcpClient #optReceiveBuffer", "64 KiB");
                driver.setText("#tcpClient #optSendBuffer", "4096");
                driver.setText("#tcpClient #optIpTos", "0x13");
                driver.click("#tcpClient #applyOptions");
                driver.waitUntil(() -> driver.text("#tcpClient #grantedReceiveBuffer").equals("65536 bytes"));

                driver.click("#tcpClient #split");
                driver.setText("#tcpClient #segmentBytes", "4");
                driver.setText("#tcpClient #segmentGap", "25");
                driver.setText("#tcpClient #input", "STATUS?\\n");
                driver.click("#tcpClient #send");
                assertEquals("STATUS?\n", new String(peer.getInputStream().readNBytes(8), StandardCharsets.US_ASCII));
                driver.waitUntil(() -> driver.app().tabs().get(1).status().messagesOutProperty().get() == 2);
                send(peer, "OK 42\n".getBytes(StandardCharsets.US_ASCII));
                driver.waitUntilCounted(1, 1);
                WaitForAsyncUtils.waitForFxEvents();
                snapshot("socket-options.png");
            }
        }
    }

    private static byte[] lengthPrefixed(String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[body.length + 2];
        frame[0] = (byte) (body.length >> 8);
        frame[1] = (byte) body.length;
        System.arraycopy(body, 0, frame, 2, body.length);
        return frame;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static void send(Socket socket, byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    private void snapshot(String name) throws IOException {
        Path file = Screenshots.write(driver.stage().getScene(), name);
        assertTrue(Files.size(file) > 10_000, "a real picture was written to " + file);
    }
}
