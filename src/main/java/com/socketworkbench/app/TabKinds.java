package com.socketworkbench.app;

import com.socketworkbench.ui.alltraffic.AllTrafficTab;
import com.socketworkbench.ui.http.HttpTab;
import com.socketworkbench.ui.relay.RelayTab;
import com.socketworkbench.ui.scenario.ScenarioTab;
import com.socketworkbench.ui.tcpclient.TcpClientTab;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.tools.ToolsTab;
import com.socketworkbench.ui.udp.UdpTab;
import com.socketworkbench.ui.websocket.WebSocketTab;

import java.util.List;
import java.util.Optional;

/**
 * The one place that lists the kinds of tab, in the order the New Tab menu lists them ({@link #all()}) and a new
 * workspace shows them ({@link #newWorkspace()}). A new kind of tab is one more entry here.
 */
final class TabKinds {
    static final TabKind TCP_SERVER = new TabKind("tcpServer", "TCP Server", TcpServerTab::new, true);
    static final TabKind TCP_CLIENT = new TabKind("tcpClient", "TCP Client", TcpClientTab::new, true);
    static final TabKind UDP = new TabKind("udp", "UDP", UdpTab::new, true);
    static final TabKind HTTP = new TabKind("http", "HTTP", HttpTab::new, true);
    // Tools shows this host's facts and one-off calculators: a second copy would only repeat the first.
    static final TabKind TOOLS = new TabKind("tools", "Tools", ToolsTab::new, false);

    // One merged timeline of every socket tab is all a window needs.
    static final TabKind ALL_TRAFFIC = new TabKind("allTraffic", "All Traffic", AllTrafficTab::new,
            false);

    // Scripts that send and expect (docs/scenarios.md): opened from the New Tab menu, not part of a new workspace.
    static final TabKind SCENARIO = new TabKind("scenario", "Scenario", ScenarioTab::new, true);

    // Stands between a client and a server (docs: README, Relay): opened from the New Tab menu only.
    static final TabKind RELAY = new TabKind("relay", "Relay", RelayTab::new, true);

    // One WebSocket client connection per tab (docs/websocket.md): from the New Tab menu, not part of a new workspace.
    static final TabKind WEBSOCKET = new TabKind("websocket", "WebSocket", WebSocketTab::new, true);

    private static final List<TabKind> ALL = List.of(TCP_SERVER, TCP_CLIENT, UDP, HTTP, WEBSOCKET, SCENARIO, RELAY,
            ALL_TRAFFIC, TOOLS);
    private static final List<TabKind> NEW_WORKSPACE = List.of(TCP_SERVER, TCP_CLIENT, UDP, HTTP, ALL_TRAFFIC, TOOLS);

    private TabKinds() {
    }

    static List<TabKind> all() {
        return ALL;
    }

    /** The kinds a new (or first-run) workspace opens, one tab each, in this order. */
    static List<TabKind> newWorkspace() {
        return NEW_WORKSPACE;
    }

    static Optional<TabKind> find(String id) {
        return ALL.stream().filter(kind -> kind.id().equals(id)).findFirst();
    }
}
