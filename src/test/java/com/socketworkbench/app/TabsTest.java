package com.socketworkbench.app;

import com.socketworkbench.ui.tab.WorkbenchTab;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many tabs: new ones from the Tab menu and Ctrl+T, each fully independent (own settings, own sockets); renamed by a
 * double-click on the header, reordered, closed with Ctrl+W or the menu (a live one only after the user agrees).
 */
@Timeout(90)
class TabsTest {
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
    void theTabMenuOpensAnotherTabOfEachKindAndCtrlTOneOfTheShownKind() {
        assertEquals(List.of("tcpServerTab", "tcpClientTab", "udpTab", "httpTab", "allTrafficTab", "toolsTab"),
                tabIds());

        menu("#newTab", "#newTab-tcpClient");
        assertEquals("tcpClientTab-2", selectedId(), "the new tab is shown");
        assertEquals("TCP Client 2", fx(() -> selectedTab().getText()));
        assertNotNull(driver.node("#tcpClient #port"), "its view root keeps the kind's id");

        menu("#newTab", "#newTab-udp");
        menu("#newTab", "#newTab-http");
        menu("#newTab", "#newTab-tcpServer");
        assertEquals(List.of("tcpServerTab", "tcpClientTab", "udpTab", "httpTab", "allTrafficTab", "toolsTab",
                "tcpClientTab-2", "udpTab-2", "httpTab-2", "tcpServerTab-2"), tabIds());

        driver.selectTab("udp");
        shortcut(KeyCode.T);
        assertEquals("udpTab-3", selectedId(), "Ctrl+T opens another tab of the shown kind");
        driver.selectTab("tools");
        shortcut(KeyCode.T);
        assertEquals("tcpClientTab-3", selectedId(), "with Tools shown, Ctrl+T opens a TCP client");
        assertEquals(12, fx(() -> driver.app().tabs().size()));

        fxRun(() -> driver.app().menus().updateTabKinds());
        assertTrue(fx(() -> menuItem("#newTab-tools").isDisable()), "Tools stays single");
        fxRun(() -> driver.app().strip().openNew(TabKinds.TOOLS));
        assertEquals(1, fx(() -> tabIds().stream().filter(id -> id.startsWith("toolsTab")).count()));
    }

