package com.socketworkbench.app;

import com.socketworkbench.ui.tcpserver.TcpServerTab;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes {@code automation.png} and {@code periodic-send.png}: the app talking to itself over loopback. The TCP
 * client tab sends {@code PING {{counter}}} every 200 ms (periodic send, dynamic fields on); the TCP server tab's
 * PING → PONG rule answers each one. The first picture is the server with its rules panel and hit count, the
 * second the client with its periodic send panel and the replies. Run with {@code mvn test -Pscreenshots}.
 */
@Tag("screenshots")
@Timeout(120)
class AutomationScreenshotsTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final int SENDS = 8;

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
    void aRuleAnswersAPeriodicSend() throws Exception {
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        fxRun(() -> driver.<javafx.scene.control.CheckBox>node("#tcpServer #echo").setSelected(false));
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        Matcher listening = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(listening.matches());
        String port = listening.group(1);
        fxRun(() -> driver.<ToggleButton>node("#tcpServer #rulesToggle").setSelected(true));
        driver.waitUntil(() -> driver.robot().lookup("#tcpServer #rulePresets").tryQuery().isPresent());
        fxRun(() -> driver.<MenuButton>node("#tcpServer #rulePresets").getItems().stream()
                .filter(item -> "presetPing".equals(item.getId())).findFirst().orElseThrow().fire());

        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #port", port);
        driver.click("#tcpClient #connect");
        driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
        fxRun(() -> driver.<javafx.scene.control.CheckBox>node("#tcpClient #fields").setSelected(true));
        driver.setText("#tcpClient #input", "PING {{counter:start=1,width=3}}\\n");
        fxRun(() -> driver.<ToggleButton>node("#tcpClient #repeatSendToggle").setSelected(true));
        driver.waitUntil(() -> driver.robot().lookup("#tcpClient #repeatStart").tryQuery().isPresent());
        driver.setText("#tcpClient #repeatInterval", "200");
        driver.setText("#tcpClient #repeatTimes", Integer.toString(SENDS));
        driver.click("#tcpClient #repeatStart");
        driver.waitUntil(() -> driver.text("#tcpClient #repeatCount").equals(SENDS + " sent"));

        TcpServerTab server = fx(() -> driver.app().tabs().stream().filter(TcpServerTab.class::isInstance)
                .map(TcpServerTab.class::cast).findFirst().orElseThrow());
        driver.waitUntil(() -> server.serverView().rules().model().rows().getFirst().hitsProperty().get() == SENDS);
        // Every PONG has come back to the client (100 ms after its PING) before either picture is taken.
        // "PONG 001" … "PONG 008": eight bytes each, however TCP cut them into reads.
        driver.waitUntil(() -> driver.text("#statusCounters").matches("(?s)↓ \\d+ msgs? " + 8 * SENDS + " B.*"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(Screenshots.write(driver.stage().getScene(), "periodic-send.png")) > 10_000);

        driver.selectTab("tcpServer");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(Screenshots.write(driver.stage().getScene(), "automation.png")) > 10_000);
    }
}
