package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.net.ShortTempDir;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.stream.Transport;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Socket options, split sends and the Unix domain socket transport of the TCP Server tab, in the real app. */
@Timeout(60)
class TcpServerSocketTest {
    @RegisterExtension
    final ServerTabFixture tab = new ServerTabFixture();
    private final AppDriver driver = tab.driver();

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    /** Visible itself and inside visible parents. */
    private boolean shown(String selector) {
        return fx(() -> {
            for (javafx.scene.Node node = driver.node(selector); node != null; node = node.getParent()) {
                if (!node.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void appliedOptionsAreReadBackBesideTheRequestedOnes() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            tab.waitForSelectedClient();
            driver.click("#tcpServer #socketPanelToggle");
            driver.waitUntil(() -> driver.text("#tcpServer #optionsSubject").contains("connection of client"));
            assertEquals("on", driver.text("#tcpServer #grantedNoDelay"), "the workbench's default");

            fxRun(() -> driver.<ComboBox<String>>node("#tcpServer #optNoDelay").setValue("off"));
            driver.setText("#tcpServer #optReceiveBuffer", "65536");
            driver.click("#tcpServer #applyOptions");
            driver.waitUntil(() -> driver.text("#tcpServer #grantedNoDelay").equals("off"));
            driver.waitUntil(() -> driver.text("#tcpServer #grantedReceiveBuffer").equals("65536 bytes"));
            if (System.getProperty("os.name").toLowerCase().startsWith("linux")) {
                String note = driver.text("#tcpServer #noteReceiveBuffer");
                assertTrue(note.contains("131072"), note);
            }
            // The split-send row is built when Split… is first opened; its box shows the request then.
            driver.click("#tcpServer #split");
            assertFalse(fx(() -> driver.<javafx.scene.control.CheckBox>node("#tcpServer #noDelay").isSelected()),
                    "the split-send TCP_NODELAY box follows the request");
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof Notice n
                    && n.message().contains("SO_RCVBUF requested 65536, granted 65536"));
            String details = fx(() -> driver.<javafx.scene.layout.VBox>node("#tcpServer #connectionDetails")
                    .lookupAll(".details-value").stream().map(node -> ((javafx.scene.control.Label) node).getText())
                    .reduce("", (a, b) -> a + "|" + b));
            assertTrue(details.contains("IPv4 (AF_INET)"), details);
            assertTrue(details.contains("127.0.0.1:" + port), details);
        }
    }

    @Test
    void anInvalidOptionExplainsItselfAndDisablesApply() {
        driver.click("#tcpServer #socketPanelToggle");
        driver.setText("#tcpServer #optIpTos", "300");
        assertTrue(driver.text("#tcpServer #optionsMessage").contains("0 to 255"),
                driver.text("#tcpServer #optionsMessage"));
        assertTrue(driver.disabled("#tcpServer #applyOptions"));
        driver.setText("#tcpServer #optIpTos", "0x10");
        assertFalse(driver.disabled("#tcpServer #applyOptions"));
    }

    @Test
    void aSplitSendWritesTwoSegmentsApart() throws Exception {
        int port = tab.startOnAnyPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            tab.waitForSelectedClient();
            driver.click("#tcpServer #split");
            driver.setText("#tcpServer #segmentBytes", "5");
            driver.setText("#tcpServer #segmentGap", "20");
            driver.setText("#tcpServer #input", "0123456789");
            assertEquals("10 B → 2 writes of up to 5 B, 20 ms apart", driver.text("#tcpServer #splitSummary"));
            driver.click("#tcpServer #send");
            assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII),
                    socket.getInputStream().readNBytes(10));

            driver.waitUntil(() -> tab.rows().stream().filter(row -> row.event() instanceof BytesSent).count() == 2);
            List<BytesSent> sent = tab.rows().stream().filter(row -> row.event() instanceof BytesSent)
                    .map(row -> (BytesSent) row.event()).toList();
            assertEquals("01234", new String(sent.get(0).data(), StandardCharsets.US_ASCII));
            assertEquals("56789", new String(sent.get(1).data(), StandardCharsets.US_ASCII));
            assertTrue(Duration.between(sent.get(0).time(), sent.get(1).time()).toMillis() >= 15,
                    "the writes were paced");

            driver.setText("#tcpServer #segmentGap", "x");
            assertTrue(driver.disabled("#tcpServer #send"), "a wrong split field stops sending");
            assertTrue(driver.text("#tcpServer #sendTargetHint").contains("not a whole number"),
                    driver.text("#tcpServer #sendTargetHint"));
        }
    }

    @Test
    void listensOnAUnixDomainSocketAndRemovesItOnStop() throws Exception {
        Path path = dir.resolve("s.sock");
        fxRun(() -> driver.<ComboBox<Transport>>node("#tcpServer #transport").setValue(Transport.UNIX));
        assertFalse(shown("#tcpServer #port"), "no port for a Unix socket");
        driver.setText("#tcpServer #unixPath", path.toString());
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").equals("Listening on " + path));
        assertTrue(Files.exists(path));

        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            tab.waitForSelectedClient();
            channel.write(ByteBuffer.wrap("ping\n".getBytes(StandardCharsets.US_ASCII)));
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof BytesReceived r
                    && new String(r.data(), StandardCharsets.US_ASCII).equals("ping\n"));

            driver.setText("#tcpServer #input", "pong");
            driver.click("#tcpServer #send");
            InputStream in = java.nio.channels.Channels.newInputStream(channel);
            assertArrayEquals("pong".getBytes(StandardCharsets.US_ASCII), in.readNBytes(4));
        }
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Start"));
        assertFalse(Files.exists(path), "the socket file is removed on stop");
        assertEquals("UNIX", driver.tabSettings("tcpServer").get("transport", ""));
        assertEquals(path.toString(), driver.tabSettings("tcpServer").get("unixPath", ""));
    }

    @Test
    void aStaleSocketFileCanBeDeletedButAnOrdinaryFileIsNever() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel leftover = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            leftover.bind(UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale), "closing a Unix listener leaves its file behind");
        fxRun(() -> driver.<ComboBox<Transport>>node("#tcpServer #transport").setValue(Transport.UNIX));
        driver.setText("#tcpServer #unixPath", stale.toString());
        driver.click("#tcpServer #startStop");
        TimelineRow failure = driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof Failure);
        assertEquals(FailureKind.PORT_IN_USE, ((Failure) failure.event()).kind());
        driver.waitUntil(() -> shown("#tcpServer #deleteStaleSocket"));
        assertTrue(driver.text("#tcpServer #staleSocketMessage").contains("nobody is listening"));

        driver.click("#tcpServer #deleteStaleSocket");
        driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").equals("Listening on " + stale));
        assertFalse(shown("#tcpServer #deleteStaleSocket"));
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Start"));

        Path ordinary = Files.writeString(dir.resolve("notes.txt"), "keep me");
        driver.setText("#tcpServer #unixPath", ordinary.toString());
        int failures = (int) tab.rows().stream().filter(row -> row.event() instanceof Failure).count();
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> tab.rows().stream().filter(row -> row.event() instanceof Failure).count() > failures);
        driver.waitUntil(() -> driver.text("#tcpServer #startStop").equals("Start"));
        assertFalse(shown("#tcpServer #deleteStaleSocket"), "no offer for a plain file");
        assertEquals("keep me", Files.readString(ordinary));
    }
}
