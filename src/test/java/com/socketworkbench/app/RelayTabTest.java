package com.socketworkbench.app;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.HoldTimeoutAction;
import com.socketworkbench.engine.relay.PairSnapshot;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.ui.relay.PairRow;
import com.socketworkbench.ui.relay.RelayTab;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Relay tab in the real window, opened from the New Tab menu, between a JDK client and a JDK echo server on
 * loopback: both directions in one timeline with their words and pair, the pairs table's counters, closing the client
 * side with RST, intercept (edit and forward, drop), a fault reaching the relay, validation at the fields, a port in
 * use, closing the tab frees the port, and the tab fits the small window.
 */
@Timeout(120)
class RelayTabTest {
    private static final String T = "#relay ";

    private AppDriver driver;
    private RelayTab tab;
    private WindowTab windowTab;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    private void launch(AppPreferences preferences) throws Exception {
        driver = new AppDriver(preferences).launch();
        windowTab = fx(() -> driver.app().strip().openNew(TabKinds.RELAY).orElseThrow());
        tab = (RelayTab) windowTab.content();
        driver.selectTab("relay");
    }

    private void launch() throws Exception {
        launch(InMemoryPreferences.fresh());
    }

    /** Starts the relay on 127.0.0.1, any port, to {@code target}; returns the port it listens on. */
    private int startRelay(int targetPort) {
        driver.setText(T + "#listenPort", "0");
        driver.setText(T + "#targetHost", "127.0.0.1");
        driver.setText(T + "#targetPort", Integer.toString(targetPort));
        driver.click(T + "#startStop");
        driver.waitUntil(() -> tab.model().state() == ListenerState.RUNNING);
        assertEquals("Stop", driver.text(T + "#startStop"));
        int port = fx(() -> tab.model().boundAddress().getPort());
        assertTrue(port > 0);
        assertTrue(driver.text(T + "#listeningAddress").startsWith("Relaying 127.0.0.1:" + port + " → 127.0.0.1:"
                + targetPort), driver.text(T + "#listeningAddress"));
        return port;
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(Socket socket, int count) throws IOException {
        return new String(socket.getInputStream().readNBytes(count), StandardCharsets.UTF_8);
    }

    private List<String> shownTimelineTexts() {
        return fx(() -> driver.robot().lookup(T + "#timeline .row-text").queryAllAs(Text.class).stream()
                .map(Text::getText).toList());
    }

    private TableView<PairRow> pairs() {
        return driver.node(T + "#relayPairs");
    }

    private PairSnapshot onlyPair() {
        return fx(() -> pairs().getItems().getFirst().snapshot());
    }

    @Test
    void bothDirectionsShowInOneTimelineWithTheirWordsPairAndCounters() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            write(client, "hello");
            assertEquals("hello", read(client, 5));

            TimelineRow toServer = driver.waitForRow(T + "#timeline", row -> row.event() instanceof BytesReceived r
                    && Arrays.equals(r.data(), "hello".getBytes(StandardCharsets.UTF_8)));
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof BytesSent s
                    && Arrays.equals(s.data(), "hello".getBytes(StandardCharsets.UTF_8)));
            long pairId = toServer.event().connectionId();
            driver.waitUntil(() -> shownTimelineTexts().contains("server → client"));
            List<String> texts = shownTimelineTexts();
            assertTrue(texts.contains("client → server"), texts.toString());
            assertTrue(texts.stream().anyMatch(text -> text.startsWith("#" + pairId + " · 127.0.0.1:")),
                    texts.toString());
            List<String> headers = fx(() -> driver.<TableView<TimelineRow>>node(T + "#timeline").getColumns()
                    .stream().map(TableColumn::getText).toList());
            assertTrue(headers.contains("Direction") && headers.contains("Pair"), headers.toString());

            driver.clickRow(T + "#timeline", toServer);
            assertEquals("hello", driver.text(T + "#payloadText"));
            assertTrue(driver.listItems(T + "#payloadHex").getFirst().contains("68 65 6c 6c 6f"));

