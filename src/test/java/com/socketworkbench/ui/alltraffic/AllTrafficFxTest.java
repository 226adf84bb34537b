package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.app.AppLanguage;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.websocket.NettyWsServer;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.websocket.WebSocketModel;
import com.socketworkbench.ui.websocket.WebSocketTab;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traffic of two tabs of the real app, a TCP server and a TCP client talking over loopback, in the All-traffic tab. */
@Timeout(60)
class AllTrafficFxTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void twoTabsTrafficMergesWithItsSourceAndTheSocketCountRisesAndFalls() {
        driver.selectTab("allTraffic");
        assertEquals(AllTrafficTab.TEXT.get("watched", 0), driver.text("#allTraffic #watchedSockets"));
        assertFalse(driver.text("#allTraffic #allTrafficExplanation").isBlank());

        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        TimelineRow started = driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ListenerStarted);
        int port = ((InetSocketAddress) started.event().local()).getPort();

        driver.selectTab("tcpClient");
        driver.setText("#tcpClient #host", "127.0.0.1");
        driver.setText("#tcpClient #port", Integer.toString(port));
        driver.click("#tcpClient #connect");
        driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof ConnectionOpened);
        driver.setText("#tcpClient #input", "merged");
        driver.click("#tcpClient #send");
        driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof BytesSent);

        driver.selectTab("allTraffic");
        String server = headerText("tcpServerTab");
        String client = headerText("tcpClientTab");
        TimelineRow sent = driver.waitForRow("#allTraffic #timeline", row -> row.event() instanceof BytesSent);
        TimelineRow received = driver.waitForRow("#allTraffic #timeline",
                row -> row.event() instanceof BytesReceived);
        assertEquals(client, source(sent));
        assertEquals(server, source(received));
        assertEquals(server, source(driver.waitForRow("#allTraffic #timeline",
                row -> row.event() instanceof ListenerStarted)));
        assertEquals(client, source(driver.waitForRow("#allTraffic #timeline",
                row -> row.event() instanceof ConnectionOpened)));
        // The rows draw the source column too (a timeline row draws only the columns it has a field for).
        driver.waitUntil(() -> drawnSources().containsAll(List.of(server, client)));
        // The listener, the connection it accepted and the client's own connection.
        driver.waitUntil(() -> AllTrafficTab.TEXT.get("watched", 3).equals(driver.text("#allTraffic #watchedSockets")));

        driver.selectTab("tcpClient");
        driver.click("#tcpClient #connect");
        driver.selectTab("tcpServer");
        driver.click("#tcpServer #startStop");
        driver.waitForRow("#tcpServer #timeline", row -> row.event() instanceof ListenerStopped);

        driver.selectTab("allTraffic");
        driver.waitUntil(() -> AllTrafficTab.TEXT.get("watched", 0).equals(driver.text("#allTraffic #watchedSockets")));
        assertEquals(server, source(driver.waitForRow("#allTraffic #timeline",
                row -> row.event() instanceof ListenerStopped)));
    }

    @Test
    void aWebSocketSessionIsMergedAsOneConnectionOfItsTab() throws Exception {
        WebSocketTab webSocket = driver.openNewTab("websocket", WebSocketTab.class);
        try (NettyWsServer server = NettyWsServer.plain()) {
            driver.setText("#wsUrl", server.url(false));
            driver.click("#wsConnect");
            driver.waitUntil(() -> webSocket.model().phase() == WebSocketModel.Phase.OPEN);
            driver.setText("#wsPayload", "merged frame");
            driver.click("#wsSend");
            driver.waitUntil(() -> webSocket.model().framesInProperty().get() == 1);

            driver.selectTab("allTraffic");
            TimelineRow echo = driver.waitForRow("#allTraffic #timeline", row -> row.event() instanceof BytesReceived);
            assertEquals("merged frame", new String(((BytesReceived) echo.event()).data(), StandardCharsets.UTF_8));
            assertEquals(fx(webSocket::title), source(echo));
            driver.waitUntil(() -> AllTrafficTab.TEXT.get("watched", 1).equals(driver.text("#allTraffic #watchedSockets")));

            fxRun(webSocket.model()::toggleConnection);
            driver.waitUntil(() -> webSocket.model().phase() == WebSocketModel.Phase.IDLE);
            driver.waitForRow("#allTraffic #timeline", row -> row.event() instanceof ConnectionClosed);
            driver.waitUntil(() -> AllTrafficTab.TEXT.get("watched", 0).equals(driver.text("#allTraffic #watchedSockets")));
        }
    }

    @Test
    void theExplanationAndCountAreInChineseToo() throws Exception {
        driver.close();
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.put(AppLanguage.KEY, "zh-CN");
        try {
            AppDriver chinese = new AppDriver(preferences).launch();
            try {
                chinese.selectTab("allTraffic");
                assertTrue(chinese.text("#allTraffic #allTrafficExplanation").contains("epoll"));
                assertTrue(chinese.text("#allTraffic #allTrafficExplanation").contains("套接字"));
                assertEquals("正在监视的套接字：0", chinese.text("#allTraffic #watchedSockets"));
            } finally {
                chinese.close();
            }
        } finally {
            Texts.use(Locale.ENGLISH);
        }
        driver.launch();
    }

    private String headerText(String tabId) {
        return fx(() -> driver.<TabPane>node("#tabs").getTabs().stream().filter(tab -> tabId.equals(tab.getId()))
                .findFirst().map(Tab::getText).orElseThrow());
    }

    /** The source texts the visible rows draw. */
    private List<String> drawnSources() {
        return fx(() -> driver.node("#allTraffic #timeline").lookupAll(".row-text.col-source").stream()
                .map(node -> ((Text) node).getText()).toList());
    }

    @SuppressWarnings("unchecked")
    private String source(TimelineRow row) {
        return fx(() -> {
            TableView<TimelineRow> table = driver.node("#allTraffic #timeline");
            TableColumn<TimelineRow, ?> column = table.getColumns().stream()
                    .filter(candidate -> "col-source".equals(candidate.getId())).findFirst().orElseThrow();
            return String.valueOf(((TableColumn<TimelineRow, String>) column).getCellData(row));
        });
    }
}
