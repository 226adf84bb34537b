package com.socketworkbench.app;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.ui.relay.RelayTab;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.tab.ListenerState;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes {@code relay.png}: the Relay tab between a JDK client and the app's own TCP Server tab (echo on), a few
 * requests answered both ways, intercept on client → server with one chunk held and open in the editor, and the pairs
 * table with its counters. Run with {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(120)
class RelayScreenshotsTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final String T = "#relay ";

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
    void aRelayHoldsAChunkForEditing() throws Exception {
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        fxRun(() -> driver.<CheckBox>node("#tcpServer #echo").setSelected(true));
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        Matcher listening = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(listening.matches());

        WindowTab window = fx(() -> driver.app().strip().openNew(TabKinds.RELAY).orElseThrow());
        RelayTab relay = (RelayTab) window.content();
        driver.selectTab("relay");
        driver.setText(T + "#listenPort", "0");
        driver.setText(T + "#targetPort", listening.group(1));
        driver.click(T + "#startStop");
        driver.waitUntil(() -> relay.model().state() == ListenerState.RUNNING);
        int port = fx(() -> relay.model().boundAddress().getPort());

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            String[] requests = {"HELLO sensor-7\r\n", "READ temperature\r\n", "READ humidity\r\n"};
            for (String request : requests) {
                byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
                out.write(bytes);
                out.flush();
                assertEquals(request, new String(client.getInputStream().readNBytes(bytes.length),
                        StandardCharsets.US_ASCII));
            }
            driver.waitUntil(() -> driver.<TableView<?>>node(T + "#timeline").getItems().size() >= 8);

            driver.click(T + "#interceptClientToServer");
            out.write("SET setpoint=21.5\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            driver.waitUntil(() -> driver.<TableView<?>>node(T + "#heldChunks").getItems().size() == 1);
            driver.waitUntil(() -> driver.text(T + "#heldEditor").startsWith("SET setpoint"));
            driver.setText(T + "#heldEditor", "SET setpoint=25.0\\r\\n");
            fxRun(() -> driver.<TableView<?>>node(T + "#relayPairs").getSelectionModel().select(0));
            TimelineRow read = driver.waitForRow(T + "#timeline", row -> row.event() instanceof BytesSent sent
                    && new String(sent.data(), StandardCharsets.US_ASCII).startsWith("READ temperature"));
            driver.clickRow(T + "#timeline", read);
            driver.waitUntil(() -> relay.model().pairs().getFirst().snapshot().chunksServerToClient() >= 3);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(Files.size(Screenshots.write(driver.stage().getScene(), "relay.png")) > 10_000);
        }
    }
}