            driver.waitUntil(() -> pairs().getItems().size() == 1
                    && onlyPair().bytesServerToClient() == 5);
            PairSnapshot pair = onlyPair();
            assertEquals(pairId, pair.pairId());
            assertEquals(5, pair.bytesClientToServer());
            assertEquals(1, pair.chunksClientToServer());
            assertEquals(1, pair.chunksServerToClient());
            assertTrue(pair.open());
            assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), client.getLocalPort()),
                    pair.client());
        }
    }

    @Test
    void closingTheClientSideWithRstResetsTheClient() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            write(client, "x");
            assertEquals("x", read(client, 1));
            driver.waitUntil(() -> pairs().getItems().size() == 1);
            // Refreshed while bytes flow, so rows of one height (see the TCP server's clients table).
            assertEquals(com.socketworkbench.ui.traffic.TimelineView.ROW_HEIGHT, fx(() -> pairs().getFixedCellSize()));
            assertTrue(driver.disabled(T + "#closeClientRst"), "no pair selected, nothing to close");
            fxRun(() -> pairs().getSelectionModel().select(0));
            driver.click(T + "#closeClientRst");
            InputStream in = client.getInputStream();
            assertThrows(SocketException.class, in::read, "a reset, not an orderly end of stream");
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof ConnectionClosed);
            driver.waitUntil(() -> !onlyPair().open());
            driver.waitUntil(() -> driver.disabled(T + "#closeServerFin"));
            assertTrue(driver.disabled(T + "#closeClientRst"), "a closed pair has nothing left to close");
        }
    }

    @Test
    void aHeldChunkIsEditedAndForwardedOrDropped() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            driver.click(T + "#interceptClientToServer");
            driver.waitUntil(() -> driver.<CheckBox>node(T + "#interceptClientToServer").isSelected());
            write(client, "hello");
            driver.waitUntil(() -> heldChunks().getItems().size() == 1);
            HeldChunk held = fx(() -> heldChunks().getItems().getFirst());
            assertEquals(RelayDirection.CLIENT_TO_SERVER, held.direction());
            driver.waitUntil(() -> driver.text(T + "#heldEditor").equals("hello"));
            assertEquals(0, echo.received(), "the held chunk has not reached the server");
            assertEquals("Intercept (1 held)", fx(() -> driver.<javafx.scene.control.TabPane>node(T + "#relaySide")
                    .getTabs().getFirst().getText()));

            driver.setText(T + "#heldEditor", "HELLO, edited");
            driver.click(T + "#forward");
            assertEquals("HELLO, edited", read(client, 13));
            driver.waitUntil(() -> heldChunks().getItems().isEmpty());

            write(client, "secret");
            driver.waitUntil(() -> heldChunks().getItems().size() == 1);
            driver.click(T + "#drop");
            driver.waitUntil(() -> heldChunks().getItems().isEmpty());
            long pairId = held.pairId();
            driver.waitForRow(T + "#timeline", row -> row.event().connectionId() == pairId
                    && !(row.event() instanceof DataEvent) && row.sequence() > 0
                    && row.event() instanceof com.socketworkbench.engine.event.Notice notice
                    && notice.message().toLowerCase(java.util.Locale.ROOT).contains("drop"));

            // With intercept off the next chunk passes at once, and it is the first the client gets back.
            driver.click(T + "#interceptClientToServer");
            write(client, "after");
            assertEquals("after", read(client, 5));
            assertEquals(13 + 5, echo.received(), "the dropped chunk never reached the server");
        }
    }

    @Test
    void theHeldListCountsDownToTheHoldTimeoutAndTheEditorSaysWhatTheTimeoutDid() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            driver.setText(T + "#holdTimeout", "2");
            driver.click(T + "#interceptClientToServer");
            driver.waitUntil(() -> driver.<CheckBox>node(T + "#interceptClientToServer").isSelected());
            write(client, "hello");
            driver.waitUntil(() -> driver.text(T + "#heldEditor").equals("hello"));
            driver.waitUntil(() -> heldTimeTexts().stream().anyMatch(text -> text.matches("[0-9] s · [12] s left")));
            driver.setText(T + "#heldEditor", "being edited");

            // The timeout forwards the chunk as it came; the editor says so rather than going blank without a word.
            assertEquals("hello", read(client, 5));
            driver.waitUntil(() -> driver.text(T + "#heldEditorMessage").equals("The hold timeout forwarded that "
                    + "chunk as it came: edits made here were not sent."));
            assertTrue(fx(() -> driver.node(T + "#heldEditorMessage").isVisible()));

            fxRun(() -> driver.<javafx.scene.control.ComboBox<HoldTimeoutAction>>node(T + "#holdTimeoutAction")
                    .setValue(HoldTimeoutAction.DROP));
            write(client, "bye");
            driver.waitUntil(() -> driver.text(T + "#heldEditor").equals("bye"));
            assertEquals("", driver.text(T + "#heldEditorMessage"), "a new chunk opens without the old note");
            driver.waitUntil(() -> driver.text(T + "#heldEditorMessage").equals("The hold timeout dropped that "
                    + "chunk: it never reached the other side."));
            assertEquals(5, echo.received(), "the dropped chunk never reached the server");
        }
    }

    /** The texts of the held list's time column as shown. */
    private List<String> heldTimeTexts() {
        return fx(() -> driver.robot().lookup(T + "#heldChunks .table-cell").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getText() != null)
                .map(node -> ((javafx.scene.control.TableCell<?, ?>) node).getText()).toList());
    }

    @Test
    void aUdpRelayForwardsEachClientsDatagramsBothWays() throws Exception {
        launch();
        try (java.net.DatagramSocket server = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress());
             java.net.DatagramSocket client = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            client.setSoTimeout(10_000);
            fxRun(() -> driver.<javafx.scene.control.ComboBox<com.socketworkbench.engine.relay.RelayTransport>>node(
                    T + "#transport").setValue(com.socketworkbench.engine.relay.RelayTransport.UDP));
            int port = startRelay(server.getLocalPort());
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            client.send(new java.net.DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
            java.net.DatagramPacket arrived = new java.net.DatagramPacket(new byte[64], 64);
            server.receive(arrived);
            assertEquals("ping", new String(arrived.getData(), 0, arrived.getLength(), StandardCharsets.US_ASCII));
            byte[] pong = "pong".getBytes(StandardCharsets.US_ASCII);
            server.send(new java.net.DatagramPacket(pong, pong.length, arrived.getSocketAddress()));
            java.net.DatagramPacket back = new java.net.DatagramPacket(new byte[64], 64);
            client.receive(back);
            assertEquals("pong", new String(back.getData(), 0, back.getLength(), StandardCharsets.US_ASCII));
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof BytesSent sent
                    && Arrays.equals(sent.data(), pong));
            driver.waitUntil(() -> shownTimelineTexts().contains("server → client"));
            driver.waitUntil(() -> pairs().getItems().size() == 1 && onlyPair().chunksServerToClient() == 1);
            assertEquals(1, onlyPair().chunksClientToServer());
        }
    }

    @Test
    void tlsTowardTheClientIsTerminatedAndThePlaintextShows() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer()) {
            driver.click(T + "#relayClientTls");
            assertFalse(fx(() -> driver.node(T + "#relayServerTlsInsecure").isVisible()),
                    "insecure only shows with TLS toward the target");
            // Turning it on makes the certificate (off the FX thread); Start waits for it.
            driver.waitUntil(() -> !driver.disabled(T + "#startStop"));
            int port = startRelay(echo.port());
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[]{new TrustingManager()}, null);
            try (javax.net.ssl.SSLSocket client = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(10_000);
                client.startHandshake();
                write(client, "secret hello");
                assertEquals("secret hello", read(client, 12));
            }
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof BytesReceived r
                    && Arrays.equals(r.data(), "secret hello".getBytes(StandardCharsets.UTF_8)));
            assertEquals(12, echo.received(), "the target got the plaintext");
        }
    }

    /** Trusts the relay's generated certificate (the test checks termination, not trust). */
    private static final class TrustingManager implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    /** Selects the Faults panel and waits until the tab pane has put it in the scene (it is built when first shown). */
    private void showFaults() {
        fxRun(() -> driver.<javafx.scene.control.TabPane>node(T + "#relaySide").getSelectionModel().select(1));
        driver.waitUntil(() -> fx(() -> driver.stage().getScene().getRoot().lookup(T + "#latencyC2S") != null));
    }

    private TableView<HeldChunk> heldChunks() {
        return driver.node(T + "#heldChunks");
    }

    @Test
    void aLatencyFaultReachesTheRelayAndBadNumbersAreShownAtTheField() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            showFaults();
            driver.setText(T + "#latencyC2S", "300");
            driver.waitUntil(() -> tab.model().appliedFaults(RelayDirection.CLIENT_TO_SERVER).latency()
                    .equals(Duration.ofMillis(300)));
            long start = System.nanoTime();
            write(client, "ping");
            assertEquals("ping", read(client, 4));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis >= 280, "the round trip took " + millis + " ms, less than the 300 ms added");

            driver.setText(T + "#latencyS2C", "soon");
            assertEquals("Latency (ms): \"soon\" is not a whole number of 0 or more",
                    driver.text(T + "#latencyS2CMessage"));
            assertTrue(fx(() -> driver.node(T + "#latencyS2CMessage").isVisible()));
            assertEquals(Duration.ZERO, tab.model().appliedFaults(RelayDirection.SERVER_TO_CLIENT).latency(),
                    "an invalid field is not applied");

            // Bandwidth down to bytes per second (a 9,600-baud link), and a wrong unit said at the field.
            driver.setText(T + "#latencyS2C", "");
            driver.setText(T + "#bandwidthS2C", "960 B");
            driver.waitUntil(() -> tab.model().appliedFaults(RelayDirection.SERVER_TO_CLIENT).bytesPerSecond() == 960);
            driver.setText(T + "#bandwidthS2C", "9600 baud");
            assertEquals("Bandwidth: \"baud\" is not a unit: use B, KiB or MiB (per second; a plain number means KiB)",
                    driver.text(T + "#bandwidthS2CMessage"));
            assertTrue(fx(() -> driver.node(T + "#bandwidthS2CMessage").isVisible()));
        }
    }

    @Test
    void badInputIsShownWhereItWasTypedAndAPortInUseAtStart() throws Exception {
        launch();
        driver.setText(T + "#listenPort", "99999");
        assertTrue(fx(() -> driver.node(T + "#listenPortMessage").isVisible()));
        assertFalse(driver.text(T + "#listenPortMessage").isEmpty());
        assertTrue(driver.disabled(T + "#startStop"));
        driver.setText(T + "#listenPort", "0");
        driver.setText(T + "#targetHost", "");
        assertTrue(fx(() -> driver.node(T + "#targetHostMessage").isVisible()));
        assertTrue(driver.disabled(T + "#startStop"));
        driver.setText(T + "#targetHost", "127.0.0.1");
        driver.setText(T + "#targetPort", "0");
        assertTrue(driver.disabled(T + "#startStop"), "a target needs a real port");
        driver.setText(T + "#targetPort", "5000");
        assertFalse(driver.disabled(T + "#startStop"));

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            driver.setText(T + "#listenPort", Integer.toString(taken.getLocalPort()));
            driver.click(T + "#startStop");
            driver.waitUntil(() -> fx(() -> driver.node(T + "#relayStartError").isVisible()));
            assertTrue(driver.text(T + "#relayStartError").startsWith("Could not start the relay: "),
                    driver.text(T + "#relayStartError"));
            driver.waitUntil(() -> driver.text(T + "#startStop").equals("Start"));
            // Said at the port field too, where it was typed, until the port is edited.
            driver.waitForPortInUse(T + "#listenPort", taken.getLocalPort());
            assertFalse(driver.disabled(T + "#startStop"), "Start can try again once the other program lets go");
            driver.setText(T + "#listenPort", "0");
            driver.waitUntil(() -> driver.text(T + "#listenPortMessage").isEmpty()
                    && !driver.decorated(T + "#listenPort"));
        }
    }

    @Test
    void aTcpTargetWhereNothingListensIsHintedAtItsPortButTheRelayStarts() throws Exception {
        launch();
        int free;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = closed.getLocalPort();
        }
        startRelay(free);
        String hint = "nothing accepted a connection at 127.0.0.1:" + free + " just now; clients will be refused "
                + "until something listens";
        driver.waitUntil(() -> hint.equals(driver.text(T + "#targetPortMessage"))
                && driver.node(T + "#targetPortMessage").isVisible());
        assertTrue(fx(() -> driver.node(T + "#targetPortMessage").getStyleClass().contains("field-hint")),
                "a hint, no error");
        assertFalse(driver.decorated(T + "#targetPort"));
        assertEquals(ListenerState.RUNNING, fx(() -> tab.model().state()), "the relay runs on");

        driver.click(T + "#startStop");
        driver.waitUntil(() -> tab.model().state() == ListenerState.STOPPED);
        assertEquals("", driver.text(T + "#targetPortMessage"), "it spoke of the running relay");

        try (EchoServer echo = new EchoServer()) {
            startRelay(echo.port());
            // Something listens: no hint, and the look made no connection (a one-shot server keeps its one).
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("", driver.text(T + "#targetPortMessage"));
            assertEquals(0, echo.accepted());
        }
    }

    @Test
    void closingTheTabClosesTheRelayAndFreesItsPort() throws Exception {
        launch();
        int port;
        try (EchoServer echo = new EchoServer()) {
            port = startRelay(echo.port());
            // Another tab whose view exists is shown after it (building a view nobody opened yet is not this test's).
            driver.selectTab("tcpServer");
            driver.dialogs().answerClose(true);
            assertTrue(fx(() -> driver.app().strip().close(windowTab)));
        }
        await().atMost(AppDriver.TIMEOUT).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return true;
            }
        });
    }

    @Test
    void theTabFitsTheSmallWindowWithAChunkHeld() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", 1024);
        preferences.child("window").putDouble("height", 640);
        launch(preferences);
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            driver.click(T + "#interceptClientToServer");
            write(client, "hello");
            driver.waitUntil(() -> heldChunks().getItems().size() == 1);
            WaitForAsyncUtils.waitForFxEvents();
            fxRun(() -> driver.stage().getScene().getRoot().layout());
            assertEquals(List.of(), fx(() -> LayoutProblems.of(driver.stage().getScene())));
            snapshot("relay-held-1024x640");
            showFaults();
            WaitForAsyncUtils.waitForFxEvents();
            fxRun(() -> driver.stage().getScene().getRoot().layout());
            assertEquals(List.of(), fx(() -> LayoutProblems.of(driver.stage().getScene())));
            snapshot("relay-faults-1024x640");
        }
    }

    /** With {@code -Dlayout.snapshots=DIR}, the window as a PNG in DIR, to look at (as {@link WindowFitTest}). */
    private void snapshot(String name) throws Exception {
        String dir = System.getProperty("layout.snapshots");
        if (dir != null) {
            Screenshots.writeTo(driver.stage().getScene(), java.nio.file.Path.of(dir, name + ".png"));
        }
    }

    private <T> void pick(String query, T value) {
        fxRun(() -> driver.<javafx.scene.control.ComboBox<T>>node(query).setValue(value));
    }

    /** The node and every parent are visible. */
    private boolean shown(String query) {
        return fx(() -> {
            for (javafx.scene.Node node = driver.node(query); node != null; node = node.getParent()) {
                if (!node.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private Object heldFormat() {
        return fx(() -> driver.<javafx.scene.control.ComboBox<?>>node(T + "#heldFormat").getValue());
    }

    @Test
    void aBinaryHeldChunkSwitchesToTextWithEscapesAndTheFormatBoxNeverDisagrees() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            driver.click(T + "#interceptClientToServer");
            client.getOutputStream().write(new byte[]{(byte) 0xff, 0x41});
            driver.waitUntil(() -> heldChunks().getItems().size() == 1);
            driver.waitUntil(() -> driver.text(T + "#heldEditor").equals("\\xffA"));
            pick(T + "#heldFormat", com.socketworkbench.engine.codec.PayloadFormat.HEX);
            assertEquals("ff 41", driver.text(T + "#heldEditor"));
            pick(T + "#heldFormat", com.socketworkbench.engine.codec.PayloadFormat.TEXT);
            assertEquals("\\xffA", driver.text(T + "#heldEditor"), "bytes that are not UTF-8 show as escapes");
            assertEquals(com.socketworkbench.engine.codec.PayloadFormat.TEXT, heldFormat());
            assertFalse(fx(() -> driver.node(T + "#heldEditorMessage").isVisible()));

            pick(T + "#heldFormat", com.socketworkbench.engine.codec.PayloadFormat.HEX);
            driver.setText(T + "#heldEditor", "ff 4");
            pick(T + "#heldFormat", com.socketworkbench.engine.codec.PayloadFormat.TEXT);
            assertEquals(com.socketworkbench.engine.codec.PayloadFormat.HEX, heldFormat(),
                    "the box goes back to the editor's format");
            assertEquals("ff 4", driver.text(T + "#heldEditor"));
            assertTrue(driver.text(T + "#heldEditorMessage").startsWith("Stayed in Hex: "),
                    driver.text(T + "#heldEditorMessage"));
            assertTrue(fx(() -> driver.node(T + "#heldEditorMessage").isVisible()));
            driver.setText(T + "#heldEditor", "ff 41");
            driver.click(T + "#forward");
            byte[] back = client.getInputStream().readNBytes(2);
            assertArrayEquals(new byte[]{(byte) 0xff, 0x41}, back);
        }
    }

    @Test
    void forwardAllDropAllAndSwitchingInterceptOffReleaseWhatIsHeld() throws Exception {
        launch();
        try (EchoServer echo = new EchoServer(); Socket client = connect(startRelay(echo.port()))) {
            assertTrue(driver.disabled(T + "#forwardAll"), "nothing held");
            driver.click(T + "#interceptClientToServer");
            driver.waitUntil(() -> driver.<CheckBox>node(T + "#interceptClientToServer").isSelected());
            write(client, "a");
            driver.waitUntil(() -> heldChunks().getItems().size() == 1);
            write(client, "b");
            driver.waitUntil(() -> heldChunks().getItems().size() == 2);
            driver.click(T + "#forwardAll");
            assertEquals("ab", read(client, 2));
            driver.waitUntil(() -> heldChunks().getItems().isEmpty());

            write(client, "x");
            driver.waitUntil(() -> heldChunks().getItems().size() == 1);
            driver.click(T + "#interceptClientToServer");
            assertEquals("x", read(client, 1), "intercept off forwards what is held that way");
            driver.waitUntil(() -> heldChunks().getItems().isEmpty());

            driver.click(T + "#interceptClientToServer");
            write(client, "y");
            driver.waitUntil(() -> heldChunks().getItems().size() == 1);
            driver.click(T + "#dropAll");
            driver.waitUntil(() -> heldChunks().getItems().isEmpty());
            driver.waitForRow(T + "#timeline", row -> row.event() instanceof com.socketworkbench.engine.event.Notice n
                    && n.message().equals("Dropped a held chunk client → server (1 byte): \"y\""));
            assertEquals(3, echo.received(), "y never reached the server");
        }
    }

    @Test
    void aUdpPairIsForgottenWithOneButtonAndStopKeepsTheFinalCounters() throws Exception {
        launch();
        try (java.net.DatagramSocket server = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress());
             java.net.DatagramSocket client = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            pick(T + "#transport", com.socketworkbench.engine.relay.RelayTransport.UDP);
            assertTrue(shown(T + "#udpIdle"));
            assertFalse(shown(T + "#connectTimeout"), "TCP only");
            driver.setText(T + "#udpIdle", "0");
            assertEquals("The UDP pair idle time (seconds): a whole number from 1 to 86,400",
                    driver.text(T + "#udpIdleMessage"));
            assertTrue(driver.disabled(T + "#startStop"));
            driver.setText(T + "#udpIdle", "30");
            int port = startRelay(server.getLocalPort());
            assertTrue(driver.disabled(T + "#udpIdle"), "locked while the relay runs");
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            client.send(new java.net.DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
            server.receive(new java.net.DatagramPacket(new byte[64], 64));
            driver.waitUntil(() -> pairs().getItems().size() == 1 && onlyPair().chunksClientToServer() == 1);

            assertTrue(shown(T + "#forgetPair"));
            assertFalse(shown(T + "#closeClientFin"), "UDP has no FIN or RST");
            fxRun(() -> pairs().getSelectionModel().select(0));
            driver.click(T + "#forgetPair");
            driver.waitUntil(() -> !onlyPair().open());

            client.send(new java.net.DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
            server.receive(new java.net.DatagramPacket(new byte[64], 64));
            driver.waitUntil(() -> pairs().getItems().size() == 2
                    && pairs().getItems().get(1).snapshot().chunksClientToServer() == 1);
            driver.click(T + "#startStop");
            driver.waitUntil(() -> tab.model().state() == ListenerState.STOPPED);
            List<PairSnapshot> kept = fx(() -> pairs().getItems().stream().map(PairRow::snapshot).toList());
            assertEquals(2, kept.size(), "the pairs stay after Stop");
            assertTrue(kept.stream().noneMatch(PairSnapshot::open));
            assertEquals(4, kept.get(1).bytesClientToServer(), "with their final counters");
        }
    }

    /** A JDK echo server on loopback: every connection gets its bytes straight back; counts what it received. */
    static final class EchoServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong accepted = new AtomicLong();
        private final Thread acceptor;

        EchoServer() throws IOException {
            acceptor = Thread.ofVirtual().name("test-echo-accept").start(this::accept);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofVirtual().name("test-echo").start(() -> echo(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void echo(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    received.addAndGet(n);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // The relay reset or closed the connection: the test looks at what the client saw.
            }
        }

        int port() {
            return server.getLocalPort();
        }

        long accepted() {
            return accepted.get();
        }

        long received() {
            return received.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            acceptor.interrupt();
        }
    }
}
