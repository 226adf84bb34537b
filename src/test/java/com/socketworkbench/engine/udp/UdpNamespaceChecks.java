package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.testing.NamespaceChecks;
import com.socketworkbench.testing.NamespaceChecks.Check;
import com.socketworkbench.testing.NetworkNamespace;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.testing.NamespaceChecks.VETH_PEER;
import static com.socketworkbench.testing.NamespaceChecks.VETH_SENDER;
import static com.socketworkbench.testing.NamespaceChecks.check;
import static com.socketworkbench.testing.NamespaceChecks.expect;
import static com.socketworkbench.testing.NamespaceChecks.requireVeth;

/**
 * Broadcast and multicast checks that must never run on a real network: {@link UdpNamespaceTest} starts this in a
 * private network namespace (only lo and a veth pair swb0/swb1 that lead nowhere, see {@link NetworkNamespace}) and
 * reads one result line per check from the file named by the first argument.
 */
final class UdpNamespaceChecks {

    static final List<String> CHECK_IDS = List.of(
            "broadcast-with-option", "broadcast-refused-without-option", "broadcast-interface-address",
            "broadcast-kernel-refusal-mapped", "multicast-ipv4", "multicast-ipv4-default-interface",
            "multicast-loopback-off", "multicast-ipv4-group-on-dual-stack-socket", "multicast-ipv6",
            "multicast-ipv6-default-interface", "multicast-ipv6-group-on-ipv4-socket", "multicast-validation",
            "multicast-rejoined-after-restart", "multicast-taken-over-by-a-new-endpoint");

