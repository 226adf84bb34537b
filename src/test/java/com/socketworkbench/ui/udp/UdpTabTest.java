package com.socketworkbench.ui.udp;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.ui.traffic.EventText;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.input.BindChoice;
import com.socketworkbench.ui.input.BindChoices;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real app's UDP tab against java.net.DatagramSocket peers on 127.0.0.1 only. */
@Timeout(60)
class UdpTabTest {
    private static final Pattern BOUND = Pattern.compile("Bound to 127\\.0\\.0\\.1:(\\d+)( .*)?");

    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        driver.selectTab("udp");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    private int startOnAnyPort() {
        driver.setText("#udp #port", "0");
        driver.click("#udp #startStop");
        driver.waitUntil(() -> BOUND.matcher(driver.text("#udp #listeningAddress")).matches());
        assertEquals("Stop", driver.text("#udp #startStop"));
        return boundPort();
    }

    private int boundPort() {
        Matcher matcher = BOUND.matcher(driver.text("#udp #listeningAddress"));
        assertTrue(matcher.matches(), driver.text("#udp #listeningAddress"));
        int port = Integer.parseInt(matcher.group(1));
        assertTrue(port > 0, "the actual port, not 0");
        return port;
    }

    private static DatagramSocket peer() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(DatagramSocket from, int toPort, byte[] data) throws Exception {
        from.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), toPort));
    }

    private static DatagramPacket receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[70_000], 70_000);
        socket.receive(packet);
        return packet;
    }

    private static byte[] bytes(DatagramPacket packet) {
        return Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
    }

    @SuppressWarnings("unchecked")
    private List<TimelineRow> rows() {
        return fx(() -> List.copyOf(driver.<TableView<TimelineRow>>node("#udp #timeline").getItems()));
    }

    private void sendFromTab(String input) {
        driver.setText("#udp #input", input);
        driver.waitUntil(() -> !driver.disabled("#udp #send"));
        driver.click("#udp #send");
    }

    @Test
    void everyDatagramIsOneRowWithItsSourceAndExactBytes() throws Exception {
        int port = startOnAnyPort();
        try (DatagramSocket peer = peer()) {
            byte[] data = {0x01, 0x02, 'A', (byte) 0xfe};
            send(peer, port, data);
            TimelineRow received = driver.waitForRow("#udp #timeline",
                    row -> row.event() instanceof BytesReceived r && Arrays.equals(r.data(), data));
            InetSocketAddress source = (InetSocketAddress) received.event().remote();
            assertEquals(peer.getLocalPort(), source.getPort(), "the row names the sender's port");
            assertEquals("127.0.0.1:" + peer.getLocalPort(), EventText.peer(received.event()));
            driver.clickRow("#udp #timeline", received);
            assertTrue(driver.listItems("#udp #payloadHex").getFirst().contains("01 02 41 fe"),
                    driver.listItems("#udp #payloadHex").getFirst());
            assertEquals("4 bytes", driver.text("#udp #payloadSize"));

            send(peer, port, new byte[0]);
            TimelineRow empty = driver.waitForRow("#udp #timeline",
                    row -> row.event() instanceof BytesReceived r && r.data().length == 0);
            assertEquals("0 B", EventText.size(empty.event()));

            // Back to back, with no pause: UDP keeps the boundary, so these are two rows, never "onetwo".
            send(peer, port, "one".getBytes(StandardCharsets.US_ASCII));
            send(peer, port, "two".getBytes(StandardCharsets.US_ASCII));
            driver.waitUntilCounted(2, 4);
            List<String> texts = rows().stream().filter(row -> row.event() instanceof BytesReceived)
                    .map(row -> new String(((BytesReceived) row.event()).data(), StandardCharsets.US_ASCII))
                    .toList();
            assertEquals(4, texts.size());
            assertEquals(List.of("", "one", "two"), texts.subList(1, 4));
            assertTrue(driver.text("#udp #datagramCounters").startsWith("Received 4 datagrams"),
                    driver.text("#udp #datagramCounters"));
        }
    }

    @Test
    void sendsTextAndHexFromTheBoundPortAndRepliesToTheSender() throws Exception {
        int port = startOnAnyPort();
        try (DatagramSocket peer = peer(); DatagramSocket other = peer()) {
            driver.setText("#udp #targetHost", "127.0.0.1");
            driver.setText("#udp #targetPort", Integer.toString(peer.getLocalPort()));
            assertEquals("from 127.0.0.1:" + port, driver.text("#udp #sendFrom"));

            sendFromTab("ping\\x00");
            DatagramPacket text = receive(peer);
            assertArrayEquals(new byte[]{'p', 'i', 'n', 'g', 0}, bytes(text));
            assertEquals(port, text.getPort(), "the peer sees the tab's bound port as the source");

            fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#udp #inputFormat").setValue(PayloadFormat.HEX));
            sendFromTab("de ad be ef 00");
            assertArrayEquals(new byte[]{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0}, bytes(receive(peer)));
            driver.waitUntil(() -> rows().stream().filter(row -> row.event() instanceof BytesSent).count() == 2);

            // A datagram from another socket; Reply to sender aims the next send at it.
            assertTrue(driver.disabled("#udp #replyToSender"), "nothing selected yet");
            send(other, port, "who is there?".getBytes(StandardCharsets.US_ASCII));
            TimelineRow question = driver.waitForRow("#udp #timeline", row -> row.event() instanceof BytesReceived);
            driver.clickRow("#udp #timeline", question);
            driver.click("#udp #replyToSender");
            assertEquals("127.0.0.1", driver.text("#udp #targetHost"));
            assertEquals(Integer.toString(other.getLocalPort()), driver.text("#udp #targetPort"));
            sendFromTab("06 00 2a");
            DatagramPacket reply = receive(other);
            assertArrayEquals(new byte[]{0x06, 0x00, 0x2a}, bytes(reply));
            assertEquals(port, reply.getPort());
        }
    }

    @Test
    void anEmptyDatagramIsSentFromTheTabAndItsRowsSaySo() throws Exception {
        int port = startOnAnyPort();
        try (DatagramSocket peer = peer()) {
            driver.setText("#udp #targetHost", "127.0.0.1");
            driver.setText("#udp #targetPort", Integer.toString(peer.getLocalPort()));
            driver.setText("#udp #input", "");
            driver.waitUntil(() -> !driver.disabled("#udp #send"));
            assertEquals("0 B in one datagram", driver.text("#udp #datagramSize"));
            driver.click("#udp #send");
            DatagramPacket packet = receive(peer);
            assertEquals(0, packet.getLength(), "a datagram without payload");
            assertEquals(port, packet.getPort());

            send(peer, port, new byte[0]);
            driver.waitForRow("#udp #timeline", row -> row.event() instanceof BytesReceived r && r.data().length == 0);
            driver.waitForRow("#udp #timeline", row -> row.event() instanceof BytesSent s && s.data().length == 0);
            driver.setText("#udp #timelineFilter", "(empty datagram)");
            driver.waitUntil(() -> rows().size() == 2);
            assertTrue(rows().stream().allMatch(row -> EventText.payload(row.event()).length == 0));
        }
    }

    @Test
    void sendingBeforeStartBindsAFreePortAndSaysWhich() throws Exception {
        assertEquals("Not bound", driver.text("#udp #listeningAddress"));
        try (DatagramSocket peer = peer()) {
            driver.setText("#udp #targetPort", Integer.toString(peer.getLocalPort()));
            sendFromTab("hello");
            DatagramPacket packet = receive(peer);
            assertEquals("hello", new String(bytes(packet), StandardCharsets.US_ASCII));
            int sourcePort = packet.getPort();

            driver.waitUntil(() -> driver.text("#udp #listeningAddress")
                    .equals("Bound to 127.0.0.1:" + sourcePort + " (a free port, for sending)"));
            assertEquals("Stop", driver.text("#udp #startStop"));
            assertEquals("from 127.0.0.1:" + sourcePort, driver.text("#udp #sendFrom"));
            driver.waitForRow("#udp #timeline", row -> row.event() instanceof Notice notice
                    && notice.message().equals("Not started: bound 127.0.0.1:" + sourcePort + " to send"));

            // The bound socket receives the peer's answer too.
            send(peer, sourcePort, "answer".getBytes(StandardCharsets.US_ASCII));
            driver.waitForRow("#udp #timeline", row -> row.event() instanceof BytesReceived r
                    && new String(r.data(), StandardCharsets.US_ASCII).equals("answer"));

            driver.click("#udp #startStop");
            driver.waitUntil(() -> driver.text("#udp #startStop").equals("Start"));
            assertEquals("Not bound", driver.text("#udp #listeningAddress"));
        }
    }

    @Test
    void anOversizePayloadIsRefusedBeforeSendingWithTheReason() {
        driver.setText("#udp #targetPort", "9");
        driver.setText("#udp #input", "a".repeat(65_508));
        driver.waitUntil(() -> driver.disabled("#udp #send"));
        assertEquals("Too large for one UDP datagram: 65,508 bytes; one datagram to an IPv4 address carries at most "
                + "65,507 (65,535 − 20 IP header − 8 UDP header)", driver.text("#udp #sendTargetHint"));
        assertEquals("65,508 B in one datagram", driver.text("#udp #datagramSize"));

        driver.setText("#udp #targetHost", "::1");
        driver.waitUntil(() -> !driver.disabled("#udp #send"));
        driver.setText("#udp #input", "a".repeat(65_528));
        driver.waitUntil(() -> driver.disabled("#udp #send"));
        assertTrue(driver.text("#udp #sendTargetHint").contains("IPv6 address carries at most 65,527"),
                driver.text("#udp #sendTargetHint"));

        driver.setText("#udp #targetHost", "127.0.0.1");
        driver.setText("#udp #input", "a".repeat(65_507));
        driver.waitUntil(() -> !driver.disabled("#udp #send"));
        assertEquals("", driver.text("#udp #sendTargetHint"));
        assertTrue(rows().isEmpty(), "nothing was sent");
    }

    @Test
    void aBadTargetPortExplainsItselfAndDisablesSend() {
        driver.setText("#udp #input", "x");
        driver.setText("#udp #targetPort", "70000");
        assertEquals("Port must be a number from 1 to 65535", driver.text("#udp #targetPortMessage"));
        assertTrue(fx(() -> driver.node("#udp #targetPortMessage").isVisible()));
        assertTrue(driver.disabled("#udp #send"));
        assertEquals("Enter the target port (1–65535)", driver.text("#udp #sendTargetHint"));

        driver.setText("#udp #targetPort", "0");
        assertTrue(driver.disabled("#udp #send"), "0 is no destination");
        driver.setText("#udp #targetPort", "5000");
        assertFalse(driver.disabled("#udp #send"));
        assertFalse(fx(() -> driver.node("#udp #targetPortMessage").isVisible()));

        driver.setText("#udp #targetHost", " ");
        assertTrue(driver.disabled("#udp #send"));
        assertFalse(driver.text("#udp #targetHostMessage").isEmpty());
    }

    @Test
    void aGroupThatIsNotMulticastGetsAClearMessage() {
        fxRun(() -> driver.<TitledPane>node("#udp #options").setExpanded(true));
        assertTrue(driver.node("#udp #socketOptions").isVisible(), "the socket options panel is open");
        driver.setText("#udp #multicastGroup", "10.1.2.3");
        assertEquals("10.1.2.3 is not a multicast address: " + MulticastGroupCheck.ranges(),
                driver.text("#udp #multicastMessage"));
        assertTrue(driver.disabled("#udp #join"));

        driver.setText("#udp #multicastGroup", "2001:db8::1");
        assertTrue(driver.text("#udp #multicastMessage").startsWith("2001:db8::1 is not a multicast address"));

        driver.setText("#udp #multicastGroup", "my-group");
        assertTrue(driver.text("#udp #multicastMessage").startsWith("'my-group' is not an IP address"));

        driver.setText("#udp #multicastGroup", "239.1.2.3");
        assertTrue(driver.text("#udp #multicastMessage").startsWith("Start first"),
                driver.text("#udp #multicastMessage"));
        assertTrue(driver.disabled("#udp #join"), "joining needs a bound socket");

        driver.setText("#udp #multicastGroup", "ff05::1:3");
        assertTrue(driver.text("#udp #multicastMessage").startsWith("Start first"));
        driver.setText("#udp #multicastGroup", "");
        assertFalse(fx(() -> driver.node("#udp #multicastMessage").isVisible()));
    }

    @Test
    void aBroadcastAddressWithoutTheOptionIsRefusedInlineAndNotified() throws Exception {
        // 127.255.255.255 is loopback's broadcast address: refused by the engine before anything is sent.
        startOnAnyPort();
        driver.setText("#udp #targetHost", "127.255.255.255");
        driver.setText("#udp #targetPort", "9");
        sendFromTab("hi");
        String expected = "Sending to the broadcast address 127.255.255.255 needs the Broadcast option (SO_BROADCAST)";
        driver.waitUntil(() -> driver.text("#udp #sendMessage").equals(expected));
        driver.waitUntil(() -> driver.<NotificationPane>node("#udp #notifications").isShowing());
        assertEquals(expected, fx(() -> driver.<NotificationPane>node("#udp #notifications").getText()));
        TimelineRow failure = driver.waitForRow("#udp #timeline", row -> row.event() instanceof Failure);
        assertEquals(FailureKind.INVALID_INPUT, ((Failure) failure.event()).kind());
        assertTrue(rows().stream().noneMatch(row -> row.event() instanceof BytesSent));
    }

    @Test
    void reuseAddressSharesAPortAndWithoutItTheRefusalSaysHow() throws Exception {
        try (DatagramSocket holder = new DatagramSocket(null)) {
            holder.setReuseAddress(true);
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = holder.getLocalPort();
            driver.setText("#udp #port", Integer.toString(port));
            driver.click("#udp #startStop");
            TimelineRow refused = driver.waitForRow("#udp #timeline", row -> row.event() instanceof Failure);
            assertEquals("UDP port " + port + " on 127.0.0.1 is already in use by another program; to bind it too, "
                    + "turn on Reuse address (SO_REUSEADDR) here and on the socket holding it",
                    ((Failure) refused.event()).message());
            driver.waitUntil(() -> driver.text("#udp #startStop").equals("Start"));

            fxRun(() -> driver.<TitledPane>node("#udp #options").setExpanded(true));
            assertFalse(driver.disabled("#udp #reuseAddress"));
            driver.click("#udp #reuseAddress");
            assertTrue(fx(() -> driver.<TitledPane>node("#udp #options").getText()).contains("reuse address"));
            driver.click("#udp #startStop");
            driver.waitUntil(() -> BOUND.matcher(driver.text("#udp #listeningAddress")).matches());
            assertEquals(port, boundPort(), "the port is shared with the holder");
            assertTrue(driver.disabled("#udp #reuseAddress"), "applies when binding: fixed while bound");
        }
    }

    @Test
    void aPortInUseIsSaidAtThePortFieldUntilEditedAndAStartSucceeds() throws Exception {
        int port;
        try (DatagramSocket holder = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = holder.getLocalPort();
            driver.setText("#udp #port", Integer.toString(port));
            driver.click("#udp #startStop");
            driver.waitForPortInUse("#udp #port", port);
            driver.waitUntil(() -> driver.text("#udp #startStop").equals("Start"));
            assertFalse(driver.disabled("#udp #startStop"), "Start can try again once the other program lets go");

            // Reuse address changes whether the port can be bound: what the last start found no longer holds.
            fxRun(() -> driver.<TitledPane>node("#udp #options").setExpanded(true));
            driver.click("#udp #reuseAddress");
            driver.waitUntil(() -> driver.text("#udp #portMessage").isEmpty() && !driver.decorated("#udp #port"));
            driver.click("#udp #reuseAddress");

            driver.click("#udp #startStop");
            driver.waitForPortInUse("#udp #port", port);
            driver.waitUntil(() -> driver.text("#udp #startStop").equals("Start"));
            driver.setText("#udp #port", "0");
            driver.waitUntil(() -> driver.text("#udp #portMessage").isEmpty() && !driver.decorated("#udp #port"));
            driver.setText("#udp #port", Integer.toString(port));
            driver.click("#udp #startStop");
            driver.waitForPortInUse("#udp #port", port);
            driver.waitUntil(() -> driver.text("#udp #startStop").equals("Start"));
        }
        driver.click("#udp #startStop");
        driver.waitUntil(() -> BOUND.matcher(driver.text("#udp #listeningAddress")).matches());
        assertEquals(port, boundPort());
        assertEquals("", driver.text("#udp #portMessage"));
        assertFalse(driver.decorated("#udp #port"));
    }

    @Test
    void aDatagramLargerThanTheReceiveLimitIsShownTruncated() throws Exception {
        int port = startOnAnyPort();
        fxRun(() -> driver.<TitledPane>node("#udp #options").setExpanded(true));
        fxRun(() -> driver.<javafx.scene.control.Spinner<Integer>>node("#udp #receiveLimit")
                .getValueFactory().setValue(8));
        try (DatagramSocket peer = peer()) {
            send(peer, port, "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII));
            TimelineRow row = driver.waitForRow("#udp #timeline", r -> r.event() instanceof BytesReceived);
            BytesReceived received = (BytesReceived) row.event();
            assertTrue(received.truncated());
            assertEquals("01234567", new String(received.data(), StandardCharsets.US_ASCII));
            assertEquals("8 B · truncated", EventText.size(received));
        }
    }

    @Test
    void connectedModeReportsThatNothingListensThere() throws Exception {
        int closedPort;
        try (DatagramSocket probe = peer()) {
            closedPort = probe.getLocalPort();
        }
        startOnAnyPort();
        driver.setText("#udp #targetPort", Integer.toString(closedPort));
        driver.click("#udp #connectedMode");
        driver.waitUntil(() -> driver.text("#udp #sendFrom").endsWith("connected to 127.0.0.1:" + closedPort));
        assertTrue(driver.disabled("#udp #targetPort"), "the target is fixed while connected");

        sendFromTab("anyone?");
        TimelineRow unreachable = driver.waitForRow("#udp #timeline", row -> row.event() instanceof Failure f
                && f.kind() == FailureKind.CONNECTION_REFUSED);
        assertTrue(((Failure) unreachable.event()).message().startsWith("ICMP port unreachable"),
                ((Failure) unreachable.event()).message());

        driver.click("#udp #connectedMode");
        driver.waitForRow("#udp #timeline", row -> row.event() instanceof Notice notice
                && notice.message().startsWith("Disconnected"));
        assertFalse(driver.disabled("#udp #targetPort"));
    }

    @Test
    void ipv6LoopbackReceivesAndRepliesThroughTheContextMenu() throws Exception {
        DatagramSocket peer;
        try {
            peer = new DatagramSocket(new InetSocketAddress(InetAddress.ofLiteral("::1"), 0));
        } catch (java.net.SocketException noIpv6) {
            Assumptions.abort("IPv6 loopback is not available here: " + noIpv6.getMessage());
            return;
        }
        try (peer) {
            peer.setSoTimeout(10_000);
            fxRun(() -> driver.<ComboBox<BindChoice>>node("#udp #bindAddress").setValue(BindChoices.LOOPBACK_V6));
            driver.setText("#udp #port", "0");
            driver.click("#udp #startStop");
            Pattern v6 = Pattern.compile("Bound to \\[::1]:(\\d+)");
            driver.waitUntil(() -> v6.matcher(driver.text("#udp #listeningAddress")).matches());
            Matcher matcher = v6.matcher(driver.text("#udp #listeningAddress"));
            assertTrue(matcher.matches());
            int port = Integer.parseInt(matcher.group(1));

            peer.send(new DatagramPacket(new byte[]{'v', '6'}, 2, InetAddress.ofLiteral("::1"), port));
            TimelineRow received = driver.waitForRow("#udp #timeline", row -> row.event() instanceof BytesReceived);
            assertEquals("[::1]:" + peer.getLocalPort(), EventText.peer(received.event()));

            driver.setText("#udp #targetHost", "127.0.0.1");
            Node rowNode = driver.robot().lookup("#udp #timeline .table-row-cell")
                    .match((Node node) -> node instanceof TableRow<?> row && row.getItem() == received).query();
            driver.robot().rightClickOn(rowNode);
            WaitForAsyncUtils.waitForFxEvents();
            driver.robot().clickOn(driver.robot().lookup(".context-menu .menu-item").<Node>query());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("::1", driver.text("#udp #targetHost"));
            assertEquals(Integer.toString(peer.getLocalPort()), driver.text("#udp #targetPort"));

            sendFromTab("back\\n");
            DatagramPacket reply = receive(peer);
            assertEquals("back\n", new String(bytes(reply), StandardCharsets.US_ASCII));
            assertEquals(port, reply.getPort());
        }
    }

    @Test
    void joiningAnIpv6GroupOnAnIpv4SocketIsExplained() {
        // Refused by the engine before any membership is made: no multicast traffic.
        startOnAnyPort();
        fxRun(() -> driver.<TitledPane>node("#udp #options").setExpanded(true));
        driver.setText("#udp #multicastGroup", "ff05::1:3");
        assertFalse(driver.disabled("#udp #join"));
        driver.click("#udp #join");
        driver.waitUntil(() -> driver.text("#udp #multicastMessage").startsWith("ff05::1:3 is an IPv6 group"));
        assertTrue(driver.text("#udp #multicastMessage").endsWith("bind to :: to join IPv6 groups"),
                driver.text("#udp #multicastMessage"));
        assertTrue(driver.listItems("#udp #groups").isEmpty());
    }

    @Test
    void theGrantedReceiveBufferAndKernelDropsAreShownWhileBound() {
        assertEquals("asks for 4,194,304 B when started", driver.text("#udp #receiveBufferInfo"));
        assertEquals("Kernel drops: —", driver.text("#udp #kernelDrops"));
        startOnAnyPort();
        assertTrue(driver.text("#udp #receiveBufferInfo").startsWith("granted "),
                driver.text("#udp #receiveBufferInfo"));
        driver.waitUntil(() -> driver.text("#udp #kernelDrops").matches("Kernel drops: (\\d+|not reported)"));
        assertTrue(driver.app().tabs().get(2).status().stateProperty().get().startsWith("UDP bound to 127.0.0.1:"));
    }
}
