package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP Server tab's per-client view (#followClient, rates in the clients table) and its counts and wording,
 * with two loopback peers.
 */
@Timeout(60)
class TcpServerPerClientTest {
    @RegisterExtension
    final ServerTabFixture tab = new ServerTabFixture();
    private final AppDriver driver = tab.driver();

    @Test
    void followClientShowsOnlyTheSelectedClientsRowsAndFollowsTheSelection() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
            driver.waitUntil(() -> tab.clients().getItems().size() == 2);
            // One write at a time: without framing, two quick writes of one peer may arrive as one read.
            for (var write : List.of(new Object[]{first, "one"}, new Object[]{second, "two"},
                    new Object[]{second, "two again"})) {
                int before = received(tab.rows()).size();
                write((Socket) write[0], (String) write[1]);
                driver.waitUntil(() -> received(tab.rows()).size() == before + 1);
            }
            ClientRow firstRow = row(first);
            ClientRow secondRow = row(second);
            int allRows = tab.rows().size();

            fxRun(() -> tab.clients().getSelectionModel().select(firstRow));
            assertEquals(allRows, tab.rows().size(), "off: selecting a client changes nothing");
            driver.click("#tcpServer #followClient");
            driver.waitUntil(() -> tab.rows().stream().allMatch(row -> row.event().connectionId() == firstRow.id()));
            assertEquals(List.of("one"), texts(received(tab.rows())));

            fxRun(() -> tab.clients().getSelectionModel().select(secondRow));
            driver.waitUntil(() -> tab.rows().stream().allMatch(row -> row.event().connectionId() == secondRow.id()));
            assertEquals(List.of("two", "two again"), texts(received(tab.rows())));

            write(first, "late");
            write(second, "more");
            driver.waitUntil(() -> texts(received(tab.rows())).contains("more"));
            assertFalse(texts(received(tab.rows())).contains("late"), "the other client's new rows stay out");

            driver.click("#tcpServer #followClient");
            driver.waitUntil(() -> received(tab.rows()).size() == 5);
            assertTrue(fx(() -> !driver.<javafx.scene.control.ToggleButton>node("#tcpServer #followClient")
                    .isSelected()));
        }
    }

    @Test
    void ratesShowOnTheTickAndTheCountsAgreeWithTheStatusBarForFramedRows() throws Exception {
        // Lines framed by LF: the rows (and the status bar) hold 3 + 6 bytes, the sockets carried 3 more.
        fxRun(() -> driver.<ComboBox<FramingMode>>node("#tcpServer #framingMode").setValue(FramingMode.DELIMITER));
        int port = tab.startOnAnyPort();
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
            driver.waitUntil(() -> tab.clients().getItems().size() == 2);
            write(first, "one\n");
            write(second, "two\nsix\n");
            driver.waitUntil(() -> received(tab.rows()).size() == 3);
            ClientRow firstRow = row(first);
            ClientRow secondRow = row(second);
            var status = driver.app().tabs().getFirst().status();

            driver.waitUntil(() -> firstRow.bytesInProperty().get() == 3 && secondRow.bytesInProperty().get() == 6);
            assertEquals(9, fx(() -> status.bytesInProperty().get()),
                    "the status bar counts the same bytes as the clients table");
            driver.waitUntil(() -> secondRow.rateInProperty().get() > 0);
            assertTrue(fx(() -> secondRow.rateInProperty().get()) <= 6, "at most the bytes that came, per second");
            assertEquals(0, fx(() -> firstRow.rateOutProperty().get()));
        }
    }

    @Test
    void theSendTargetAndTheEmptyListSayThatClientsLeft() throws Exception {
        int port = tab.startOnAnyPort();
        assertEquals("No client connected yet", driver.text("#tcpServer #sendTargetHint"));
        assertEquals("No clients connected", driver.text("#tcpServer #clientsPlaceholder"));
        for (int i = 0; i < 2; i++) {
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                driver.waitUntil(() -> tab.clients().getItems().size() == 1);
            }
            driver.waitUntil(() -> tab.clients().getItems().isEmpty());
        }
        driver.waitUntil(() -> driver.text("#tcpServer #sendTargetHint").equals("No client connected (2 have left)"));
        assertEquals("No clients connected (2 have left)", driver.text("#tcpServer #clientsPlaceholder"));
    }

    private ClientRow row(Socket peer) {
        String remote = "127.0.0.1:" + peer.getLocalPort();
        return fx(() -> tab.clients().getItems().stream().filter(row -> row.remote().equals(remote))
                .findFirst().orElseThrow());
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static List<BytesReceived> received(List<TimelineRow> rows) {
        return rows.stream().map(TimelineRow::event).filter(BytesReceived.class::isInstance)
                .map(BytesReceived.class::cast).toList();
    }

    private static List<String> texts(List<BytesReceived> rows) {
        return rows.stream().map(row -> new String(row.data(), StandardCharsets.US_ASCII)).toList();
    }
}
