package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.tcp.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RelayUdpTest {
    private final RelayEvents events = new RelayEvents();
    private final RecordingHolds holds = new RecordingHolds();
    private final List<DatagramSocket> sockets = new ArrayList<>();
    private DatagramSocket echo;
    private Thread echoThread;
    private Relay relay;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (relay != null) {
            relay.close();
        }
        sockets.forEach(DatagramSocket::close);
        if (echo != null) {
            echo.close();
            echoThread.join(5_000);
        }
    }

    /** A JDK UDP echo server on 127.0.0.1, port 0. */
    private int startEcho() throws IOException {
        echo = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        echoThread = Thread.ofVirtual().name("udp-echo").start(() -> {
            byte[] buffer = new byte[65_536];
            while (!echo.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    echo.receive(packet);
                    echo.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return echo.getLocalPort();
    }

    private void startRelay(Duration idle) throws IOException {
        relay = Relay.start(RelayConfig.udp("127.0.0.1", 0, "127.0.0.1", startEcho()).withUdpPairIdle(idle),
                events, holds);
    }

    private DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private void send(DatagramSocket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, relay.localAddress()));
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    @Test
    void eachClientAddressIsAPairAndGetsItsOwnReplies() throws Exception {
        startRelay(Duration.ofSeconds(60));
        assertEquals("UDP", events.awaitFirst(ListenerStarted.class).transport());
        DatagramSocket first = client();
        DatagramSocket second = client();
        send(first, "one");
        assertEquals("one", receive(first));
        send(second, "two");
        assertEquals("two", receive(second));
        send(first, "three");
        assertEquals("three", receive(first));

        await().atMost(RelayEvents.WAIT).until(() -> events.of(BytesSent.class).size() == 3);
        List<ConnectionAccepted> accepted = events.of(ConnectionAccepted.class);
        assertEquals(2, accepted.size());
        assertEquals(first.getLocalSocketAddress(), accepted.get(0).remote());
        long firstPair = accepted.get(0).connectionId();
        assertNotEquals(firstPair, accepted.get(1).connectionId());
        assertArrayEquals("onethree".getBytes(StandardCharsets.US_ASCII), events.clientToServer(firstPair));
        assertArrayEquals("onethree".getBytes(StandardCharsets.US_ASCII), events.serverToClient(firstPair));
        PairSnapshot snapshot = relay.pairs().getFirst();
        assertEquals(2, snapshot.chunksClientToServer());
        assertEquals(8, snapshot.bytesServerToClient());
        assertEquals(echo.getLocalSocketAddress(), snapshot.server());
    }

    @Test
    void anIdlePairEnds() throws Exception {
        startRelay(Duration.ofMillis(200));
        DatagramSocket client = client();
        send(client, "hello");
        assertEquals("hello", receive(client));
        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.TIMEOUT, closed.reason());
        assertEquals("no datagram either way for 200 ms", closed.detail());
        assertTrue(relay.pairs().stream().noneMatch(PairSnapshot::open));

        send(client, "again");
        assertEquals("again", receive(client), "a new datagram opens a new pair");
        assertEquals(2, events.of(ConnectionAccepted.class).size());
    }

    @Test
    void interceptAndReChunkingWorkPerDatagram() throws Exception {
        startRelay(Duration.ofSeconds(60));
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        DatagramSocket client = client();
        send(client, "held");
        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        assertArrayEquals("held".getBytes(StandardCharsets.US_ASCII), chunk.bytes());
        relay.forward(chunk.holdId(), "edited".getBytes(StandardCharsets.US_ASCII));
        assertEquals("edited", receive(client));

        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, false);
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withSegmentSize(3));
        send(client, "1234567");
        List<String> replies = List.of(receive(client), receive(client), receive(client));
        assertEquals(List.of("123", "456", "7"), replies, "each segment is its own datagram");
        await().atMost(RelayEvents.WAIT).until(() -> events.of(BytesReceived.class).size() == 4);
        assertEquals(List.of(6, 3, 3, 1), events.of(BytesReceived.class).stream().map(r -> r.data().length)
                .toList());
    }

    @Test
    void closeLeavesNoThread() throws Exception {
        startRelay(Duration.ofSeconds(60));
        DatagramSocket client = client();
        send(client, "x");
        assertEquals("x", receive(client));
        relay.close();
        assertEquals(List.of(), relay.liveThreads());
        assertEquals(CloseReason.LISTENER_STOPPED, events.awaitFirst(ConnectionClosed.class).reason());
    }

    private static DatagramPacket receivePacket(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        socket.receive(packet);
        return packet;
    }

    private void sendEmpty(DatagramSocket socket) throws IOException {
        socket.send(new DatagramPacket(new byte[0], 0, relay.localAddress()));
    }

    @Test
    void anEmptyDatagramIsRelayedBothWaysOnTheFastPathWithAFaultAndHeld() throws Exception {
        startRelay(Duration.ofSeconds(60));
        DatagramSocket client = client();
        // The echo server answers only what it got: an empty reply means the empty datagram reached it.
        sendEmpty(client);
        assertEquals(0, receivePacket(client).getLength());
        await().atMost(RelayEvents.WAIT).until(() -> events.of(BytesSent.class).size() == 1);
        assertEquals(1, events.of(BytesReceived.class).size());

        for (RelayDirection direction : RelayDirection.values()) {
            relay.setFaults(direction, Faults.none().withLatency(Duration.ofMillis(1), Duration.ZERO));
        }
        sendEmpty(client);
        assertEquals(0, receivePacket(client).getLength(), "with a fault on both ways");

        for (RelayDirection direction : RelayDirection.values()) {
            relay.setFaults(direction, Faults.none());
            relay.setIntercept(direction, true);
        }
        sendEmpty(client);
        HeldChunk up = holds.awaitHeld(1).getFirst();
        assertEquals(0, up.bytes().length);
        assertTrue(relay.forward(up.holdId(), new byte[0]));
        HeldChunk down = holds.awaitHeld(2).get(1);
        assertEquals(RelayDirection.SERVER_TO_CLIENT, down.direction());
        assertTrue(relay.forward(down.holdId(), new byte[0]));
        assertEquals(0, receivePacket(client).getLength(), "held and forwarded both ways");
        await().atMost(RelayEvents.WAIT).until(() -> events.of(BytesSent.class).size() == 3);
        assertEquals(3, events.of(BytesReceived.class).size());
        assertTrue(events.of(BytesReceived.class).stream().allMatch(r -> r.data().length == 0));
    }

    @Test
    void aHeldDatagramOutlivesThePairIdleTimeAndIsDeliveredWhenForwarded() throws Exception {
        startRelay(Duration.ofMillis(300));
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        DatagramSocket client = client();
        send(client, "held");
        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        Thread.sleep(1_200);
        assertEquals(List.of(), events.of(ConnectionClosed.class), "a pair holding a datagram is not idle");
        assertTrue(relay.forward(chunk.holdId(), chunk.bytes()));
        assertEquals("held", receive(client));
        // Once nothing waits, the idle time counts again.
        assertEquals(CloseReason.TIMEOUT, events.awaitFirst(ConnectionClosed.class).reason());
    }

    @Test
    void aLatencyLongerThanThePairIdleTimeStillDelivers() throws Exception {
        startRelay(Duration.ofMillis(200));
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withLatency(Duration.ofMillis(700),
                Duration.ZERO));
        DatagramSocket client = client();
        send(client, "slow");
        assertEquals("slow", receive(client));
        assertEquals(1, events.of(ConnectionAccepted.class).size());
    }

    @Test
    void dropAfterNeverCutsADatagramAndCutsTheClientOffUntilItIsForgotten() throws Exception {
        startRelay(Duration.ofSeconds(60));
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withDropAfterBytes(5));
        DatagramSocket client = client();
        send(client, "123");
        assertEquals("123", receive(client), "fits under the limit: forwarded whole");
        send(client, "4567");
        Notice dropped = events.awaitFirst(Notice.class, n -> n.message().startsWith("Dropped a datagram"));
        assertEquals("Dropped a datagram client → server (4 bytes) whole: it would pass the drop-after limit of "
                + "5 bytes, and a datagram is never cut", dropped.message());
        events.awaitFirst(Notice.class, n -> n.message().startsWith("Cut off after 5 bytes client → server"));
        send(client, "ABCDEFG");
        send(client, "HI");
        long pairId = events.of(ConnectionAccepted.class).getFirst().connectionId();
        await().atMost(RelayEvents.WAIT).until(() -> relay.pairs().getFirst().state().equals("cut off (fault)"));
        Thread.sleep(300);
        assertEquals(1, events.of(ConnectionAccepted.class).size(), "no fresh pair with a fresh count");
        assertArrayEquals("123".getBytes(StandardCharsets.US_ASCII), events.clientToServer(pairId));
        assertTrue(relay.pairs().getFirst().open(), "the pair stays, cut off, until forgotten");

        relay.closePair(pairId, RelaySide.CLIENT, CloseMode.GRACEFUL);
        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals("dropped after 5 bytes client → server (fault); then 2 datagrams from the client (9 bytes) "
                + "were dropped; closed from the relay (UDP has no connection: the pair is forgotten)",
                closed.detail());
        send(client, "new");
        assertEquals("new", receive(client), "a forgotten client starts afresh");
    }
}
