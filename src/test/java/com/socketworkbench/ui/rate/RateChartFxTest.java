package com.socketworkbench.ui.rate;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.ui.traffic.TimelineRow;

import javafx.scene.control.ToggleButton;
import javafx.scene.shape.Polyline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rate chart of the real app's TCP Server tab, fed by a plain socket on loopback. */
@Timeout(60)
class RateChartFxTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        driver.selectTab("tcpServer");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void theChartShowsNonZeroRatesAfterLoopbackTrafficAndFoldsInAShortWindow() throws Exception {
        assertNotNull(fx(() -> driver.node("#tcpServer #rateChart")));
        assertEquals("↓ 0 B/s · 0 msg/s", driver.text("#tcpServer #rateChartReceived"));
        assertEquals("↑ 0 B/s · 0 msg/s", driver.text("#tcpServer #rateChartSent"));

        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        TimelineRow started = driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ListenerStarted);
        int port = ((InetSocketAddress) started.event().local()).getPort();
        String busy;
        String words;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            byte[] chunk = new byte[4096];
            // Keep a trickle going while waiting, so whichever whole second the summary shows had traffic in it.
            List<String> shown = await().atMost(AppDriver.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                out.write(chunk);
                out.flush();
                return fx(() -> List.of(driver.text("#tcpServer #rateChartReceived"),
                        driver.node("#tcpServer #rateChartSummary").getAccessibleText()));
            }, texts -> !texts.getFirst().startsWith("↓ 0 B/s"));
            busy = shown.get(0);
            words = shown.get(1);
            driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof BytesReceived);
        }
        assertTrue(busy.matches("↓ [1-9][0-9.]* (B|KiB|MiB)/s · [1-9][0-9.k]* msg/s"), busy);
        assertTrue(words.startsWith("Over the last second: received ") && !words.contains("received 0 B/s"), words);
        assertFalse(fx(() -> driver.node("#tcpServer #rateChartBody").isVisible()),
                "in the test's 800 px window the traffic column is short: the plots fold by themselves");
        assertFalse(fx(() -> driver.node("#tcpServer #rateChartBody").isManaged()), "their room goes to the timeline");
        assertTrue(fx(() -> ((javafx.scene.layout.Region) driver.node("#tcpServer #rateChartSummary")).getHeight()) >= 16,
                "the header with the current rates stays in view, not squeezed to nothing by the timeline");
        toggle();
        assertTrue(fx(() -> driver.node("#tcpServer #rateChartBody").isVisible()), "the user unfolds them");
        driver.waitUntil(() -> receivedLineRises("#tcpServer #rateChartBytes")
                && receivedLineRises("#tcpServer #rateChartMessages"));
        assertTrue(driver.text("#tcpServer #rateChartBytes .rate-scale").contains("/s"));
        toggle();
        assertFalse(fx(() -> driver.node("#tcpServer #rateChartBody").isVisible()), "and folds them again");
    }

    private void toggle() {
        AppDriver.fxRun(() -> driver.<ToggleButton>node("#tcpServer #rateChartToggle").fire());
    }

    /** Whether any point of the plot's received line is above its base line. */
    private boolean receivedLineRises(String plot) {
        Polyline line = driver.node(plot + " .rate-line-received");
        for (int i = 1; i < line.getPoints().size(); i += 2) {
            if (line.getPoints().get(i) < RatePlot.HEIGHT - 1.5) {
                return true;
            }
        }
        return false;
    }
}
