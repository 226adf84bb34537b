package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real sockets on loopback only (127.0.0.1 and ::1); broadcast and multicast live in {@link UdpNamespaceTest}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpEndpointTest {

    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    private UdpEndpoint endpoint(String bindHost) {
        UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of(bindHost, 0), sink);
        cleanup.add(endpoint);
        return endpoint;
    }

    private DatagramSocket peer(String host) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, 0));
        socket.setSoTimeout(5_000);
        cleanup.add(socket);
        return socket;
    }

    private static DatagramPacket receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[70_000], 70_000);
        socket.receive(packet);
        return packet;
    }

    private static byte[] payloadOf(DatagramPacket packet) {
        return Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
    }

    private static void sendTo(DatagramSocket socket, InetSocketAddress target, byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length, target));
    }

    private static Failure failureOf(CompletableFuture<?> future) {
        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(SocketErrorException.class, thrown.getCause()).failure();
    }

    private static byte[] allByteValues() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    private static boolean ipv6LoopbackAvailable() {
        try {
            new DatagramSocket(new InetSocketAddress("::1", 0)).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void exchangesAllByteValuesAndAnEmptyDatagramExactlyBothWays() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        InetSocketAddress local = endpoint.start();
        DatagramSocket peer = peer("127.0.0.1");

        sendTo(peer, local, allByteValues());
        sendTo(peer, local, new byte[0]);
        List<BytesReceived> received = sink.awaitCount(BytesReceived.class, 2);
        assertArrayEquals(allByteValues(), received.get(0).data());
        assertEquals(0, received.get(1).data().length, "the empty datagram arrives as an empty event");
        for (BytesReceived event : received) {
            assertEquals(peer.getLocalSocketAddress(), event.remote());
            assertEquals(local, event.local());
            assertEquals(1, event.reads());
            assertFalse(event.truncated());
            assertEquals(endpoint.id(), event.connectionId());
        }

        endpoint.send("127.0.0.1", peer.getLocalPort(), allByteValues()).join();
        endpoint.send("127.0.0.1", peer.getLocalPort(), new byte[0]).join();
        DatagramPacket first = receive(peer);
        DatagramPacket second = receive(peer);
        assertArrayEquals(allByteValues(), payloadOf(first));
        assertEquals(0, second.getLength());
        assertEquals(local, first.getSocketAddress(), "sent from the bound socket");

        List<BytesSent> sent = sink.all(BytesSent.class);
        assertEquals(2, sent.size());
        assertEquals(peer.getLocalSocketAddress(), sent.get(0).remote());
        assertArrayEquals(allByteValues(), sent.get(0).data());
        assertEquals(2, endpoint.datagramsIn());
        assertEquals(256, endpoint.bytesIn());
        assertEquals(2, endpoint.datagramsOut());
        assertEquals(256, endpoint.bytesOut());
    }

    @Test
    void countsAThousandDatagramsInOrderExactlyInBothDirections() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        InetSocketAddress local = endpoint.start();
        DatagramSocket peer = peer("127.0.0.1");
        int total = 1_000;
        int window = 100;

        // Paced in windows so no datagram can be dropped for a full queue; the count must then be exact.
        for (int start = 0; start < total; start += window) {
            for (int i = start; i < start + window; i++) {
                sendTo(peer, local, ByteBuffer.allocate(4).putInt(i).array());
            }
            long expected = start + window;
            await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.datagramsIn() == expected);
        }
        List<BytesReceived> received = sink.all(BytesReceived.class);
        assertEquals(total, received.size());
        for (int i = 0; i < total; i++) {
            assertEquals(i, ByteBuffer.wrap(received.get(i).data()).getInt(), "datagram " + i + " in order");
        }
        assertEquals(total * 4L, endpoint.bytesIn());

        InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
        for (int start = 0; start < total; start += window) {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = start; i < start + window; i++) {
                sends.add(endpoint.send(peerAddress, ByteBuffer.allocate(4).putInt(i).array()));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            for (int i = start; i < start + window; i++) {
                assertEquals(i, ByteBuffer.wrap(payloadOf(receive(peer))).getInt(), "sent datagram " + i + " in order");
            }
        }
        assertEquals(total, endpoint.datagramsOut());
        assertEquals(total * 4L, endpoint.bytesOut());
        assertEquals(total, sink.all(BytesSent.class).size());
    }

    @Test
    void refusesADatagramTooLargeForIpv4AndSendsTheLargestThatFits() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        DatagramSocket peer = peer("127.0.0.1");

        Failure failure = failureOf(endpoint.send("127.0.0.1", peer.getLocalPort(), new byte[65_508]));
        assertEquals(FailureKind.LIMIT_EXCEEDED, failure.kind());
        assertTrue(failure.message().contains("65,508 bytes"), failure.message());
        assertTrue(failure.message().contains("65,507 = 65,535 − 20 IP header − 8 UDP header"), failure.message());
        assertTrue(sink.all(Failure.class).contains(failure), "the refusal is also an event");
        assertFalse(endpoint.isRunning(), "refused before binding anything");
        assertEquals(0, endpoint.datagramsOut());
        assertTrue(sink.all(BytesSent.class).isEmpty());

        byte[] largest = new byte[UdpLimits.MAX_IPV4_PAYLOAD];
        Arrays.fill(largest, (byte) 0x5a);
        endpoint.send("127.0.0.1", peer.getLocalPort(), largest).join();
        assertArrayEquals(largest, payloadOf(receive(peer)));
    }

    @Test
    void refusesADatagramTooLargeForIpv6AndSendsTheLargestThatFits() throws Exception {
        assumeTrue(ipv6LoopbackAvailable(), "IPv6 loopback ::1 is not available here");
        UdpEndpoint endpoint = endpoint("::1");
        endpoint.start();
        DatagramSocket peer = peer("::1");

        Failure failure = failureOf(endpoint.send("::1", peer.getLocalPort(), new byte[65_528]));
        assertEquals(FailureKind.LIMIT_EXCEEDED, failure.kind());
        assertTrue(failure.message().contains("65,527 = 65,535 IPv6 payload length − 8 UDP header"),
                failure.message());
        assertEquals(0, endpoint.datagramsOut());

        byte[] largest = new byte[UdpLimits.MAX_IPV6_PAYLOAD];
        Arrays.fill(largest, (byte) 0x6b);
        endpoint.send("::1", peer.getLocalPort(), largest).join();
        assertArrayEquals(largest, payloadOf(receive(peer)));

        sendTo(peer, endpoint.localAddress(), largest);
        BytesReceived received = sink.awaitFirst(BytesReceived.class, e -> true);
        assertArrayEquals(largest, received.data());
        assertFalse(received.truncated());
    }

    @Test
    void worksOverIpv6Loopback() throws Exception {
        assumeTrue(ipv6LoopbackAvailable(), "IPv6 loopback ::1 is not available here");
        UdpEndpoint endpoint = endpoint("::1");
        InetSocketAddress local = endpoint.start();
        assertInstanceOf(Inet6Address.class, local.getAddress());
        DatagramSocket peer = peer("::1");

        sendTo(peer, local, "over v6".getBytes(StandardCharsets.US_ASCII));
        BytesReceived received = sink.awaitFirst(BytesReceived.class, e -> true);
        assertEquals("over v6", new String(received.data(), StandardCharsets.US_ASCII));
        assertInstanceOf(Inet6Address.class, ((InetSocketAddress) received.remote()).getAddress());

        endpoint.send("[::1]", peer.getLocalPort(), new byte[]{1, 2, 3}).join();
        DatagramPacket reply = receive(peer);
        assertArrayEquals(new byte[]{1, 2, 3}, payloadOf(reply));
        assertEquals(local.getPort(), reply.getPort());
        assertEquals("[::1]:" + local.getPort(), Endpoints.describe(local));
    }

    @Test
    void repliesToTheSenderFromTheSamePort() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        InetSocketAddress local = endpoint.start();
        DatagramSocket peer = peer("127.0.0.1");

        sendTo(peer, local, "ping".getBytes(StandardCharsets.US_ASCII));
        BytesReceived ping = sink.awaitFirst(BytesReceived.class, e -> true);
        endpoint.send((InetSocketAddress) ping.remote(), "pong".getBytes(StandardCharsets.US_ASCII)).join();

        DatagramPacket pong = receive(peer);
        assertEquals("pong", new String(payloadOf(pong), StandardCharsets.US_ASCII));
        assertEquals(local, pong.getSocketAddress(), "the peer sees the endpoint's own port as the source");
    }

    @Test
    void sendingBeforeStartBindsAnEphemeralLoopbackPortAndSaysSo() throws Exception {
        UdpEndpoint endpoint = endpoint("0.0.0.0");
        DatagramSocket peer = peer("127.0.0.1");

        endpoint.send("127.0.0.1", peer.getLocalPort(), "hi".getBytes(StandardCharsets.US_ASCII)).join();
        InetSocketAddress bound = endpoint.localAddress();
        assertNotNull(bound);
        assertEquals(InetAddress.ofLiteral("127.0.0.1"), bound.getAddress());
        assertTrue(bound.getPort() > 0);
        assertEquals("Not started: bound 127.0.0.1:" + bound.getPort() + " to send",
                sink.awaitFirst(Notice.class, n -> n.message().startsWith("Not started")).message());
        assertEquals(bound, sink.awaitFirst(ListenerStarted.class, e -> true).local());

        DatagramPacket packet = receive(peer);
        assertEquals(bound, packet.getSocketAddress());
        sendTo(peer, bound, "back".getBytes(StandardCharsets.US_ASCII));
        assertEquals("back", new String(sink.awaitFirst(BytesReceived.class, e -> true).data(),
                StandardCharsets.US_ASCII), "the automatically bound port receives replies");
    }

    @Test
    void sendingBeforeStartToIpv6LoopbackBindsIpv6Loopback() throws Exception {
        assumeTrue(ipv6LoopbackAvailable(), "IPv6 loopback ::1 is not available here");
        UdpEndpoint endpoint = endpoint("0.0.0.0");
        DatagramSocket peer = peer("::1");

        endpoint.send("::1", peer.getLocalPort(), new byte[]{7}).join();
        InetSocketAddress bound = endpoint.localAddress();
        assertEquals(InetAddress.ofLiteral("::1"), bound.getAddress());
        assertEquals("Not started: bound [::1]:" + bound.getPort() + " to send",
                sink.awaitFirst(Notice.class, n -> n.message().startsWith("Not started")).message());
        assertEquals(bound.getPort(), receive(peer).getPort());
    }

    @Test
    void flagsADatagramLargerThanTheReceiveLimitAsTruncated() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        endpoint.setMaxDatagramSize(16);
        InetSocketAddress local = endpoint.start();
        DatagramSocket peer = peer("127.0.0.1");
        byte[] hundred = new byte[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = (byte) i;
        }

        sendTo(peer, local, hundred);
        sendTo(peer, local, Arrays.copyOf(hundred, 16));
        List<BytesReceived> received = sink.awaitCount(BytesReceived.class, 2);
        assertTrue(received.get(0).truncated(), "cut datagrams are never delivered silently");
        assertArrayEquals(Arrays.copyOf(hundred, 16), received.get(0).data());
        assertFalse(received.get(1).truncated(), "exactly the limit is not truncated");
        assertArrayEquals(Arrays.copyOf(hundred, 16), received.get(1).data());
        assertEquals(1, endpoint.truncatedDatagrams());

        endpoint.setMaxDatagramSize(UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE);
        sendTo(peer, local, hundred);
        assertArrayEquals(hundred, sink.awaitCount(BytesReceived.class, 3).get(2).data());
        assertFalse(endpoint.setMaxDatagramSize(0));
        assertFalse(endpoint.setMaxDatagramSize(65_536));
        assertEquals(UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE, endpoint.maxDatagramSize(),
                "a rejected value is not taken");
        List<Failure> rejected = sink.all(Failure.class);
        assertEquals(2, rejected.size(), "one Failure per rejected value: " + rejected);
        assertEquals("The receive limit must be 1 to 65,535 bytes, not 0", rejected.getFirst().message());
        assertTrue(rejected.stream().allMatch(f -> f.kind() == FailureKind.INVALID_INPUT
                && f.operation() == Operation.OPTIONS && f.local().equals(local)));
    }

    @Test
    void reportsAPortInUseWithThePortNumber() throws Exception {
        DatagramSocket occupant = peer("127.0.0.1");
        int port = occupant.getLocalPort();
        UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", port), sink);
        cleanup.add(endpoint);

        SocketErrorException thrown = assertThrows(SocketErrorException.class, endpoint::start);
        assertEquals(FailureKind.PORT_IN_USE, thrown.failure().kind());
        assertEquals("UDP port " + port + " on 127.0.0.1 is already in use by another program; to bind it too, turn"
                + " on Reuse address (SO_REUSEADDR) here and on the socket holding it", thrown.failure().message());
        assertEquals(List.of(thrown.failure()), sink.all(Failure.class));
        assertFalse(endpoint.isRunning());
        assertTrue(sink.all(ListenerStarted.class).isEmpty());
    }

    @Test
    void withReuseAddressTwoEndpointsBindOnePortAndWithoutItTheSecondIsRefusedWithTheCure() throws Exception {
        UdpEndpoint first = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0).withReuseAddress(true), sink);
        cleanup.add(first);
        int port = first.start().getPort();
        RecordingSink secondEvents = new RecordingSink();
        UdpEndpoint second = new UdpEndpoint(UdpConfig.of("127.0.0.1", port).withReuseAddress(true), secondEvents);
        cleanup.add(second);
        assertEquals(port, second.start().getPort(), "SO_REUSEADDR on both: the port is shared");
        assertTrue(second.config().reuseAddress());

        DatagramSocket peer = peer("127.0.0.1");
        sendTo(peer, new InetSocketAddress("127.0.0.1", port), "to the shared port".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(5)).until(() -> first.datagramsIn() + second.datagramsIn() == 1);

        UdpEndpoint without = new UdpEndpoint(UdpConfig.of("127.0.0.1", port), sink);
        cleanup.add(without);
        Failure refused = assertThrows(SocketErrorException.class, without::start).failure();
        assertEquals(FailureKind.PORT_IN_USE, refused.kind());
        assertEquals("UDP port " + port + " on 127.0.0.1 is already in use by another program; to bind it too, turn"
                + " on Reuse address (SO_REUSEADDR) here and on the socket holding it", refused.message());

        DatagramSocket holder = peer("127.0.0.1");
        UdpEndpoint sharing = new UdpEndpoint(UdpConfig.of("127.0.0.1", holder.getLocalPort())
                .withReuseAddress(true), sink);
        cleanup.add(sharing);
        Failure notShared = assertThrows(SocketErrorException.class, sharing::start).failure();
        assertEquals("UDP port " + holder.getLocalPort() + " on 127.0.0.1 is already in use by another program; "
                + "Reuse address (SO_REUSEADDR) is on here, but the socket holding the port does not share it",
                notShared.message());
        assertEquals(List.of(refused, notShared), sink.all(Failure.class));
    }

    @Test
    void groupsANewSocketCannotJoinAgainAreReportedAndDropped() throws Exception {
        // Refused before any membership is made: no multicast traffic outside the namespace tests.
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        MulticastMembership ipv6 = new MulticastMembership(InetAddress.ofLiteral("ff05::1:3"), "lo");
        MulticastMembership gone = new MulticastMembership(InetAddress.ofLiteral("239.1.2.3"), "no-such-nic0");
        endpoint.joinAtStart(List.of(ipv6, gone));
        assertEquals(List.of(ipv6, gone), endpoint.multicastGroups(), "to be joined at the start");
        assertEquals(List.of(), endpoint.joinedGroups());

        InetSocketAddress local = endpoint.start();
        List<Failure> failures = sink.all(Failure.class);
        assertEquals(2, failures.size(), failures.toString());
        assertEquals("Could not join multicast group ff05::1:3 on lo again: it is an IPv6 group, and this endpoint is "
                + "now bound to the IPv4 address " + Endpoints.describe(local) + "; bind to :: to join IPv6 groups",
                failures.get(0).message());
        assertTrue(failures.get(1).message().startsWith("Could not join multicast group 239.1.2.3 on no-such-nic0 "
                + "again: the network interface no-such-nic0 is gone (available: "), failures.get(1).message());
        assertTrue(failures.stream().allMatch(f -> f.operation() == Operation.MULTICAST && f.local().equals(local)));
        assertEquals(List.of(), endpoint.multicastGroups(), "what could not be joined is no longer the endpoint's");
        assertThrows(IllegalStateException.class, () -> endpoint.joinAtStart(List.of(ipv6)), "bound: joinGroup");
    }

    @Test
    void reportsIcmpPortUnreachableOnAConnectedSocketAndKeepsReceiving() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            closedPort = probe.getLocalPort();
        }
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        InetSocketAddress local = endpoint.start();

        InetSocketAddress peerAddress = endpoint.connect("127.0.0.1", closedPort).join();
        assertTrue(endpoint.isConnected());
        assertEquals(peerAddress, endpoint.connectedAddress());
        endpoint.send("127.0.0.1", closedPort, new byte[]{1}).join();

        Failure failure = sink.awaitFirst(Failure.class, f -> f.kind() == FailureKind.CONNECTION_REFUSED);
        assertEquals("ICMP port unreachable: nothing is listening on 127.0.0.1:" + closedPort
                + " (reported for the previous datagram)", failure.message());
        assertEquals(peerAddress, failure.remote());

        endpoint.disconnect();
        assertFalse(endpoint.isConnected());
        DatagramSocket peer = peer("127.0.0.1");
        sendTo(peer, local, new byte[]{42});
        assertArrayEquals(new byte[]{42}, sink.awaitFirst(BytesReceived.class, e -> true).data(),
                "still receiving after the ICMP error");
        assertTrue(endpoint.isRunning());
    }

    @Test
    void aConnectedEndpointRefusesToSendElsewhere() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        endpoint.start();
        DatagramSocket connectedPeer = peer("127.0.0.1");
        DatagramSocket other = peer("127.0.0.1");
        endpoint.connect("127.0.0.1", connectedPeer.getLocalPort()).join();

        Failure failure = failureOf(endpoint.send("127.0.0.1", other.getLocalPort(), new byte[]{1}));
        assertEquals(FailureKind.INVALID_INPUT, failure.kind());
        assertTrue(failure.message().startsWith("This endpoint is connected to 127.0.0.1:"
                + connectedPeer.getLocalPort()), failure.message());

        endpoint.send("127.0.0.1", connectedPeer.getLocalPort(), new byte[]{2}).join();
        assertArrayEquals(new byte[]{2}, payloadOf(receive(connectedPeer)));
        assertEquals(1, endpoint.datagramsOut());
    }

    @Test
    void refusesAnIpv6TargetFromAnIpv4SocketAndBadInputWithoutSending() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        endpoint.start();

        Failure wrongFamily = failureOf(endpoint.send("::1", 9, new byte[]{1}));
        assertEquals(FailureKind.INVALID_INPUT, wrongFamily.kind());
        assertTrue(wrongFamily.message().contains("bind to ::"), wrongFamily.message());

        Failure badPort = failureOf(endpoint.send("127.0.0.1", 0, new byte[]{1}));
        assertEquals(FailureKind.INVALID_INPUT, badPort.kind());
        assertEquals("Port 0 cannot be sent to: use 1 to 65535", badPort.message());

        Failure noHost = failureOf(endpoint.send(" ", 9, new byte[]{1}));
        assertEquals(FailureKind.INVALID_INPUT, noHost.kind());
        assertEquals(0, endpoint.datagramsOut());
        assertTrue(sink.all(BytesSent.class).isEmpty());
        assertEquals(List.of(wrongFamily, badPort, noHost), sink.all(Failure.class),
                "each refused send is exactly one Failure event, the one its future carries");
        assertTrue(sink.all(Failure.class).stream().allMatch(f -> f.operation() == Operation.SEND));
    }

    @Test
    void stopJoinsEveryThreadFreesThePortAndIsIdempotent() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        InetSocketAddress local = endpoint.start();
        DatagramSocket peer = peer("127.0.0.1");
        endpoint.send("127.0.0.1", peer.getLocalPort(), new byte[]{1}).join();
        assertTrue(endpoint.liveThreads().stream().anyMatch(t -> t.getName().equals("udp-recv-" + local.getPort())),
                "receive thread named after the port: " + endpoint.liveThreads());
        assertTrue(endpoint.liveThreads().stream().anyMatch(t -> t.getName().startsWith("udp-send-")));

        endpoint.stop();
        assertEquals(java.util.Set.of(), endpoint.liveThreads(), "no thread left once stop() returns");
        assertFalse(endpoint.isRunning());
        assertEquals(0, endpoint.effectiveReceiveBuffer());
        endpoint.stop();
        List<ListenerStopped> stopped = sink.all(ListenerStopped.class);
        assertEquals(1, stopped.size(), "a second stop emits nothing");
        assertEquals("stopped by user", stopped.getFirst().reason());
        assertEquals(local, stopped.getFirst().local());

        try (DatagramSocket reuse = new DatagramSocket(local)) {
            assertEquals(local.getPort(), reuse.getLocalPort(), "the port is free again");
        }

        InetSocketAddress again = endpoint.start();
        sendTo(peer, again, new byte[]{9});
        assertArrayEquals(new byte[]{9}, sink.awaitFirst(BytesReceived.class, e -> true).data(),
                "a stopped endpoint can start again");
        endpoint.close();
        assertEquals(java.util.Set.of(), endpoint.liveThreads());
        assertEquals("closed", sink.all(ListenerStopped.class).getLast().reason());
        assertThrows(IllegalStateException.class, endpoint::start, "starting a closed endpoint is the caller's bug");
        Failure closed = failureOf(endpoint.send("127.0.0.1", 9, new byte[0]));
        assertEquals(FailureKind.INVALID_STATE, closed.kind());
        assertEquals(List.of(closed), sink.all(Failure.class), "a send after close is one Failure event");
    }

    @Test
    void readsBackTheEffectiveReceiveBufferAndSaysWhenItIsSmaller() throws Exception {
        UdpEndpoint small = new UdpEndpoint(new UdpConfig("127.0.0.1", 0, 8_192, false), sink);
        cleanup.add(small);
        small.start();
        assertTrue(small.effectiveReceiveBuffer() >= 8_192, "granted " + small.effectiveReceiveBuffer());
        assertTrue(sink.all(Notice.class).isEmpty(), "no notice when the request was granted");

        UdpEndpoint large = endpoint("127.0.0.1");
        large.start();
        int effective = large.effectiveReceiveBuffer();
        assertTrue(effective > 0);
        boolean noticed = sink.all(Notice.class).stream()
                .anyMatch(n -> n.message().startsWith("Receive buffer: asked for 4,194,304 bytes"));
        assertEquals(effective < UdpConfig.DEFAULT_RECEIVE_BUFFER, noticed, "effective " + effective);
    }

    @Test
    void reportsKernelDropsForTheBoundPortOnLinux() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/udp")), "no /proc/net/udp (not Linux)");
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        assertEquals(OptionalLong.empty(), endpoint.kernelDrops(), "nothing to report before binding");
        endpoint.start();
        assertEquals(OptionalLong.of(0), endpoint.kernelDrops());
    }

    @Test
    void rejectsAGroupThatIsNotMulticastInPlainWords() {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        Failure notMulticast = assertThrows(SocketErrorException.class,
                () -> endpoint.joinGroup("192.0.2.1", null)).failure();
        assertEquals("192.0.2.1 is not a multicast address: IPv4 multicast is 224.0.0.0/4, IPv6 is ff00::/8",
                notMulticast.message());
        Failure notAnAddress = assertThrows(SocketErrorException.class,
                () -> endpoint.joinGroup("my-group", null)).failure();
        assertTrue(notAnAddress.message().startsWith("'my-group' is not an IP address"));
        Failure notBound = assertThrows(SocketErrorException.class,
                () -> endpoint.joinGroup("239.1.2.3", null)).failure();
        assertEquals(FailureKind.INVALID_STATE, notBound.kind());
        Failure notMember = assertThrows(SocketErrorException.class,
                () -> endpoint.leaveGroup("239.1.2.3", null)).failure();
        assertEquals("Not a member of 239.1.2.3", notMember.message());
        assertFalse(endpoint.setMulticastTtl(256));
        assertEquals(1, endpoint.multicastTtl(), "a rejected TTL is not taken");
        assertFalse(endpoint.setMulticastInterface("no-such-nic0"));
        assertNull(endpoint.multicastInterface());
        assertEquals(List.of(), endpoint.joinedGroups());

        List<Failure> failures = sink.all(Failure.class);
        assertEquals(6, failures.size(), "one Failure per refusal: " + failures);
        assertEquals(List.of(notMulticast, notAnAddress, notBound, notMember), failures.subList(0, 4),
                "the very Failures the exceptions carry");
        assertTrue(failures.stream().allMatch(f -> f.operation() == Operation.MULTICAST
                && f.connectionId() == endpoint.id()));
        assertTrue(failures.get(5).message().startsWith("There is no network interface named 'no-such-nic0'"),
                failures.get(5).message());
    }

    @Test
    void refusesToConnectWhereItCannotAndToSendOnceClosed() throws Exception {
        UdpEndpoint endpoint = endpoint("127.0.0.1");
        endpoint.start();
        Failure wrongFamily = failureOf(endpoint.connect("::1", 9));
        assertEquals(FailureKind.INVALID_INPUT, wrongFamily.kind());
        assertEquals(Operation.CONNECT, wrongFamily.operation());
        Failure noPort = failureOf(endpoint.connect("127.0.0.1", 0));
        assertEquals(Operation.CONNECT, noPort.operation());
        assertEquals(List.of(wrongFamily, noPort), sink.all(Failure.class));
        assertFalse(endpoint.isConnected());
    }

    @Test
    void configNormalisesTheBindHostAndRejectsBadNumbers() {
        assertEquals("0.0.0.0", UdpConfig.of(" ", 0).bindHost());
        assertEquals(UdpConfig.DEFAULT_RECEIVE_BUFFER, UdpConfig.of("::", 5000).receiveBufferBytes());
        assertThrows(IllegalArgumentException.class, () -> UdpConfig.of("0.0.0.0", 65_536));
        assertThrows(IllegalArgumentException.class, () -> new UdpConfig("0.0.0.0", 0, 0, false));
    }
}
