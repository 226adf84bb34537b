package com.socketworkbench.ui.repeat;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.ui.tcpclient.TcpClientTab;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.udp.UdpTab;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Periodic send and send file in the real app, each socket tab against a JDK peer on loopback: five sends at 10 ms
 * arrive, a file arrives byte-exact with the progress at 100 %, UDP cuts a file into datagrams of the chosen size,
 * disconnecting stops a run, and bad input is said at its field.
 */
@Timeout(90)
class SendToolsTabsTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    private final AppDriver driver = new AppDriver();
    @TempDir
    Path dir;

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    private Path randomFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private boolean shown(String selector) {
        return driver.robot().lookup(selector).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Opens a panel and waits for its content, which joins the scene with its scroll pane's skin. */
    private void open(String tab, String toggle, String panel) {
        driver.click("#" + tab + " #" + toggle);
        driver.waitUntil(() -> shown("#" + tab + " #" + panel + " .button"));
    }

    private void repeatFiveAt10Ms(String tab) {
        open(tab, "repeatSendToggle", "repeatSend");
        driver.setText("#" + tab + " #repeatInterval", "10");
        driver.setText("#" + tab + " #repeatTimes", "5");
        driver.click("#" + tab + " #repeatStart");
    }

    private void sendFile(String tab, Path file) {
        open(tab, "sendFileToggle", "sendFile");
        driver.setText("#" + tab + " #sendFilePath", file.toString());
        driver.click("#" + tab + " #sendFileStart");
    }

    private void waitForFileDone(String tab, Path file) {
        driver.waitUntil(() -> driver.<ProgressBar>node("#" + tab + " #sendFileProgress").getProgress() == 1.0
                && driver.text("#" + tab + " #sendFileStart").equals("Start"));
        String status = driver.text("#" + tab + " #sendFileStatus");
        assertTrue(status.startsWith("Sent " + file.getFileName() + ": "), status);
        assertTrue(driver.text("#" + tab + " #sendFileBytes").endsWith("(100 %)"),
                driver.text("#" + tab + " #sendFileBytes"));
    }

    @Test
    void tcpClientRepeatsFiveTimesSendsAFileAndStopsARunWhenDisconnected() throws Exception {
        driver.selectTab("tcpClient");
        Path file = randomFile("client.bin", 300_000);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                InputStream in = peer.getInputStream();
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                driver.setText("#tcpClient #input", "ping");
                byte[] one = fx(() -> clientTab().model().sendEditor().encode().orElseThrow());

                repeatFiveAt10Ms("tcpClient");
                byte[] five = in.readNBytes(5 * one.length);
                byte[] expected = new byte[0];
                for (int i = 0; i < 5; i++) {
                    expected = concat(expected, one);
                }
                assertArrayEquals(expected, five);
                driver.waitUntil(() -> driver.text("#tcpClient #repeatCount").equals("5 sent")
                        && driver.text("#tcpClient #repeatStatus").equals("Done: 5 sends"));

                // Choose… with the file chooser answered by the test.
                fxRun(() -> clientTab().clientView().sendFile().setFileChooser(owner -> Optional.of(file)));
                open("tcpClient", "sendFileToggle", "sendFile");
                driver.click("#tcpClient #sendFileChoose");
                assertEquals(file.toString(), driver.text("#tcpClient #sendFilePath"));
                assertTrue(!shown("#tcpClient #repeatSend"), "one side panel at a time");
                driver.click("#tcpClient #sendFileStart");
                assertArrayEquals(Files.readAllBytes(file), in.readNBytes(300_000));
                waitForFileDone("tcpClient", file);

                // A run until stopped ends when the connection does.
                open("tcpClient", "repeatSendToggle", "repeatSend");
                driver.click("#tcpClient #repeatUntilStopped");
                driver.setText("#tcpClient #repeatInterval", "20");
                driver.click("#tcpClient #repeatStart");
                driver.waitUntil(() -> driver.text("#tcpClient #repeatStart").equals("Stop"));
                driver.click("#tcpClient #connect");
                driver.waitUntil(() -> driver.text("#tcpClient #repeatStart").equals("Start"));
                assertTrue(driver.text("#tcpClient #repeatStatus").startsWith("Stopped after"),
                        driver.text("#tcpClient #repeatStatus"));
            }
        }
    }

    @Test
    void tcpServerRepeatsAndSendsAFileToTheSelectedClient() throws Exception {
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        Matcher listening = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(listening.matches());
        Path file = randomFile("server.bin", 200_000);
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(listening.group(1)))) {
            peer.setSoTimeout(10_000);
            InputStream in = peer.getInputStream();
            driver.waitUntil(() -> driver.<TableView<?>>node("#tcpServer #clients").getSelectionModel()
                    .getSelectedItem() != null);
            driver.setText("#tcpServer #input", "tick");
            byte[] one = fx(() -> ((TcpServerTab) tab("tcpServer")).model()
                    .sendEditor().encode().orElseThrow());

            repeatFiveAt10Ms("tcpServer");
            byte[] five = in.readNBytes(5 * one.length);
            assertEquals(5 * one.length, five.length);
            assertArrayEquals(one, Arrays.copyOfRange(five, 4 * one.length, 5 * one.length));
            driver.waitUntil(() -> driver.text("#tcpServer #repeatCount").equals("5 sent"));

            sendFile("tcpServer", file);
            assertArrayEquals(Files.readAllBytes(file), in.readNBytes(200_000));
            waitForFileDone("tcpServer", file);
        }
    }

    @Test
    void udpRepeatsAndCutsAFileIntoDatagramsOfTheChosenSize() throws Exception {
        driver.selectTab("udp");
        Path file = randomFile("udp.bin", 2_500);
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(10_000);
            driver.setText("#udp #targetHost", "127.0.0.1");
            driver.setText("#udp #targetPort", Integer.toString(peer.getLocalPort()));
            driver.setText("#udp #input", "beat");
            byte[] one = fx(() -> ((UdpTab) tab("udp")).model().sendEditor().encode()
                    .orElseThrow());

            repeatFiveAt10Ms("udp");
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(one, receive(peer));
            }
            driver.waitUntil(() -> driver.text("#udp #repeatCount").equals("5 sent"));

            open("udp", "sendFileToggle", "sendFile");
            driver.setText("#udp #sendFileDatagramSize", "1000");
            driver.setText("#udp #sendFilePath", file.toString());
            driver.click("#udp #sendFileStart");
            List<byte[]> datagrams = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                datagrams.add(receive(peer));
            }
            assertEquals(List.of(1000, 1000, 500), datagrams.stream().map(d -> d.length).toList());
            assertArrayEquals(Files.readAllBytes(file), concat(concat(datagrams.get(0), datagrams.get(1)),
                    datagrams.get(2)));
            waitForFileDone("udp", file);

            // Closing the tab ends a run, even one waiting out a one-hour interval.
            RepeatSendModel repeat = fx(() -> ((UdpTab) tab("udp")).model().sendTools()
                    .repeat());
            open("udp", "repeatSendToggle", "repeatSend");
            fxRun(() -> driver.<ComboBox<IntervalUnit>>node("#udp #repeatUnit")
                    .setValue(IntervalUnit.MINUTES));
            driver.setText("#udp #repeatInterval", "60");
            driver.click("#udp #repeatUntilStopped");
            driver.click("#udp #repeatStart");
            assertArrayEquals(one, receive(peer));
            assertTrue(fx(repeat::isRunning));
            driver.dialogs().answerClose(true);
            driver.robot().press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
            driver.waitUntil(() -> driver.robot().lookup("#udp").tryQuery().isEmpty() && !repeat.isRunning());
            assertEquals("Stopped after 1 send", fx(() -> repeat.status().text()));
        }
    }

    @Test
    void badInputIsSaidAtItsField() throws Exception {
        driver.selectTab("tcpClient");
        open("tcpClient", "repeatSendToggle", "repeatSend");
        driver.setText("#tcpClient #repeatInterval", "0");
        assertEquals("Enter a whole number from 1 to 3,600,000", driver.text("#tcpClient #repeatIntervalMessage"));
        driver.setText("#tcpClient #repeatInterval", "abc");
        assertEquals("'abc' is not a whole number", driver.text("#tcpClient #repeatIntervalMessage"));
        assertTrue(shown("#tcpClient #repeatIntervalMessage"));
        driver.setText("#tcpClient #repeatTimes", "");
        assertEquals("Enter a whole number", driver.text("#tcpClient #repeatTimesMessage"));
        driver.click("#tcpClient #repeatStart");
        assertEquals("Correct the fields above first", driver.text("#tcpClient #repeatStatus"));

        driver.setText("#tcpClient #repeatInterval", "10");
        driver.setText("#tcpClient #repeatTimes", "3");
        driver.setText("#tcpClient #repeatJitter", "6");
        assertEquals("At most half the interval: 5 ms", driver.text("#tcpClient #repeatJitterMessage"));
        driver.setText("#tcpClient #repeatJitter", "0");
        assertTrue(!shown("#tcpClient #repeatIntervalMessage") && !shown("#tcpClient #repeatJitterMessage"));
        driver.click("#tcpClient #repeatStart");
        assertEquals("Cannot start: Connect first", driver.text("#tcpClient #repeatStatus"));
        assertEquals("Start", driver.text("#tcpClient #repeatStart"));

        open("tcpClient", "sendFileToggle", "sendFile");
        driver.setText("#tcpClient #sendFilePath", dir.resolve("missing.bin").toString());
        assertEquals("No file at " + dir.resolve("missing.bin"), driver.text("#tcpClient #sendFilePathMessage"));
        driver.setText("#tcpClient #sendFilePath", dir.toString());
        assertEquals(dir + " is a folder, not a file", driver.text("#tcpClient #sendFilePathMessage"));
        driver.setText("#tcpClient #sendFileRateLimit", "fast");
        assertEquals("'fast' is not a whole number", driver.text("#tcpClient #sendFileRateLimitMessage"));

        driver.selectTab("udp");
        open("udp", "sendFileToggle", "sendFile");
        driver.setText("#udp #sendFileDatagramSize", "70000");
        assertEquals("Enter a whole number from 1 to 65,507", driver.text("#udp #sendFileDatagramSizeMessage"));
    }

    private static byte[] receive(DatagramSocket peer) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        peer.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private TcpClientTab clientTab() {
        return (TcpClientTab) tab("tcpClient");
    }

    private WorkbenchTab tab(String id) {
        return driver.app().tabs().stream().filter(tab -> tab.id().equals(id)).findFirst().orElseThrow();
    }
}
