package com.socketworkbench.ui.messages;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.workspace.SavedMessage;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

/**
 * The messages panel in the real app: saved from the TCP client's editor, sent with a double-click and with Ctrl+1 to
 * a JDK server socket on loopback, seen in the TCP server tab's panel too (one library), and a saved hex message
 * sent by the UDP tab to a loopback DatagramSocket.
 */
@Timeout(60)
class MessagesTabsTest {
    private static final Pattern BOUND = Pattern.compile("Bound to 127\\.0\\.0\\.1:(\\d+)");
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    private void saveEditorAs(String tab, String name, String note) {
        driver.click("#" + tab + " #saveMessage");
        // The panel's content joins the scene with its scroll pane's skin, at the next pulse.
        driver.waitUntil(() -> shown("#" + tab + " #messageForm"));
        driver.setText("#" + tab + " #messageName", name);
        driver.setText("#" + tab + " #messageNote", note);
        driver.click("#" + tab + " #confirmMessage");
        driver.waitUntil(() -> !shown("#" + tab + " #messageForm"));
    }

    private boolean shown(String selector) {
        return driver.robot().lookup(selector).tryQuery().map(Node::isVisible).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private List<String> listed(String tab) {
        return fx(() -> driver.<ListView<SavedMessage>>node("#" + tab + " #messageList").getItems().stream()
                .map(SavedMessage::name).toList());
    }

    private Node cell(String tab, String name) {
        return driver.robot().lookup("#" + tab + " #messageList .list-cell")
                .match((Node node) -> node instanceof ListCell<?> cell && cell.getItem() instanceof SavedMessage m
                        && m.name().equals(name))
                .query();
    }

    @Test
    void savedInTheTcpClientSentByDoubleClickAndCtrl1AndSharedWithTheServerTab() throws Exception {
        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #input", "hello\\r\\n");
        saveEditorAs("tcpClient", "greet", "says hello");
        assertEquals(List.of("greet"), listed("tcpClient"));
        assertTrue(fx(() -> driver.<ToggleButton>node("#tcpClient #messagesToggle").isSelected()),
                "saving opened the panel");

        // Not connected: the send is refused with the tab's own reason, in the panel.
        driver.robot().doubleClickOn(cell("tcpClient", "greet"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("“greet” not sent: Connect first", driver.text("#tcpClient #messagesStatus"));

        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                driver.setText("#tcpClient #input", "not this");
                InputStream in = peer.getInputStream();

                driver.robot().doubleClickOn(cell("tcpClient", "greet"));
                assertArrayEquals(new byte[]{'h', 'e', 'l', 'l', 'o', '\r', '\n'}, in.readNBytes(7));
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesSent sent
                        && Arrays.equals(sent.data(), "hello\r\n".getBytes()));

                driver.robot().press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
                assertArrayEquals(new byte[]{'h', 'e', 'l', 'l', 'o', '\r', '\n'}, in.readNBytes(7));
                driver.waitUntil(() -> driver.text("#tcpClient #messagesStatus").equals("Sent “greet” (7 B)"));
                assertEquals("not this", driver.text("#tcpClient #input"), "the editor is left alone");

                driver.click("#tcpClient #messagesToggle");
                driver.waitUntil(() -> !shown("#tcpClient #messageList"));
                driver.robot().clickOn("#tcpClient #input");
                driver.robot().press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
                assertArrayEquals(new byte[]{'h', 'e', 'l', 'l', 'o', '\r', '\n'}, in.readNBytes(7),
                        "Ctrl+1 sends with the panel closed too");
                assertEquals("not this", driver.text("#tcpClient #input"), "and types nothing");
            }
        }

        driver.selectTab("tcpServer");
        driver.click("#tcpServer #messagesToggle");
        driver.waitUntil(() -> shown("#tcpServer #messageList"));
        assertEquals(List.of("greet"), listed("tcpServer"), "one library for every socket tab");
        assertFalse(fx(() -> driver.<ToggleButton>node("#tcpServer #socketPanelToggle").isSelected()));
    }

    @Test
    void invalidEditorInputIsNotSavedAndTheEditorsMessageIsShown() {
        driver.selectTab("tcpClient");
        fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#tcpClient #inputFormat").setValue(PayloadFormat.HEX));
        driver.setText("#tcpClient #input", "41 4");
        String editorMessage = driver.text("#tcpClient #inputMessage");
        assertFalse(editorMessage.isEmpty());
        driver.click("#tcpClient #saveMessage");
        driver.waitUntil(() -> shown("#tcpClient #messagesStatus"));
        assertEquals(editorMessage, driver.text("#tcpClient #messagesStatus"), "the panel opened to say why");
        assertFalse(shown("#tcpClient #messageForm"));
        assertEquals(List.of(), listed("tcpClient"));
    }

    @Test
    void theUdpTabSendsASavedHexMessageToItsTarget() throws Exception {
        driver.selectTab("udp");
        driver.setText("#udp #port", "0");
        driver.click("#udp #startStop");
        driver.waitUntil(() -> BOUND.matcher(driver.text("#udp #listeningAddress")).matches());
        Matcher bound = BOUND.matcher(driver.text("#udp #listeningAddress"));
        assertTrue(bound.matches());
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(10_000);
            driver.setText("#udp #targetHost", "127.0.0.1");
            driver.setText("#udp #targetPort", Integer.toString(peer.getLocalPort()));

            fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#udp #inputFormat").setValue(PayloadFormat.HEX));
            driver.setText("#udp #input", "de ad 00 ff");
            saveEditorAs("udp", "probe", "");
            fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#udp #inputFormat").setValue(PayloadFormat.TEXT));
            driver.setText("#udp #input", "text now");

            for (String id : List.of("messages", "saveMessage", "messagesToggle", "messageSearch", "messageList",
                    "sendSavedMessage", "moveMessageUp", "moveMessageDown", "editMessage", "loadMessage",
                    "deleteMessage", "undoDelete", "importMessages", "exportMessages", "closeMessages",
                    "messagesStatus", "messageForm", "messageName", "messageNote", "messageProblem", "confirmMessage",
                    "replaceMessage", "cancelMessage")) {
                assertEquals(1, fx(() -> driver.robot().lookup("#udp #" + id).queryAll().size()),
                        id + " is one node of the tab, never the id of another control");
            }
            driver.robot().clickOn(cell("udp", "probe"));
            driver.click("#udp #sendSavedMessage");
            DatagramPacket packet = new DatagramPacket(new byte[100], 100);
            peer.receive(packet);
            assertArrayEquals(new byte[]{(byte) 0xde, (byte) 0xad, 0, (byte) 0xff},
                    Arrays.copyOf(packet.getData(), packet.getLength()));
            assertEquals(Integer.parseInt(bound.group(1)), packet.getPort(), "sent from the tab's bound port");
        }
    }
}