    @Test
    void twoTcpClientTabsHaveTheirOwnSettingsAndTheirOwnConnections() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            Thread acceptor = Thread.ofVirtual().start(() -> acceptLines(peer, received));
            try {
                driver.selectTab("tcpClient");
                driver.setText("#tcpClient #host", "127.0.0.1");
                driver.setText("#tcpClient #port", Integer.toString(peer.getLocalPort()));
                fxRun(() -> driver.app().strip().openNew(TabKinds.TCP_CLIENT));
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals("tcpClientTab-2", selectedId());
                assertFalse(driver.text("#tcpClient #port").equals(Integer.toString(peer.getLocalPort())),
                        "the new tab starts from the defaults, not from the other tab");
                driver.setText("#tcpClient #host", "127.0.0.1");
                driver.setText("#tcpClient #port", Integer.toString(peer.getLocalPort()));

                driver.click("#tcpClient #connect");
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                driver.setText("#tcpClient #input", "from two\\n");
                driver.click("#tcpClient #send");
                assertEquals("from two", received.poll(10, TimeUnit.SECONDS));

                driver.selectTab("tcpClient");
                assertEquals("Connect", driver.text("#tcpClient #connect"), "the first tab is not connected");
                driver.click("#tcpClient #connect");
                driver.waitUntil(() -> driver.text("#tcpClient #connect").equals("Disconnect"));
                driver.setText("#tcpClient #input", "from one\\n");
                driver.click("#tcpClient #send");
                assertEquals("from one", received.poll(10, TimeUnit.SECONDS));
                driver.waitUntil(() -> tab("tcpClientTab").status().bytesOutProperty().get() == 9
                        && tab("tcpClientTab-2").status().bytesOutProperty().get() == 9);

                driver.setText("#tcpClient #port", "7001");
                assertEquals(List.of("7001", Integer.toString(peer.getLocalPort())), fx(() -> {
                    List<String> ports = new ArrayList<>();
                    for (String id : List.of("tcpClientTab", "tcpClientTab-2")) {
                        windowTab(id).content().saveSettings();
                        ports.add(windowTab(id).settings().get("port", ""));
                    }
                    return ports;
                }), "each tab writes its own settings node");
            } finally {
                acceptor.interrupt();
            }
        }
    }

    @Test
    void aDoubleClickOnTheHeaderRenamesTheTabEnterKeepsEscapeCancelsBlankIsRefused() {
        doubleClickHeader("tcpServerTab");
        TextField editor = driver.node("#tabTitleEditor");
        assertEquals("TCP Server", fx(editor::getText));
        fxRun(() -> editor.setText("Device A"));
        driver.robot().type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Device A", fx(() -> tabNamed("tcpServerTab").getText()));
        assertTrue(driver.robot().lookup("#tabTitleEditor").tryQuery().isEmpty(), "the editor is gone");

        doubleClickHeader("tcpServerTab");
        fxRun(() -> driver.<TextField>node("#tabTitleEditor").setText("Something else"));
        driver.robot().type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Device A", fx(() -> tabNamed("tcpServerTab").getText()), "Escape keeps the old title");

        doubleClickHeader("tcpServerTab");
        fxRun(() -> driver.<TextField>node("#tabTitleEditor").setText("   "));
        driver.robot().type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> driver.node("#tabTitleEditor").getStyleClass().contains("invalid")),
                "a blank title is refused where it was typed");
        driver.robot().type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Device A", fx(() -> tabNamed("tcpServerTab").getText()));
        assertEquals("Device A", fx(() -> driver.app().strip().states().getFirst().title()), "saved as renamed");
    }

    @Test
    void tabsReorderByDraggingTheirHeadersAndTheWorkspaceFollowsTheNewOrder() {
        assertEquals(TabPane.TabDragPolicy.REORDER, fx(() -> driver.<TabPane>node("#tabs").getTabDragPolicy()));
        // Dragging a header is TabPane's own REORDER policy; headless, the test moves the tab the same way.
        fxRun(() -> driver.app().strip().move(windowTab("udpTab"), 0));
        assertEquals(List.of("udpTab", "tcpServerTab", "tcpClientTab", "httpTab", "allTrafficTab", "toolsTab"),
                tabIds());
        assertEquals(List.of("udp", "tcpServer", "tcpClient", "http", "allTraffic", "tools"),
                fx(() -> driver.app().strip().states().stream().map(state -> state.kind()).toList()));
    }

    @Test
    void closingALiveTabAsksFirstAndClosingStopsItsSockets() throws Exception {
        driver.selectTab("tcpServer");
        driver.setText("#tcpServer #port", "0");
        driver.click("#tcpServer #startStop");
        driver.waitUntil(() -> driver.text("#tcpServer #listeningAddress").startsWith("Listening on"));
        String listening = driver.text("#tcpServer #listeningAddress");
        int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));

        driver.dialogs().answerClose(false);
        shortcut(KeyCode.W);
        assertEquals(1, driver.dialogs().asked().size());
        assertTrue(driver.dialogs().asked().getFirst().startsWith("close TCP Server: Listening on"),
                driver.dialogs().asked().toString());
        assertTrue(tabIds().contains("tcpServerTab"), "No keeps the tab");
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertTrue(probe.isConnected(), "and its listener");
        }

        driver.dialogs().answerClose(true);
        fxRun(() -> menuItem("#closeTab").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tabIds().contains("tcpServerTab"), "Yes closes it");
        TabLeakTest.awaitPortFree(port);

        driver.selectTab("tools");
        shortcut(KeyCode.W);
        assertEquals(2, driver.dialogs().asked().size(), "a tab with nothing live closes without a question");
        assertFalse(tabIds().contains("toolsTab"));
        fxRun(() -> driver.app().strip().openNew(TabKinds.TOOLS));
        assertTrue(tabIds().contains("toolsTab"), "Tools can be opened again from the Tab menu");
    }

    static void acceptLines(ServerSocket server, LinkedBlockingQueue<String> lines) {
        List<Thread> readers = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Socket socket = server.accept();
                readers.add(Thread.ofVirtual().start(() -> {
                    try (socket; InputStream in = socket.getInputStream()) {
                        StringBuilder line = new StringBuilder();
                        int b;
                        while ((b = in.read()) >= 0) {
                            if (b == '\n') {
                                lines.add(line.toString());
                                line.setLength(0);
                            } else {
                                line.append((char) b);
                            }
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                }));
            }
        } catch (IOException closed) {
            // the server socket was closed
        }
    }

    /**
     * A double-click on a tab's header title, delivered as the one MOUSE_CLICKED event (click count 2) that ends a
     * real double-click: the robot's two clicks can land further apart than the double-click time on a busy machine.
     */
    private void doubleClickHeader(String tabId) {
        fxRun(() -> {
            Node title = driver.robot().lookup("#" + tabId + " .tab-label").query();
            Bounds bounds = title.localToScene(title.getLayoutBounds());
            double x = bounds.getCenterX();
            double y = bounds.getCenterY();
            Event.fireEvent(title, new MouseEvent(MouseEvent.MOUSE_CLICKED, x, y, x, y, MouseButton.PRIMARY, 2,
                    false, false, false, false, true, false, false, true, false, true, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void menu(String menu, String item) {
        fxRun(() -> menuItem(item).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shortcut(KeyCode key) {
        fxRun(() -> driver.stage().requestFocus());
        driver.robot().press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem menuItem(String selector) {
        String id = selector.substring(1);
        return driver.app().menus().items().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + selector));
    }

    private List<String> tabIds() {
        return fx(() -> driver.<TabPane>node("#tabs").getTabs().stream().map(Tab::getId).toList());
    }

    private String selectedId() {
        return fx(() -> selectedTab().getId());
    }

    private Tab selectedTab() {
        return driver.<TabPane>node("#tabs").getSelectionModel().getSelectedItem();
    }

    private Tab tabNamed(String id) {
        return driver.<TabPane>node("#tabs").getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                .orElseThrow();
    }

    private WindowTab windowTab(String id) {
        return (WindowTab) tabNamed(id).getUserData();
    }

    private WorkbenchTab tab(String id) {
        return windowTab(id).content();
    }
}
