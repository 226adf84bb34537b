package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.udp.MulticastMembership;
import com.socketworkbench.testing.NamespaceChecks;
import com.socketworkbench.testing.NamespaceChecks.Check;
import com.socketworkbench.testing.NetworkNamespace;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ListenerState;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.testing.NamespaceChecks.check;
import static com.socketworkbench.testing.NamespaceChecks.expect;
import static com.socketworkbench.ui.tab.ModelPulses.pumpUntil;
import static com.socketworkbench.ui.tab.ModelPulses.pumpUntilRow;

/**
 * The UDP tab's multicast groups over Stop and Start, with real memberships, so only inside the private network
 * namespace {@link UdpTabNamespaceTest} makes ({@link NetworkNamespace}): the view model with a synchronous executor
 * (no toolkit), a plain JDK datagram socket sending to the group through lo.
 */
final class UdpTabNamespaceChecks {

    static final List<String> CHECK_IDS = List.of("stop-keeps-the-groups-and-start-joins-them-again",
            "a-group-left-while-stopped-is-not-joined-again");

    private static final Pattern BOUND = Pattern.compile("Bound to 0\\.0\\.0\\.0:(\\d+)");
    private static final MulticastInterfaceChoice LO = new MulticastInterfaceChoice("lo", "lo — loopback");

    private UdpTabNamespaceChecks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("stop-keeps-the-groups-and-start-joins-them-again", UdpTabNamespaceChecks::stopKeepsTheGroups);
        checks.put("a-group-left-while-stopped-is-not-joined-again", UdpTabNamespaceChecks::leftWhileStopped);
        NamespaceChecks.runAndExit(Path.of(args[0]), checks);
    }

    private static void stopKeepsTheGroups(List<AutoCloseable> cleanup) throws Exception {
        UdpViewModel model = tab(cleanup);
        MulticastMembership group = membership("239.255.84.1");
        start(model);
        join(model, "239.255.84.1");
        expect(List.of(group), List.copyOf(model.multicast().groups()));

        model.stop();
        expect(ListenerState.STOPPED, model.state());
        expect(List.of(group), List.copyOf(model.multicast().groups()));
        check(!model.multicast().boundProperty().get(), "shown as to be joined at the next start");

        int port = start(model);
        expect(List.of(group), List.copyOf(model.multicast().groups()));
        expect(List.of(group), model.endpoint().joinedGroups());
        pumpUntilRow(model, row -> row.event() instanceof Notice notice
                && notice.message().equals("Joined multicast group 239.255.84.1 on lo again"));
        try (DatagramSocket peer = peer(cleanup)) {
            send(peer, "239.255.84.1", port, "to the group after the restart");
            pumpUntilRow(model, row -> row.event() instanceof BytesReceived datagram
                    && text(datagram).equals("to the group after the restart"));
        }
    }

    private static void leftWhileStopped(List<AutoCloseable> cleanup) throws Exception {
        UdpViewModel model = tab(cleanup);
        start(model);
        join(model, "239.255.84.2");
        join(model, "239.255.84.3");
        model.stop();

        model.multicast().leave(membership("239.255.84.3"));
        expect(List.of(membership("239.255.84.2")), List.copyOf(model.multicast().groups()));
        int port = start(model);
        expect(List.of(membership("239.255.84.2")), model.endpoint().joinedGroups());
        try (DatagramSocket peer = peer(cleanup)) {
            send(peer, "239.255.84.3", port, "to the group left");
            send(peer, "239.255.84.2", port, "to the group kept");
            pumpUntilRow(model, row -> row.event() instanceof BytesReceived datagram
                    && text(datagram).equals("to the group kept"));
        }
        check(model.traffic().timeline().rows().stream().noneMatch(row -> row.event() instanceof BytesReceived datagram
                && text(datagram).equals("to the group left")), "the group left while stopped was not joined again");
    }

    private static UdpViewModel tab(List<AutoCloseable> cleanup) {
        Subscriptions subscriptions = new Subscriptions();
        UdpViewModel model = new UdpViewModel(InMemoryPreferences.fresh(), new CurrentThreadUiExecutor(),
                subscriptions);
        cleanup.add(subscriptions::dispose);
        cleanup.add(model::dispose);
        cleanup.add(model::stop);
        model.bindAddress().select("0.0.0.0");
        model.port().textProperty().set("0");
        model.multicast().networkInterfaceProperty().set(LO);
        return model;
    }

    /** Starts the tab (bound when start returns, with the synchronous executor) and returns its port. */
    private static int start(UdpViewModel model) {
        model.start();
        expect(ListenerState.RUNNING, model.state());
        Matcher bound = BOUND.matcher(model.listeningAddressProperty().get());
        check(bound.matches(), model.listeningAddressProperty().get());
        return Integer.parseInt(bound.group(1));
    }

    private static void join(UdpViewModel model, String group) {
        model.multicast().groupProperty().set(group);
        model.multicast().join();
        pumpUntil(model, () -> model.multicast().groups().contains(membership(group)));
    }

    private static MulticastMembership membership(String group) {
        return new MulticastMembership(InetAddress.ofLiteral(group), "lo");
    }

    private static DatagramSocket peer(List<AutoCloseable> cleanup) throws Exception {
        DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer.setOption(StandardSocketOptions.IP_MULTICAST_IF, NetworkInterface.getByName("lo"));
        cleanup.add(peer);
        return peer;
    }

    private static void send(DatagramSocket peer, String group, int port, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.ofLiteral(group), port));
    }

    private static String text(BytesReceived datagram) {
        return new String(datagram.data(), StandardCharsets.UTF_8);
    }
}
