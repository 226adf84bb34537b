package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.tcp.OversizePolicy;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Framing and close modes of the TCP Server tab, against plain java.net.Sockets on loopback. */
@Timeout(60)
class TcpServerStreamTest {
    @RegisterExtension
    final ServerTabFixture tab = new ServerTabFixture();
    private final AppDriver driver = tab.driver();

    private void chooseFraming(FramingMode mode) {
        fxRun(() -> driver.<ComboBox<FramingMode>>node("#tcpServer #framingMode").setValue(mode));
    }

    private static void write(Socket socket, byte[] bytes) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private List<BytesReceived> received() {
        return fx(() -> driver.<TableView<TimelineRow>>node("#tcpServer #timeline").getItems().stream()
                .filter(row -> row.event() instanceof BytesReceived)
                .map(row -> (BytesReceived) row.event()).toList());
    }

    @Test
    void framingByLineFeedTurnsOneReadIntoTwoRows() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tab.waitForSelectedClient();
            byte[] twoLines = "a\nb\n".getBytes(StandardCharsets.US_ASCII);

            // Raw reads: the one write arrives as one read, one row.
            write(socket, twoLines);
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof BytesReceived r
                    && Arrays.equals(r.data(), twoLines));

            chooseFraming(FramingMode.DELIMITER);
            assertTrue(fx(() -> driver.node("#tcpServer #framingParameters").isVisible()),
                    "choosing a mode with parameters shows them");
            assertEquals("LF", fx(() -> driver.<ComboBox<String>>node("#tcpServer #delimiter").getEditor().getText()));
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof Notice n
                    && n.message().startsWith("Framing is now"));
            write(socket, twoLines);
            driver.waitUntil(() -> received().size() == 3);

            List<BytesReceived> rows = received();
            assertArrayEquals(twoLines, rows.get(0).data(), "the raw row stays as it was");
            assertEquals("a", new String(rows.get(1).data(), StandardCharsets.US_ASCII));
            assertEquals("b", new String(rows.get(2).data(), StandardCharsets.US_ASCII));
            assertEquals(1, rows.get(1).reads());
            assertEquals(1, rows.get(2).reads());
            assertEquals("1 B", EventText.size(rows.get(1)));
        }
    }

    @Test
    void aLengthPrefixedMessageWrittenInThreePartsBecomesOneRowFromThreeReads() throws Exception {
        chooseFraming(FramingMode.LENGTH_PREFIX);
        assertEquals("length prefix (2 bytes, big endian, counts the body only), max 16 MiB",
                driver.text("#tcpServer #framingSummary"));
        int port = tab.startOnAnyPort();
        byte[] frame = {0x00, 0x0a, '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'};
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tab.waitForSelectedClient();
            for (int part = 0; part < 3; part++) {
                write(socket, Arrays.copyOfRange(frame, part * 4, part * 4 + 4));
                long expected = (part + 1) * 4L;
                // The framer's pending bytes prove the part was read before the next is written (the In column
                // counts rows, like the status bar, so it stays 0 until the frame is whole).
                if (part < 2) {
                    driver.waitUntil(() -> tab.clients().getItems().getFirst().pendingBytesProperty().get()
                            == expected);
                }
            }

            TimelineRow row = driver.waitForRow("#tcpServer #timeline", r -> r.event() instanceof BytesReceived);
            BytesReceived message = (BytesReceived) row.event();
            assertArrayEquals(frame, message.data());
            assertEquals(3, message.reads());
            assertEquals("12 B · 3 reads", EventText.size(message));
            assertEquals(1, received().size(), "one row for the whole message");
        }
    }

    @Test
    void anOversizedFrameIsDiscardedOrClosesTheConnectionAsChosen() throws Exception {
        chooseFraming(FramingMode.LENGTH_PREFIX);
        fxRun(() -> driver.<ComboBox<Integer>>node("#tcpServer #lengthFieldBytes").setValue(4));
        fxRun(() -> driver.<ComboBox<OversizePolicy>>node("#tcpServer #oversizePolicy")
                .setValue(OversizePolicy.DISCARD));
        int port = tab.startOnAnyPort();
        byte[] hugeHeader = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tab.waitForSelectedClient();
            write(first, hugeHeader);
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof Failure f
                    && f.kind() == FailureKind.LIMIT_EXCEEDED);
            assertEquals(1, fx(() -> tab.clients().getItems().size()), "discarded: the connection stays open");

            fxRun(() -> driver.<ComboBox<OversizePolicy>>node("#tcpServer #oversizePolicy")
                    .setValue(OversizePolicy.DROP_CONNECTION));
            first.close();
            driver.waitUntil(() -> tab.clients().getItems().isEmpty());
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
                second.setSoTimeout(10_000);
                tab.waitForSelectedClient();
                write(second, hugeHeader);
                driver.waitUntil(() -> tab.clients().getItems().isEmpty());
                driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ConnectionClosed c
                        && c.reason() == com.socketworkbench.engine.event.CloseReason.ERROR);
            }
        }
    }

    @Test
    void anInvalidFramingFieldExplainsItselfAndKeepsThePreviousFraming() {
        chooseFraming(FramingMode.DELIMITER);
        // A combo box sets its editor to its value when it is first skinned: type only after that pulse.
        driver.waitUntil(() -> fx(() -> driver.<ComboBox<String>>node("#tcpServer #delimiter").getSkin() != null));
        fxRun(() -> driver.<ComboBox<String>>node("#tcpServer #delimiter").getEditor().setText("0x7g"));
        String message = driver.text("#tcpServer #framingMessage");
        assertTrue(message.contains("'g'") && message.contains("not a hex digit"), message);
        assertTrue(message.contains("stays in use"), message);
        assertTrue(fx(() -> driver.node("#tcpServer #framingMessage").isVisible()));

        fxRun(() -> driver.<ComboBox<String>>node("#tcpServer #delimiter").getEditor().setText("7e 7e"));
        assertEquals("", driver.text("#tcpServer #framingMessage"));
        assertTrue(driver.text("#tcpServer #framingSummary").contains("7e 7e"),
                driver.text("#tcpServer #framingSummary"));

        driver.setText("#tcpServer #maxFrameSize", "1 KiB");
        assertTrue(driver.text("#tcpServer #framingMessage").contains("between 16 MiB and 1 GiB"),
                driver.text("#tcpServer #framingMessage"));
    }

    @Test
    void abortResetsTheSelectedClientsConnection() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            tab.waitForSelectedClient();
            driver.click("#tcpServer #abort");
            SocketException reset = assertThrows(SocketException.class, () -> socket.getInputStream().read());
            assertTrue(reset.getMessage().contains("Connection reset"), reset.getMessage());
            TimelineRow closed = driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ConnectionClosed);
            assertTrue(EventText.preview(closed.event(), StandardCharsets.UTF_8).contains("RST sent"),
                    EventText.preview(closed.event(), StandardCharsets.UTF_8));
            driver.waitUntil(() -> tab.clients().getItems().isEmpty());
        }
    }

    @Test
    void halfCloseEndsOurOutputButKeepsReceiving() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            tab.waitForSelectedClient();
            driver.click("#tcpServer #halfClose");
            assertEquals(-1, in.read(), "the client reads end of stream");
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof Notice n
                    && n.message().startsWith("Output shut down"));

            write(socket, "still here".getBytes(StandardCharsets.US_ASCII));
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof BytesReceived r
                    && new String(r.data(), StandardCharsets.US_ASCII).equals("still here"));
            assertEquals(1, fx(() -> tab.clients().getItems().size()), "the connection is still open");
        }
    }

    @Test
    void gracefulCloseSendsFin() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            tab.waitForSelectedClient();
            driver.click("#tcpServer #closeGraceful");
            assertEquals(-1, socket.getInputStream().read());
            driver.waitUntil(() -> tab.clients().getItems().isEmpty());
            assertTrue(driver.disabled("#tcpServer #abort"), "nothing selected to close");
        }
    }
}
