package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.traffic.TimelineRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real app with the TCP Server tab selected, launched before and closed after each test, and the steps its
 * tests share. Register it with {@code @RegisterExtension final ServerTabFixture tab = new ServerTabFixture();}.
 */
final class ServerTabFixture implements BeforeEachCallback, AfterEachCallback {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    private final AppDriver driver;

    ServerTabFixture() {
        driver = new AppDriver();
    }

    /** The window opens at this size, as a user's remembered one (resizing the test stage would outlive the test). */
    ServerTabFixture(int width, int height) {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", width);
        preferences.child("window").putDouble("height", height);
        driver = new AppDriver(preferences);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        driver.launch();
        driver.selectTab("tcpServer");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        driver.close();
    }

    AppDriver driver() {
        return driver;
    }

    /** Starts the server on 127.0.0.1 with port 0 and returns the port the system gave it. */
    int startOnAnyPort() {
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> LISTENING.matcher(driver.text("#tcpServer #listeningAddress")).matches());
        assertEquals("Stop", driver.text("#tcpServer #startStop"));
        Matcher matcher = LISTENING.matcher(driver.text("#tcpServer #listeningAddress"));
        assertTrue(matcher.matches());
        int port = Integer.parseInt(matcher.group(1));
        assertTrue(port > 0, "the actual port, not 0");
        return port;
    }

    TableView<ClientRow> clients() {
        return driver.node("#tcpServer #clients");
    }

    /** Waits until one client is connected and selected (the first one is selected by itself). */
    void waitForSelectedClient() {
        driver.waitUntil(() -> clients().getItems().size() == 1
                && clients().getSelectionModel().getSelectedItem() != null);
    }

    /** The timeline's rows now. */
    List<TimelineRow> rows() {
        return fx(() -> List.copyOf(driver.<TableView<TimelineRow>>node("#tcpServer #timeline").getItems()));
    }
}