    private UdpNamespaceChecks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("broadcast-with-option", UdpNamespaceChecks::broadcastWithOption);
        checks.put("broadcast-refused-without-option", UdpNamespaceChecks::broadcastRefusedWithoutOption);
        checks.put("broadcast-interface-address", UdpNamespaceChecks::broadcastInterfaceAddress);
        checks.put("broadcast-kernel-refusal-mapped", UdpNamespaceChecks::broadcastKernelRefusalMapped);
        checks.put("multicast-ipv4", UdpNamespaceChecks::multicastIpv4);
        checks.put("multicast-ipv4-default-interface", UdpNamespaceChecks::multicastIpv4DefaultInterface);
        checks.put("multicast-loopback-off", UdpNamespaceChecks::multicastLoopbackOff);
        checks.put("multicast-ipv4-group-on-dual-stack-socket", UdpNamespaceChecks::ipv4GroupOnDualStackSocket);
        checks.put("multicast-ipv6", UdpNamespaceChecks::multicastIpv6);
        checks.put("multicast-ipv6-default-interface", UdpNamespaceChecks::multicastIpv6DefaultInterface);
        checks.put("multicast-ipv6-group-on-ipv4-socket", UdpNamespaceChecks::ipv6GroupOnIpv4Socket);
        checks.put("multicast-validation", UdpNamespaceChecks::multicastValidation);
        checks.put("multicast-rejoined-after-restart", UdpNamespaceChecks::multicastRejoinedAfterRestart);
        checks.put("multicast-taken-over-by-a-new-endpoint", UdpNamespaceChecks::multicastTakenOverByANewEndpoint);
        NamespaceChecks.runAndExit(Path.of(args[0]), checks);
    }

    // ---------------------------------------------------------------- broadcast

    private static void broadcastWithOption(List<AutoCloseable> cleanup) throws Exception {
        RecordingSink inbox = new RecordingSink();
        int port = started(cleanup, inbox, "0.0.0.0").getPort();
        UdpEndpoint sender = endpoint(cleanup, new UdpConfig("0.0.0.0", 0, UdpConfig.DEFAULT_RECEIVE_BUFFER, true));

        sent(sender.send("127.255.255.255", port, text("to all on lo")));
        expect("to all on lo", firstText(inbox));
        check(sender.isBroadcast(), "broadcast option reported on");
    }

    private static void broadcastRefusedWithoutOption(List<AutoCloseable> cleanup) throws Exception {
        RecordingSink inbox = new RecordingSink();
        int port = started(cleanup, inbox, "0.0.0.0").getPort();
        RecordingSink senderEvents = new RecordingSink();
        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0), senderEvents);
        sender.start();

        for (String address : List.of("127.255.255.255", "255.255.255.255")) {
            Failure failure = refused(sender.send(address, port, text("must not leave")));
            expect(FailureKind.INVALID_INPUT, failure.kind());
            expect("Sending to the broadcast address " + address + " needs the Broadcast option (SO_BROADCAST)",
                    failure.message());
            check(senderEvents.all(Failure.class).contains(failure), "the refusal is an event too");
        }
        check(sender.datagramsOut() == 0, "nothing sent");

        sender.setBroadcast(true);
        sent(sender.send("127.255.255.255", port, text("now allowed")));
        expect("now allowed", firstText(inbox));
        check(inbox.all(BytesReceived.class).size() == 1, "the refused datagrams never arrived");
    }

    private static void broadcastInterfaceAddress(List<AutoCloseable> cleanup) throws Exception {
        requireVeth();
        String address = "192.0.2.255";
        check(BroadcastAddresses.isBroadcast(InetAddress.ofLiteral(address)),
                address + " is known from " + VETH_PEER + "'s InterfaceAddress.getBroadcast()");
        RecordingSink inbox = new RecordingSink();
        int port = started(cleanup, inbox, "0.0.0.0").getPort();
        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));

        Failure failure = refused(sender.send(address, port, text("must not leave")));
        expect("Sending to the broadcast address " + address + " needs the Broadcast option (SO_BROADCAST)",
                failure.message());
        expect("", failure.technicalDetail());

        sender.setBroadcast(true);
        sent(sender.send(address, port, text("subnet broadcast")));
        expect("subnet broadcast", firstText(inbox));
    }

    private static void broadcastKernelRefusalMapped(List<AutoCloseable> cleanup) throws Exception {
        // lo carries 198.51.100.1/24 brd 198.51.100.255: the kernel treats .255 as broadcast, but lo has no
        // IFF_BROADCAST flag so Java reports no broadcast address and only the kernel's EACCES can catch it.
        String address = "198.51.100.255";
        check(!BroadcastAddresses.isBroadcast(InetAddress.ofLiteral(address)), "not known to the pre-check");
        RecordingSink inbox = new RecordingSink();
        int port = started(cleanup, inbox, "0.0.0.0").getPort();
        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));

        Failure failure = refused(sender.send(address, port, text("kernel says no")));
        expect(FailureKind.INVALID_INPUT, failure.kind());
        expect("Sending to the broadcast address " + address + " needs the Broadcast option (SO_BROADCAST)",
                failure.message());
        check(failure.technicalDetail().contains("Permission denied"), "came from the kernel: "
                + failure.technicalDetail());
    }

    // ---------------------------------------------------------------- multicast

    private static void multicastIpv4(List<AutoCloseable> cleanup) throws Exception {
        String group = "239.255.83.1";
        RecordingSink inbox = new RecordingSink();
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0), inbox);
        int port = receiver.start().getPort();
        receiver.joinGroup(group, "lo");
        receiver.joinGroup(group, "lo");
        expect(List.of(new MulticastMembership(InetAddress.ofLiteral(group), "lo")), receiver.joinedGroups());
        expect(1L, inbox.all(Notice.class).stream().filter(n -> n.message().startsWith("Joined")).count());
        expect("Joined multicast group 239.255.83.1 on lo",
                inbox.awaitFirst(Notice.class, n -> n.message().startsWith("Joined")).message());

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        sender.setMulticastInterface("lo");
        sender.setMulticastTtl(1);
        sent(sender.send(group, port, text("to the group")));
        expect("to the group", firstText(inbox));

        receiver.leaveGroup(group, null);
        expect(List.of(), receiver.joinedGroups());
        sent(sender.send(group, port, text("after leaving")));
        sent(sender.send("127.0.0.1", port, text("marker")));
        expect("marker", textAt(inbox, 1));
        check(inbox.all(BytesReceived.class).size() == 2, "nothing arrived for the group after leaving");
    }

    private static void multicastIpv4DefaultInterface(List<AutoCloseable> cleanup) throws Exception {
        String group = "239.255.83.2";
        RecordingSink inbox = new RecordingSink();
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0), inbox);
        int port = receiver.start().getPort();
        receiver.joinGroup(group, null);
        expect("lo", receiver.joinedGroups().getFirst().interfaceName());

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        sent(sender.send(group, port, text("default route")));
        expect("default route", firstText(inbox));
    }

    private static void multicastLoopbackOff(List<AutoCloseable> cleanup) throws Exception {
        // On the veth, not lo: a datagram sent out through lo comes back in as itself, so IP_MULTICAST_LOOP only
        // matters on a real (here: virtual) interface, where it controls the local copy.
        requireVeth();
        String group = "ff05::5357:5";
        RecordingSink inbox = new RecordingSink();
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("::", 0), inbox);
        int port = receiver.start().getPort();
        receiver.joinGroup(group, VETH_SENDER);

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("::", 0));
        sender.setMulticastInterface(VETH_SENDER);
        sender.setMulticastLoopback(false);
        check(!sender.multicastLoopback(), "loopback reported off");
        sent(sender.send(group, port, text("not looped back")));
        sent(sender.send("::1", port, text("marker")));
        expect("marker", firstText(inbox));

        sender.setMulticastLoopback(true);
        sent(sender.send(group, port, text("looped back")));
        expect("looped back", textAt(inbox, 1));
    }

    private static void ipv4GroupOnDualStackSocket(List<AutoCloseable> cleanup) throws Exception {
        String group = "239.255.83.4";
        RecordingSink inbox = new RecordingSink();
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("::", 0), inbox);
        int port = receiver.start().getPort();
        receiver.joinGroup(group, "lo");

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        sender.setMulticastInterface("lo");
        sent(sender.send(group, port, text("v4 group, v6 socket")));
        expect("v4 group, v6 socket", firstText(inbox));
    }

    private static void multicastIpv6(List<AutoCloseable> cleanup) throws Exception {
        requireVeth();
        RecordingSink inbox = new RecordingSink();
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("::", 0), inbox);
        int port = receiver.start().getPort();
        receiver.joinGroup("ff05::5357:1", VETH_SENDER);
        receiver.joinGroup("ff02::5357:2", VETH_SENDER);
        expect(List.of(new MulticastMembership(InetAddress.ofLiteral("ff05::5357:1"), VETH_SENDER),
                new MulticastMembership(InetAddress.ofLiteral("ff02::5357:2"), VETH_SENDER)), receiver.joinedGroups());

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("::", 0));
        sender.setMulticastInterface(VETH_SENDER);
        sent(sender.send("ff05::5357:1", port, text("site-local group")));
        expect("site-local group", firstText(inbox));
        sent(sender.send("ff02::5357:2", port, text("link-local group")));
        expect("link-local group", textAt(inbox, 1));
    }

    private static void multicastIpv6DefaultInterface(List<AutoCloseable> cleanup) throws Exception {
        requireVeth();
        String group = "ff05::5357:3";
        RecordingSink inbox = new RecordingSink();
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("::", 0), inbox);
        int port = receiver.start().getPort();
        receiver.joinGroup(group, null);
        String chosen = receiver.joinedGroups().getFirst().interfaceName();
        check(chosen.equals(VETH_SENDER) || chosen.equals(VETH_PEER), "chose a multicast interface: " + chosen);

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("::", 0));
        sent(sender.send(group, port, text("default route v6")));
        expect("default route v6", firstText(inbox));
    }

    private static void ipv6GroupOnIpv4Socket(List<AutoCloseable> cleanup) throws Exception {
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        receiver.start();
        try {
            receiver.joinGroup("ff05::5357:4", "lo");
            throw new AssertionError("joined an IPv6 group on an IPv4 socket");
        } catch (SocketErrorException expected) {
            expect(FailureKind.INVALID_INPUT, expected.failure().kind());
            expect("ff05::5357:4 is an IPv6 group, but this endpoint is bound to the IPv4 address "
                    + Endpoints.describe(receiver.localAddress()) + "; bind to :: to join IPv6 groups",
                    expected.getMessage());
        }
    }

    private static void multicastValidation(List<AutoCloseable> cleanup) throws Exception {
        UdpEndpoint idle = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        try {
            idle.joinGroup("239.255.83.5", "lo");
            throw new AssertionError("joined before start");
        } catch (SocketErrorException expected) {
            expect(FailureKind.INVALID_STATE, expected.failure().kind());
            expect("Start the UDP endpoint before you join a multicast group", expected.getMessage());
        }

        RecordingSink inbox = new RecordingSink();
        UdpEndpoint unicastBound = endpoint(cleanup, UdpConfig.of("127.0.0.1", 0), inbox);
        unicastBound.start();
        unicastBound.joinGroup("239.255.83.5", "lo");
        String notice = inbox.awaitFirst(Notice.class, n -> n.message().startsWith("Joined")).message();
        check(notice.contains("the socket is bound to 127.0.0.1, so the system will not deliver datagrams addressed "
                + "to the group here; bind to 0.0.0.0"), notice);
        try {
            unicastBound.leaveGroup("239.255.83.6", null);
            throw new AssertionError("left a group it never joined");
        } catch (SocketErrorException expected) {
            expect(expected.failure(), inbox.awaitFirst(Failure.class, f -> true));
            expect("Not a member of 239.255.83.6", expected.getMessage());
        }
        unicastBound.leaveGroup("239.255.83.5", "lo");
        expect(List.of(), unicastBound.joinedGroups());
    }

    private static void multicastRejoinedAfterRestart(List<AutoCloseable> cleanup) throws Exception {
        String group = "239.255.83.8";
        MulticastMembership onLo = new MulticastMembership(InetAddress.ofLiteral(group), "lo");
        RecordingSink inbox = new RecordingSink();
        UdpEndpoint receiver = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0), inbox);
        receiver.start();
        receiver.joinGroup(group, "lo");

        receiver.stop();
        expect(List.of(), receiver.joinedGroups());
        expect(List.of(onLo), receiver.multicastGroups());
        int port = receiver.start().getPort();
        expect(List.of(onLo), receiver.joinedGroups());
        expect("Joined multicast group 239.255.83.8 on lo again",
                inbox.awaitFirst(Notice.class, n -> n.message().endsWith(" again")).message());

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        sender.setMulticastInterface("lo");
        sent(sender.send(group, port, text("after the restart")));
        expect("after the restart", firstText(inbox));

        receiver.leaveGroup(group, null);
        receiver.stop();
        expect(List.of(), receiver.multicastGroups());
        int portAfterLeaving = receiver.start().getPort();
        expect(List.of(), receiver.joinedGroups());
        sent(sender.send(group, portAfterLeaving, text("not a member any more")));
        sent(sender.send("127.0.0.1", portAfterLeaving, text("marker")));
        expect("marker", textAt(inbox, 1));
        check(inbox.all(BytesReceived.class).size() == 2, "a group left before the restart is not joined again");
    }

    private static void multicastTakenOverByANewEndpoint(List<AutoCloseable> cleanup) throws Exception {
        UdpEndpoint stopped = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        stopped.start();
        stopped.joinGroup("239.255.83.9", "lo");
        stopped.joinGroup("239.255.83.10", "lo");
        stopped.close();

        RecordingSink inbox = new RecordingSink();
        UdpEndpoint next = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0), inbox);
        next.joinAtStart(stopped.multicastGroups());
        next.leaveGroup("239.255.83.10", "lo");
        expect("Left multicast group 239.255.83.10 on lo: the next start will not join it",
                inbox.awaitFirst(Notice.class, n -> n.message().startsWith("Left")).message());
        int port = next.start().getPort();
        expect(List.of(new MulticastMembership(InetAddress.ofLiteral("239.255.83.9"), "lo")), next.joinedGroups());

        UdpEndpoint sender = endpoint(cleanup, UdpConfig.of("0.0.0.0", 0));
        sender.setMulticastInterface("lo");
        sent(sender.send("239.255.83.10", port, text("left before the start")));
        sent(sender.send("239.255.83.9", port, text("taken over")));
        expect("taken over", firstText(inbox));
        check(inbox.all(BytesReceived.class).size() == 1, "only the group still wanted was joined");
    }

    // ---------------------------------------------------------------- helpers

    private static UdpEndpoint endpoint(List<AutoCloseable> cleanup, UdpConfig config) {
        return endpoint(cleanup, config, new RecordingSink());
    }

    private static UdpEndpoint endpoint(List<AutoCloseable> cleanup, UdpConfig config, RecordingSink sink) {
        UdpEndpoint endpoint = new UdpEndpoint(config, sink);
        cleanup.add(endpoint);
        return endpoint;
    }

    private static InetSocketAddress started(List<AutoCloseable> cleanup, RecordingSink sink, String host)
            throws Exception {
        return endpoint(cleanup, UdpConfig.of(host, 0), sink).start();
    }

    private static void sent(Future<Void> send) throws Exception {
        send.get(5, TimeUnit.SECONDS);
    }

    private static Failure refused(Future<Void> send) throws Exception {
        try {
            send.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SocketErrorException udp) {
                return udp.failure();
            }
            throw e;
        }
        throw new AssertionError("the send was not refused");
    }

    private static String firstText(RecordingSink inbox) {
        return textAt(inbox, 0);
    }

    private static String textAt(RecordingSink inbox, int index) {
        return new String(inbox.awaitCount(BytesReceived.class, index + 1).get(index).data(), StandardCharsets.UTF_8);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
