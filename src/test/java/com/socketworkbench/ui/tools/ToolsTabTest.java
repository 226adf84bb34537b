package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.AddressLabel;
import com.socketworkbench.engine.tools.HostInfo;
import com.socketworkbench.engine.tools.HostInfo.NetworkInterfaceInfo;
import com.socketworkbench.engine.tools.PortCheck;
import com.socketworkbench.engine.tools.ServiceTable.ServiceEntry;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real app's Tools tab. Only loopback is ever contacted, and names resolve from the test hosts file
 * (jdk.net.hosts.file), so nothing leaves the machine. One window serves every test (each sets the inputs it
 * relies on), which keeps the class fast.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolsTabTest {
    private final ToolsDriver driver = new ToolsDriver();

    @BeforeAll
    void launch() throws Exception {
        driver.launch();
    }

    @AfterAll
    void close() throws Exception {
        driver.close();
    }

    @Test
    void theStatusBarShowsNoTrafficCountersForTools() {
        assertFalse(fx(() -> driver.app().node("#statusCounters").isVisible()));
        assertEquals("", driver.app().text("#statusCounters"));
        try {
            driver.app().selectTab("tcpServer");
            assertTrue(fx(() -> driver.app().node("#statusCounters").isVisible()));
            assertTrue(driver.app().text("#statusCounters").startsWith("↓ 0 msg"));
        } finally {
            driver.app().selectTab("tools");
        }
    }

    @Test
    void toolsIsTheLastTabAndTheNavigationSwitchesCardsOnClick() {
        assertEquals("toolsTab", fx(() -> driver.app().<TabPane>node("#tabs").getTabs()
                .getLast().getId()));
        assertEquals(List.of(Tool.values()), fx(() -> List.copyOf(
                driver.app().<ListView<Tool>>node("#tools #toolsNav").getItems())));
        driver.app().click("Subnet calculator");
        assertTrue(driver.visible("subnetCard"));
        assertEquals(Tool.SUBNET, fx(() -> driver.tab().model().selectedProperty().get()));
        driver.app().click("Address converter");
        assertTrue(driver.visible("converterCard"));
        assertTrue(fx(() -> driver.app().robot().lookup("#tools #subnetCard").tryQuery().isEmpty()),
                "only the selected card is in the scene");
    }

    @Test
    void ipv4ConvertsLiveAndClassifiesLoopback() {
        driver.show(Tool.CONVERTER);
        driver.type("classifyPrefix", "");
        driver.type("ipv4Input", "127.0.0.1");
        assertEquals("127.0.0.1", driver.text("ipv4Dotted"));
        assertEquals("2130706433", driver.text("ipv4Integer"));
        assertEquals("0x7f000001", driver.text("ipv4Hex"));
        assertEquals("7f 00 00 01", driver.text("ipv4Bytes"));
        assertEquals("01111111.00000000.00000000.00000001", driver.text("ipv4Binary"));
        assertEquals("::ffff:127.0.0.1", driver.text("ipv4Mapped"));
        assertFalse(driver.visible("ipv4Error"));
        List<AddressLabel> facts = driver.classification();
        assertEquals(AddressLabel.Kind.LOOPBACK, facts.getFirst().kind(), facts.toString());
        assertTrue(driver.text("classifySubject").startsWith("127.0.0.1"));

        driver.type("ipv4Input", "1.2.3.256");
        assertTrue(driver.visible("ipv4Error"));
        assertTrue(driver.text("ipv4Error").contains("256"), driver.text("ipv4Error"));
        assertEquals("", driver.text("ipv4Integer"));
        assertEquals("", driver.text("ipv4Bytes"));
        assertTrue(fx(() -> driver.app().node("#tools #ipv4Input").getStyleClass().contains("invalid")));
    }

    @Test
    void ipv4AcceptsEveryFormTypedWithTheKeyboard() {
        driver.show(Tool.CONVERTER);
        driver.type("classifyPrefix", "");
        driver.app().robot().clickOn("#tools #ipv4Input");
        driver.app().robot().push(KeyCode.SHORTCUT, KeyCode.A).write("7f 00 00 01");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("127.0.0.1", driver.text("ipv4Dotted"));
        assertTrue(driver.text("ipv4ReadAs").contains("bytes"), driver.text("ipv4ReadAs"));

        driver.type("ipv4Input", "2130706433");
        assertEquals("127.0.0.1", driver.text("ipv4Dotted"));
        driver.type("ipv4Input", "0xc0a80101");
        assertEquals("192.168.1.1", driver.text("ipv4Dotted"));
        driver.type("ipv4Input", "127.1");
        assertEquals("127.0.0.1", driver.text("ipv4Dotted"));
        assertTrue(driver.text("ipv4Note").contains("short form"), driver.text("ipv4Note"));
    }

    @Test
    void ipv6ExpandsCompressesAndTheClassificationFollowsTheLastEditedBox() {
        driver.show(Tool.CONVERTER);
        driver.type("classifyPrefix", "");
        driver.type("ipv4Input", "127.0.0.1");
        driver.type("ipv6Input", "::1");
        assertEquals(AddressLabel.Kind.LOOPBACK, driver.classification().getFirst().kind());
        assertTrue(driver.text("classifySubject").startsWith("::1"), driver.text("classifySubject"));
        driver.type("ipv6Input", "2001:db8::1");
        assertEquals("2001:0db8:0000:0000:0000:0000:0000:0001", driver.text("ipv6Expanded"));
        assertEquals("2001:db8::1", driver.text("ipv6Compressed"));
        assertEquals("20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01", driver.text("ipv6Bytes"));
        assertEquals(AddressLabel.Kind.DOCUMENTATION, driver.classification().getFirst().kind());

        driver.type("ipv6Input", "2001:0DB8:0000:0000:0000:0000:0000:0001");
        assertEquals("2001:db8::1", driver.text("ipv6Compressed"));
        driver.type("ipv6Input", "::ffff:192.0.2.1");
        assertEquals("192.0.2.1", driver.text("ipv6MappedIpv4"));
        driver.type("ipv6Input", "2001:db8::1::2");
        assertTrue(driver.text("ipv6Error").contains("'::' more than once"), driver.text("ipv6Error"));

        driver.type("ipv6Input", "::1");
        driver.app().robot().clickOn("#tools #ipv6Input");
        driver.app().robot().clickOn("#tools #ipv4Input");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(driver.text("classifySubject").startsWith("127.0.0.1"), "focus picks the box to classify");
        driver.app().robot().clickOn("#tools #ipv6Input");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(driver.text("classifySubject").startsWith("::1"), driver.text("classifySubject"));
    }

    @Test
    void aPrefixRevealsTheDirectedBroadcast() {
        driver.show(Tool.CONVERTER);
        driver.type("classifyPrefix", "");
        driver.type("ipv4Input", "192.168.1.255");
        driver.type("classifyPrefix", "24");
        List<AddressLabel.Kind> kinds = driver.classification().stream().map(AddressLabel::kind).toList();
        assertEquals(List.of(AddressLabel.Kind.PRIVATE, AddressLabel.Kind.DIRECTED_BROADCAST), kinds);
        driver.type("classifyPrefix", "40");
        assertTrue(driver.visible("classifyError"));
        assertTrue(driver.classification().isEmpty());
    }

    @Test
    void subnetCalculatorWorksOutTheBroadcastAndHostCount() {
        driver.show(Tool.SUBNET);
        driver.type("subnetInput", "192.168.1.10/24");
        assertEquals("192.168.1.0/24", driver.text("subnetNetwork"));
        assertEquals("255.255.255.0", driver.text("subnetNetmask"));
        assertEquals("0.0.0.255", driver.text("subnetWildcard"));
        assertEquals("192.168.1.255", driver.text("subnetBroadcast"));
        assertEquals("192.168.1.1", driver.text("subnetFirstHost"));
        assertEquals("192.168.1.254", driver.text("subnetLastHost"));
        assertEquals("254", driver.text("subnetHostCount"));
        assertEquals("256 (2^8)", driver.text("subnetTotal"));
        assertTrue(driver.text("subnetBitsLegend").contains("24 network bits"));
        assertTrue(statusBar().startsWith("Subnet calculator: 192.168.1.0/24 · 254 hosts"), statusBar());

        driver.type("subnetInput", "10.0.0.1 255.0.0.0");
        assertEquals("10.0.0.0/8", driver.text("subnetNetwork"));
        driver.type("subnetInput", "2001:db8::1/64");
        assertEquals("2001:db8::/64", driver.text("subnetNetwork"));
        assertEquals("18,446,744,073,709,551,616 (2^64)", driver.text("subnetTotal"));
        assertFalse(driver.visible("subnetBits"), "the bit picture is for IPv4");
        driver.type("subnetInput", "192.168.1.10");
        assertTrue(driver.text("subnetError").contains("no prefix length"), driver.text("subnetError"));
    }

    @Test
    void servicesAnswerBothWays() {
        driver.show(Tool.SERVICES);
        driver.type("serviceQuery", "http");
        driver.waitUntil(() -> !driver.<ServiceEntry>rows("serviceResult").isEmpty());
        assertTrue(driver.text("serviceSummary").contains("80/tcp"), driver.text("serviceSummary"));
        assertTrue(driver.<ServiceEntry>rows("serviceResult").stream()
                .anyMatch(e -> e.name().equals("http") && e.portAndProtocol().equals("80/tcp")));
        assertTrue(driver.text("serviceSource").startsWith("From "), driver.text("serviceSource"));
        assertTrue(driver.text("portRange").contains("well-known"), driver.text("portRange"));

        driver.type("serviceQuery", "22");
        assertEquals("ssh", driver.text("serviceSummary"));
        assertEquals("getservbyport(22) →", driver.text("serviceCall"));

        driver.type("serviceQuery", "50000");
        assertTrue(driver.text("portRange").contains("dynamic"), driver.text("portRange"));
        driver.type("serviceQuery", "70000");
        assertTrue(driver.text("serviceError").contains("65535"), driver.text("serviceError"));
        driver.type("serviceQuery", "no-such-service-here");
        assertTrue(driver.text("serviceSummary").contains("not found"), driver.text("serviceSummary"));
    }

    @Test
    void portCheckFindsAnOpenAndARefusedLoopbackPort() throws Exception {
        driver.show(Tool.PORT_CHECK);
        driver.type("portCheckHost", "127.0.0.1");
        int checksBefore = driver.<PortCheckRow>rows("portCheckHistory").size();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            driver.type("portCheckPort", Integer.toString(server.getLocalPort()));
            driver.app().click("#tools #portCheckButton");
            driver.waitUntil(() -> driver.text("portCheckStatus").equals("open"));
            assertTrue(driver.text("portCheckResult").contains("is open"), driver.text("portCheckResult"));
        }
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        driver.type("portCheckPort", Integer.toString(closedPort));
        driver.app().click("#tools #portCheckButton");
        driver.waitUntil(() -> driver.text("portCheckStatus").equals("refused"));
        assertTrue(driver.text("portCheckResult").contains("refused"), driver.text("portCheckResult"));
        List<PortCheckRow> history = driver.rows("portCheckHistory");
        assertEquals(checksBefore + 2, history.size());
        assertEquals(PortCheck.Status.REFUSED, history.getFirst().result().status(),
                "newest first");
        assertEquals("Check", driver.text("portCheckButton"));
    }

    @Test
    void portCheckRefusesAnInvalidPortBeforeConnecting() {
        driver.show(Tool.PORT_CHECK);
        driver.type("portCheckPort", "0");
        assertTrue(driver.app().disabled("#tools #portCheckButton"));
        assertTrue(driver.visible("portCheckPortMessage"));
        driver.type("portCheckHost", "");
        assertTrue(driver.visible("portCheckHostMessage"));
    }

    @Test
    void resolvesLocalhostAndReversesTheLoopbackAddress() {
        driver.show(Tool.RESOLVE);
        driver.type("resolveName", "localhost");
        driver.app().click("#tools #resolveButton");
        driver.waitUntil(() -> !driver.<AddressRow>rows("resolveResult").isEmpty());
        List<AddressRow> rows = driver.rows("resolveResult");
        assertTrue(rows.stream().anyMatch(row -> row.address().equals("127.0.0.1") && row.family().equals("IPv4")
                && row.kind().startsWith("loopback")), rows.toString());
        assertTrue(driver.text("resolveSummary").startsWith("localhost has "), driver.text("resolveSummary"));
        assertFalse(driver.visible("resolveError"));

        driver.type("reverseAddress", "127.0.0.1");
        driver.app().click("#tools #reverseButton");
        driver.waitUntil(() -> !driver.text("reverseResult").isEmpty());
        assertEquals("localhost", driver.text("reverseResult"));
    }

    @Test
    void anUnknownNameIsExplainedInline() {
        driver.show(Tool.RESOLVE);
        // .invalid never resolves (RFC 6761): the engine answers without asking anyone.
        driver.type("resolveName", "no-such-host.invalid");
        driver.app().click("#tools #resolveButton");
        driver.waitUntil(() -> driver.visible("resolveError"));
        assertTrue(driver.text("resolveError").contains("does not exist"), driver.text("resolveError"));
        assertTrue(driver.<AddressRow>rows("resolveResult").isEmpty());
        assertEquals("Look up", driver.text("resolveButton"));
    }

    @Test
    void thisHostListsTheLoopbackInterface() {
        driver.show(Tool.THIS_HOST);
        driver.waitUntil(() -> !driver.<NetworkInterfaceInfo>rows("interfaces").isEmpty());
        List<NetworkInterfaceInfo> interfaces = driver.rows("interfaces");
        assertTrue(interfaces.getFirst().loopback(), interfaces.toString());
        assertTrue(interfaces.getFirst().addresses().stream().anyMatch(a -> a.cidr().equals("127.0.0.1/8")));
        assertEquals(HostInfo.localHostName(), driver.text("hostName"));
        assertEquals("Refresh", driver.text("hostRefresh"));
        driver.app().click("#tools #hostRefresh");
        driver.waitUntil(() -> !driver.app().disabled("#tools #hostRefresh"));
        assertFalse(driver.<NetworkInterfaceInfo>rows("interfaces").isEmpty());
    }

    private String statusBar() {
        return fx(() -> driver.app().<StatusBar>node("#statusBar").getText());
    }
}
