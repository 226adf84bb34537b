package com.socketworkbench.app;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tcpserver.SendTarget;
import com.socketworkbench.ui.theme.Theme;
import com.socketworkbench.ui.theme.ThemeController;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same TCP server with real loopback traffic in the other looks: {@code tcp-server-zh.png} (Simplified Chinese,
 * the language saved as the user's choice) and {@code tcp-server-dark.png} (the dark theme), plus
 * {@code inspector.png} (a byte range selected in the hex dump with the data inspector beside it, and a search). Run
 * with {@code mvn test -Pscreenshots}; the Chinese one needs a CJK font on the machine (Debian: fonts-noto-cjk).
 */
@Tag("screenshots")
@Timeout(120)
class LookScreenshotsTest {
    private static final byte[] FRAME = {0x02, 0x10, 0x00, 0x2a, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef,
            0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00, (byte) 0xff, 0x7f, 0x41, 0x42, 0x43, 0x03};

    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        try {
            if (driver != null) {
                driver.close();
            }
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }

    @Test
    void chinese() throws Exception {
        assertTrue(Font.getFamilies().stream().anyMatch(family -> family.contains("CJK")
                        || family.contains("WenQuanYi") || family.contains("Droid Sans Fallback")),
                "a CJK font is needed for a readable Chinese screenshot (Debian: apt-get install fonts-noto-cjk)");
        preferences.put(AppLanguage.KEY, "zh-CN");
        serverWithTraffic("tcp-server-zh.png");
    }

    @Test
    void dark() throws Exception {
        preferences.put(ThemeController.KEY, Theme.DARK.key());
        serverWithTraffic("tcp-server-dark.png");
    }

    @Test
    void inspector() throws Exception {
        driver = launch();
        List<Socket> clients = startWithClients(1);
        try {
            send(clients.getFirst(), FRAME);
            TimelineRow binary = driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof BytesReceived r && Arrays.equals(r.data(), FRAME));
            driver.clickRow("#tcpServer #timeline", binary);
            driver.waitUntil(() -> !driver.listItems("#tcpServer #payloadHex").isEmpty());
            // Bytes 4..7 (de ad be ef) dragged over as a user does.
            driver.robot().moveTo(hexByte(4)).press(javafx.scene.input.MouseButton.PRIMARY).moveTo(hexByte(7))
                    .release(javafx.scene.input.MouseButton.PRIMARY);
            driver.waitUntil(() -> driver.robot().lookup("#tcpServer #dataInspector").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            snapshot("inspector.png");
        } finally {
            closeAll(clients);
        }
    }

    /** Where byte {@code index} of the hex dump's first line is drawn (offset, two spaces, three characters a byte). */
    private javafx.geometry.Point2D hexByte(int index) {
        return AppDriver.fx(() -> {
            javafx.scene.text.Text line = (javafx.scene.text.Text) driver.node("#tcpServer #payloadHex")
                    .lookupAll(".hex-line-text").stream()
                    .filter(node -> ((javafx.scene.text.Text) node).getText().startsWith("00000000"))
                    .findFirst().orElseThrow();
            double charWidth = line.getLayoutBounds().getWidth() / line.getText().length();
            javafx.geometry.Bounds bounds = line.localToScreen(line.getBoundsInLocal());
            int column = 8 + 2 + 3 * index;
            return new javafx.geometry.Point2D(bounds.getMinX() + (column + 0.5) * charWidth,
                    bounds.getMinY() + bounds.getHeight() / 2);
        });
    }

    private void serverWithTraffic(String name) throws Exception {
        driver = launch();
        List<Socket> clients = startWithClients(3);
        try {
            send(clients.get(0), "HELLO from sensor-1\r\n".getBytes(StandardCharsets.US_ASCII));
            send(clients.get(1), "{\"temp\": 21.5, \"unit\": \"C\"}\n".getBytes(StandardCharsets.US_ASCII));
            send(clients.get(2), FRAME);
            TimelineRow binary = driver.waitForRow("#tcpServer #timeline",
                    row -> row.event() instanceof BytesReceived r && Arrays.equals(r.data(), FRAME));
            fxRun(() -> driver.<ComboBox<SendTarget>>node("#tcpServer #sendTarget").setValue(SendTarget.ALL));
            driver.setText("#tcpServer #input", "ACK\\r\\n");
            driver.click("#tcpServer #send");
            for (Socket client : clients) {
                client.getInputStream().readNBytes(5);
            }
            driver.clickRow("#tcpServer #timeline", binary);
            driver.waitUntil(() -> !driver.listItems("#tcpServer #payloadHex").isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            snapshot(name);
        } finally {
            closeAll(clients);
        }
    }

    private AppDriver launch() throws Exception {
        AppDriver launched = new AppDriver(preferences).launch();
        Screenshots.sizeWindow(launched.stage());
        launched.selectTab("tcpServer");
        return launched;
    }

    private List<Socket> startWithClients(int count) throws Exception {
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").matches(".*:\\d+$"));
        String address = driver.text("#tcpServer #listeningAddress");
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            clients.add(socket);
            int connected = i + 1;
            driver.waitUntil(() -> driver.<TableView<?>>node("#tcpServer #clients").getItems().size() == connected);
        }
        return clients;
    }

    private static void send(Socket socket, byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    private static void closeAll(List<Socket> clients) throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }

    private void snapshot(String name) throws IOException {
        Path file = Screenshots.write(driver.stage().getScene(), name);
        assertTrue(file.toFile().length() > 10_000, file + " was written");
    }
}
