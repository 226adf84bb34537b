package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.net.ShortTempDir;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.stream.Transport;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Close modes, pending bytes, connection details and the Unix transport of the TCP Client tab. */
@Timeout(60)
class TcpClientStreamTest {
    private final AppDriver driver = new AppDriver();

    @TempDir(factory = ShortTempDir.class)
    Path dir;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        driver.selectTab("tcpClient");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    private Socket connect(ServerSocket server) throws Exception {
        server.setSoTimeout(10_000);
        driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
        driver.click("#tcpClient #connect");
        Socket peer = server.accept();
        peer.setSoTimeout(10_000);
        driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
        return peer;
    }

    @Test
    void abortResetsTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket peer = connect(server)) {
            driver.click("#tcpClient #abort");
            SocketException reset = assertThrows(SocketException.class, () -> peer.getInputStream().read());
            assertTrue(reset.getMessage().contains("Connection reset"), reset.getMessage());
            driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Connect"));
            driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof ConnectionClosed c
                    && c.detail().startsWith("RST sent"));
        }
    }

    @Test
    void halfCloseLetsThePeerReadEndOfStreamAndStillReply() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket peer = connect(server)) {
            driver.click("#tcpClient #halfClose");
            assertEquals(-1, peer.getInputStream().read(), "the peer reads end of stream");
            driver.waitUntil(() -> driver.text("#tcpClient #connectionInfo").endsWith("(half-closed)"));
            driver.setText("#tcpClient #input", "more");
            assertTrue(driver.disabled("#tcpClient #send"), "nothing more can be sent");

            OutputStream out = peer.getOutputStream();
            out.write("reply after FIN".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesReceived r
                    && new String(r.data(), StandardCharsets.US_ASCII).equals("reply after FIN"));
            peer.close();
            driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Connect"));
        }
    }

    @Test
    void anIncompleteFrameIsShownAsPendingUntilItsRestArrives() throws Exception {
        fxRun(() -> driver.<ComboBox<FramingMode>>node("#tcpClient #framingMode").setValue(FramingMode.LENGTH_PREFIX));
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket peer = connect(server)) {
            OutputStream out = peer.getOutputStream();
            out.write(new byte[]{0x00, 0x05, 'a', 'b', 'c'});
            out.flush();
            driver.waitUntil(() -> driver.text("#tcpClient #pendingBytes").equals("5 B pending (incomplete frame)")
                    && driver.node("#tcpClient #pendingBytes").isVisible());
            out.write(new byte[]{'d', 'e'});
            out.flush();
            TimelineRow row = driver.waitForRow("#tcpClient #timeline", r -> r.event() instanceof BytesReceived);
            assertEquals("7 B · 2 reads", EventText.size(row.event()));
            driver.waitUntil(() -> !driver.node("#tcpClient #pendingBytes").isVisible());
        }
    }

    @Test
    void theDetailsPaneDescribesTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket peer = connect(server)) {
            driver.click("#tcpClient #socketPanelToggle");
            driver.waitUntil(() -> details().contains("IPv4 (AF_INET)"));
            assertTrue(details().contains("stream (SOCK_STREAM, TCP)"), details());
            assertTrue(details().contains("127.0.0.1:" + server.getLocalPort()), details());
            assertEquals("5 s (Timeout)", driver.text("#tcpClient #optConnectTimeout"));
        }
    }

    private String details() {
        return fx(() -> driver.<javafx.scene.layout.VBox>node("#tcpClient #connectionDetails")
                .lookupAll(".details-value").stream().map(node -> ((javafx.scene.control.Label) node).getText())
                .reduce("", (a, b) -> a + "|" + b));
    }

    @Test
    void connectsToAUnixDomainSocket() throws Exception {
        Path path = dir.resolve("c.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            fxRun(() -> driver.<ComboBox<Transport>>node("#tcpClient #transport").setValue(Transport.UNIX));
            driver.setText("#tcpClient #unixPath", path.toString());
            driver.click("#tcpClient #connect");
            try (SocketChannel peer = server.accept()) {
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                assertTrue(driver.text("#tcpClient #connectionInfo").endsWith("→ " + path),
                        driver.text("#tcpClient #connectionInfo"));
                peer.write(ByteBuffer.wrap("hello unix".getBytes(StandardCharsets.US_ASCII)));
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesReceived r
                        && new String(r.data(), StandardCharsets.US_ASCII).equals("hello unix"));
                driver.setText("#tcpClient #input", "hi");
                driver.click("#tcpClient #send");
                InputStream in = Channels.newInputStream(peer);
                assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), in.readNBytes(2));
                assertEquals("UNIX", driver.tabSettings("tcpClient").get("transport", ""));
                assertEquals(path.toString(), driver.tabSettings("tcpClient").get("unixPath", ""));
            }
        }
    }
}
