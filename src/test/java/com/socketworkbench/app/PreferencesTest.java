package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.input.BindChoice;
import com.socketworkbench.ui.input.BindChoices;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkbenchTab;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings survive a restart through the AppPreferences handed in; tests never touch the user's node. */
@Timeout(60)
class PreferencesTest {

    @Test
    void lastChoicesAndTheSelectedTabAreRememberedAcrossLaunches() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        AppDriver first = new AppDriver(preferences).launch();
        try {
            first.setText("#tcpServer #port", "6001");
            fxRun(() -> first.<ComboBox<BindChoice>>node("#tcpServer #bindAddress")
                    .setValue(BindChoices.ANY_V4));
            assertTrue(fx(() -> first.node("#tcpServer #bindWarning").isVisible()), "a wildcard shows the warning");
            assertEquals("Other machines on your network can connect to this port",
                    first.text("#tcpServer #bindWarning"));
            first.selectTab("tcpClient");
            first.setText("#tcpClient #host", "::1");
            first.setText("#tcpClient #port", "7002");
        } finally {
            first.close();
        }
        // Each tab's settings are kept in the untitled workspace (the app's preferences keep only window things).
        assertEquals(6001, AppDriver.savedTabSettings(preferences, "tcpServer").getInt("port", -1));
        assertEquals("0.0.0.0", AppDriver.savedTabSettings(preferences, "tcpServer").get("bindHost", ""));
        assertEquals("::1", AppDriver.savedTabSettings(preferences, "tcpClient").get("host", ""));
        assertEquals(1, AppDriver.keptWorkspace(preferences).selectedTab());

        AppDriver second = new AppDriver(preferences).launch();
        try {
            assertEquals("tcpClientTab", fx(() -> second.<TabPane>node("#tabs")
                    .getSelectionModel().getSelectedItem().getId()));
            assertEquals("::1", second.text("#tcpClient #host"));
            assertEquals("7002", second.text("#tcpClient #port"));
            assertEquals(List.of("tcpClient"), fx(() -> second.app().tabs().stream().filter(WorkbenchTab::hasView)
                    .map(WorkbenchTab::id).toList()), "only the selected tab's view is built at start");
            second.selectTab("tcpServer");
            assertEquals("6001", second.text("#tcpServer #port"));
            assertEquals("0.0.0.0", fx(() -> second.<ComboBox<BindChoice>>node(
                    "#tcpServer #bindAddress").getValue().host()));
            assertEquals(List.of("tcpServerTab"), fx(() -> second.<TabPane>node("#tabs").getTabs().stream()
                    .filter(tab -> tab.getContent() != null).map(Tab::getId).toList()),
                    "only the selected tab's view is in the scene");
            second.setText("#tcpServer #port", "6002");
            second.selectTab("tcpClient");
            second.selectTab("tcpServer");
            assertEquals("6002", second.text("#tcpServer #port"), "a view keeps its state out of the scene");
        } finally {
            second.close();
        }
    }

    @Test
    void theNodeComesFromTheSystemPropertyWhenSet() {
        String previous = System.getProperty(AppPreferences.NODE_PROPERTY);
        try {
            System.setProperty(AppPreferences.NODE_PROPERTY, "/socketworkbench-tests/throwaway");
            assertEquals("/socketworkbench-tests/throwaway", AppPreferences.nodePath());
            System.clearProperty(AppPreferences.NODE_PROPERTY);
            assertEquals(AppPreferences.DEFAULT_NODE, AppPreferences.nodePath());
        } finally {
            if (previous == null) {
                System.clearProperty(AppPreferences.NODE_PROPERTY);
            } else {
                System.setProperty(AppPreferences.NODE_PROPERTY, previous);
            }
        }
    }

    @Test
    void closingTheWindowStopsEveryTabsSockets() throws Exception {
        AppDriver driver = new AppDriver().launch();
        int port;
        try {
            driver.setText("#tcpServer #port", "0");
            driver.click("#tcpServer #startStop");
            driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").startsWith("Listening on"));
            String text = driver.text("#tcpServer #listeningAddress");
            port = Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
        } finally {
            driver.close();
        }
        await().atMost(AppDriver.TIMEOUT).until(() -> {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return !probe.isConnected();
            } catch (ConnectException refused) {
                return true;
            }
        });
        assertFalse(driver.app().tabs().isEmpty());
    }
}
