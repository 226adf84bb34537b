package com.socketworkbench.ui.rules;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.ui.tcpclient.TcpClientTab;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules panel in the real app: a rule written in the editor answers a peer; two tabs' rules loop and the guard stops them. */
@Timeout(90)
class RulesPanelFxTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    private int startServer() {
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        TimelineRow started = driver.waitForRow("#tcpServer #timeline",
                row -> row.event() instanceof ListenerStarted);
        return ((InetSocketAddress) started.event().local()).getPort();
    }

    private TcpServerTab serverTab() {
        return fx(() -> (TcpServerTab) driver.app().tabs().stream().filter(TcpServerTab.class::isInstance)
                .findFirst().orElseThrow());
    }

    private TcpClientTab clientTab() {
        return fx(() -> (TcpClientTab) driver.app().tabs().stream().filter(TcpClientTab.class::isInstance)
                .findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(String selector, T value) {
        fxRun(() -> ((ComboBox<T>) driver.node(selector)).setValue(value));
    }

    private void preset(String tab, String presetId) {
        fxRun(() -> {
            MenuButton presets = driver.node(tab + " #rulePresets");
            MenuItem item = presets.getItems().stream().filter(each -> presetId.equals(each.getId())).findFirst()
                    .orElseThrow();
            item.fire();
        });
    }

    @Test
    void aRuleWrittenInTheEditorAnswersALoopbackPeerAndBadInputIsNamedAtItsField() throws Exception {
        int port = startServer();
        driver.click("#tcpServer #rulesToggle");
        driver.click("#tcpServer #addRule");
        assertTrue(fx(() -> driver.node("#tcpServer #ruleForm").isVisible()));

        driver.setText("#tcpServer #ruleNameField", "greeter");
        choose("#tcpServer #ruleKind", MatchKind.REGEX);
        driver.setText("#tcpServer #rulePattern", "hel+o (\\w+");
        driver.waitUntil(() -> driver.text("#tcpServer #rulePatternMessage").contains("position"));
        assertTrue(driver.disabled("#tcpServer #saveRule"), "no saving a rule that cannot work");
        driver.setText("#tcpServer #rulePattern", "hel+o (\\w+)");
        driver.waitUntil(() -> !fx(() -> driver.<Label>node("#tcpServer #rulePatternMessage").isVisible()));

        choose("#tcpServer #ruleReplyFormat", PayloadFormat.HEX);
        driver.setText("#tcpServer #ruleReply", "01 $1 0g");
        driver.waitUntil(() -> driver.text("#tcpServer #ruleReplyMessage").contains("g")
                && driver.text("#tcpServer #ruleReplyMessage").contains("8"));
        choose("#tcpServer #ruleReplyFormat", PayloadFormat.TEXT);
        driver.setText("#tcpServer #ruleReply", "hi $1\\n");
        driver.setText("#tcpServer #ruleDelay", "ten");
        driver.waitUntil(() -> !driver.text("#tcpServer #ruleDelayMessage").isEmpty());
        driver.setText("#tcpServer #ruleDelay", "0");
        driver.waitUntil(() -> !driver.disabled("#tcpServer #saveRule"));
        driver.click("#tcpServer #saveRule");
        assertFalse(fx(() -> driver.node("#tcpServer #ruleForm").isVisible()), "the editor closes on save");
        RulesModel rules = fx(() -> serverTab().model().rules());
        assertEquals(1, (int) fx(() -> rules.rows().size()));

        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), port)) {
            peer.setSoTimeout(10_000);
            peer.getOutputStream().write("hello world".getBytes(StandardCharsets.US_ASCII));
            InputStream in = peer.getInputStream();
            assertEquals("hi world\n", new String(in.readNBytes(9), StandardCharsets.US_ASCII));
        }
        driver.waitUntil(() -> rules.rows().getFirst().hitsProperty().get() == 1);
        assertTrue(fx(() -> driver.robot().lookup("#tcpServer #ruleHits").tryQuery().isPresent()),
                "the hits column is there");
        driver.waitUntil(() -> driver.robot().lookup("#tcpServer #ruleTable .table-cell").queryAll().stream()
                .anyMatch(cell -> cell instanceof javafx.scene.control.Labeled labeled
                        && "1".equals(labeled.getText())));
    }

    @Test
    void theUdpTabsEchoPresetAnswersEachDatagramsSender() throws Exception {
        driver.selectTab("udp");
        driver.setText("#udp #port", "0");
        driver.click("#udp #startStop");
        driver.waitUntil(() -> driver.text("#udp #listeningAddress").startsWith("Bound to"));
        String bound = driver.text("#udp #listeningAddress");
        int port = Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1).strip());
        driver.click("#udp #rulesToggle");
        preset("#udp", "presetEcho");
        try (java.net.DatagramSocket peer = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(10_000);
            for (String text : new String[]{"one", "two"}) {
                byte[] out = text.getBytes(StandardCharsets.US_ASCII);
                peer.send(new java.net.DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), port));
                java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[64], 64);
                peer.receive(in);
                assertEquals(text, new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII));
            }
        }
        RulesModel rules = fx(() -> driver.app().tabs().stream()
                .filter(tab -> tab instanceof com.socketworkbench.ui.udp.UdpTab).findFirst()
                .map(tab -> ((com.socketworkbench.ui.udp.UdpTab) tab).model().rules()).orElseThrow());
        driver.waitUntil(() -> rules.rows().getFirst().hitsProperty().get() == 2);
    }

    @Test
    void aRuleLoopBetweenAServerTabAndAClientTabTripsTheGuardAndStops() throws Exception {
        int port = startServer();
        driver.click("#tcpServer #rulesToggle");
        preset("#tcpServer", "presetEcho");
        driver.setText("#tcpServer #loopLimit", "300");

        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #host", "127.0.0.1");
        driver.setText("#tcpClient #port", Integer.toString(port));
        driver.click("#tcpClient #connect");
        driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
        driver.click("#tcpClient #rulesToggle");
        preset("#tcpClient", "presetEcho");
        driver.setText("#tcpClient #loopLimit", "300");

        RulesModel serverRules = fx(() -> serverTab().model().rules());
        RulesModel clientRules = fx(() -> clientTab().model().rules());
        driver.setText("#tcpClient #input", "ping");
        driver.click("#tcpClient #send");

        driver.waitUntil(() -> !serverRules.pausedProperty().get().isEmpty()
                || !clientRules.pausedProperty().get().isEmpty());
        boolean serverPaused = fx(() -> !serverRules.pausedProperty().get().isEmpty());
        String tab = serverPaused ? "#tcpServer" : "#tcpClient";
        RulesModel paused = serverPaused ? serverRules : clientRules;
        driver.selectTab(serverPaused ? "tcpServer" : "tcpClient");
        driver.waitUntil(() -> driver.<Label>node(tab + " #rulesPaused").isVisible()
                && driver.text(tab + " #rulesPaused").contains("Echo"));
        assertFalse(fx(() -> paused.rows().getFirst().enabledProperty().get()), "the paused rule shows unticked");
        assertTrue(driver.text(tab + " #rulesToggle").contains("⏸"));
        driver.waitForRow(tab + " #timeline", row -> row.event() instanceof Notice notice
                && notice.message().contains("paused") && notice.message().contains("Echo"));

        // The loop has stopped: neither tab receives anything more.
        WorkbenchTab server = serverTab();
        WorkbenchTab client = clientTab();
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
            long now = fx(() -> server.status().messagesInProperty().get()
                    + client.status().messagesInProperty().get());
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        long settled = last[0];
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> fx(
                () -> server.status().messagesInProperty().get() + client.status().messagesInProperty().get())
                == settled);
        assertTrue(settled > 300, "the loop ran until the guard tripped: " + settled);

        // Ticking it again resumes the rule.
        fxRun(() -> paused.rows().getFirst().enabledProperty().set(true));
        driver.waitUntil(() -> paused.pausedProperty().get().isEmpty());
        assertTrue(fx(() -> paused.rows().getFirst().live().isActive()));
        driver.selectTab("tcpClient");
        driver.click("#tcpClient #connect");
    }
}
