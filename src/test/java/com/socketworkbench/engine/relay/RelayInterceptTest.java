package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.tcp.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.engine.relay.RelayTcpTest.readExactly;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RelayInterceptTest {
    private final RelayEvents events = new RelayEvents();
    private final RecordingHolds holds = new RecordingHolds();
    private TargetServer target;
    private Relay relay;
    private Socket client;
    private Socket server;
    private long pairId;

    private void connect() throws Exception {
        target = TargetServer.manual();
        relay = Relay.start(RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1", target.port()), events, holds);
        client = new Socket(InetAddress.getLoopbackAddress(), relay.localAddress().getPort());
        server = target.nextAccepted();
        pairId = events.awaitFirst(ConnectionAccepted.class).connectionId();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (relay != null) {
            relay.close();
        }
        if (client != null) {
            client.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aHeldChunkForwardedEditedArrivesEdited() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(ascii("ping"));

        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        assertArrayEquals(ascii("ping"), chunk.bytes());
        assertEquals(pairId, chunk.pairId());
        assertEquals(RelayDirection.CLIENT_TO_SERVER, chunk.direction());
        assertEquals(0, server.getInputStream().available(), "nothing passes while held");
        assertEquals(List.of(), events.of(BytesReceived.class));

        assertTrue(relay.forward(chunk.holdId(), ascii("PONG!")));
        assertArrayEquals(ascii("PONG!"), readExactly(server.getInputStream(), 5));
        assertEquals(HoldOutcome.EDITED, holds.awaitOutcome(chunk.holdId()));
        await().atMost(RelayEvents.WAIT).until(() -> events.clientToServer(pairId).length == 5);
        assertArrayEquals(ascii("PONG!"), events.clientToServer(pairId), "the event shows what was forwarded");
        assertFalse(relay.forward(chunk.holdId(), ascii("again")), "a hold is decided once");
        assertFalse(relay.drop(chunk.holdId()));
    }

    @Test
    void theLatencyOfAHeldChunkCountsFromItsRelease() throws Exception {
        connect();
        Duration latency = Duration.ofMillis(300);
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withLatency(latency, Duration.ZERO));
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(ascii("slow"));
        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        long heldAt = System.nanoTime();
        // Held for longer than the latency: counted from arrival, the chunk would leave the moment it is released.
        await().atMost(RelayEvents.WAIT).until(() -> System.nanoTime() - heldAt > latency.toNanos() * 3 / 2);

        long released = System.nanoTime();
        assertTrue(relay.forward(chunk.holdId(), chunk.bytes()));
        assertArrayEquals(ascii("slow"), readExactly(server.getInputStream(), 4));
        long took = System.nanoTime() - released;
        assertTrue(took >= latency.toNanos(), "arrived " + took / 1_000_000 + " ms after its release");
    }

    @Test
    void aServerToClientChunkForwardedUnchangedIsForwarded() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.SERVER_TO_CLIENT, true);
        server.getOutputStream().write(ascii("welcome"));
        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        assertEquals(RelayDirection.SERVER_TO_CLIENT, chunk.direction());
        assertTrue(relay.forward(chunk.holdId(), ascii("welcome")));
        assertArrayEquals(ascii("welcome"), readExactly(client.getInputStream(), 7));
        assertEquals(HoldOutcome.FORWARDED, holds.awaitOutcome(chunk.holdId()));
        await().atMost(RelayEvents.WAIT).until(() -> events.of(BytesSent.class).size() == 1);
    }

    @Test
    void aDroppedChunkNeverArrivesAndANoticeSaysSo() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(ascii("secret"));
        HeldChunk chunk = holds.awaitHeld(1).getFirst();

        assertTrue(relay.drop(chunk.holdId()));
        assertEquals(HoldOutcome.DROPPED, holds.outcome(chunk.holdId()));
        Notice notice = events.awaitFirst(Notice.class, n -> n.message().startsWith("Dropped"));
        assertEquals("Dropped a held chunk client → server (6 bytes): \"secret\"", notice.message(),
                "the dropped bytes are in the timeline");
        assertEquals(pairId, notice.connectionId());

        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, false);
        client.getOutputStream().write(ascii("next"));
        assertArrayEquals(ascii("next"), readExactly(server.getInputStream(), 4), "the dropped bytes never came");
    }

    @Test
    void orderIsKeptWhenSeveralChunksAreHeldAndWhenInterceptIsSwitchedOff() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(ascii("a"));
        holds.awaitHeld(1);
        client.getOutputStream().write(ascii("b"));
        List<HeldChunk> held = holds.awaitHeld(2);
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, false);
        client.getOutputStream().write(ascii("c"));
        await().atMost(RelayEvents.WAIT).until(() -> relay.queuedBytes(pairId, RelayDirection.CLIENT_TO_SERVER) == 3);
        assertEquals(2, holds.held().size(), "with intercept off, c is not held, but it waits behind a and b");

        relay.forward(held.get(1).holdId(), ascii("B"));
        assertEquals(0, server.getInputStream().available());
        assertEquals(3, relay.queuedBytes(pairId, RelayDirection.CLIENT_TO_SERVER), "b waits for a");
        relay.forward(held.get(0).holdId(), ascii("a"));
        assertArrayEquals(ascii("aBc"), readExactly(server.getInputStream(), 3));
        await().atMost(RelayEvents.WAIT).until(() -> events.clientToServer(pairId).length == 3);
        assertEquals(List.of("a", "B", "c"), events.of(BytesReceived.class, pairId).stream()
                .map(r -> new String(r.data(), StandardCharsets.US_ASCII)).toList());

        client.getOutputStream().write(ascii("d"));
        assertArrayEquals(ascii("d"), readExactly(server.getInputStream(), 1), "the queue drained, d passes");
    }

    @Test
    void aHoldTimesOutToForwardOrToDrop() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        relay.setHoldTimeout(Duration.ofMillis(150), HoldTimeoutAction.FORWARD);
        client.getOutputStream().write(ascii("x"));
        HeldChunk first = holds.awaitHeld(1).getFirst();
        assertArrayEquals(ascii("x"), readExactly(server.getInputStream(), 1));
        assertEquals(HoldOutcome.TIMED_OUT_FORWARDED, holds.awaitOutcome(first.holdId()));

        relay.setHoldTimeout(Duration.ofMillis(150), HoldTimeoutAction.DROP);
        client.getOutputStream().write(ascii("y"));
        HeldChunk second = holds.awaitHeld(2).get(1);
        assertEquals(HoldOutcome.TIMED_OUT_DROPPED, holds.awaitOutcome(second.holdId()));
        assertEquals("Forwarded a held chunk client → server (1 byte) unchanged: the hold timed out",
                events.awaitFirst(Notice.class, n -> n.message().startsWith("Forwarded")).message());
        assertEquals("Dropped a held chunk client → server (1 byte), the hold timed out: \"y\"",
                events.awaitFirst(Notice.class, n -> n.message().startsWith("Dropped")).message());
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, false);
        client.getOutputStream().write(ascii("z"));
        assertArrayEquals(ascii("z"), readExactly(server.getInputStream(), 1), "y was dropped");
    }

    @Test
    void aHoldWithoutTimeoutWaitsUntilATimeoutIsSet() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(ascii("w"));
        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        assertEquals(null, holds.outcome(chunk.holdId()));
        relay.setHoldTimeout(Duration.ofMillis(1), HoldTimeoutAction.FORWARD);
        assertEquals(HoldOutcome.TIMED_OUT_FORWARDED, holds.awaitOutcome(chunk.holdId()));
        assertArrayEquals(ascii("w"), readExactly(server.getInputStream(), 1));
    }

    @Test
    void closingThePairReleasesItsHoldsAndReportsTheUndeliveredBytes() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.SERVER_TO_CLIENT, true);
        server.getOutputStream().write(ascii("unsent"));
        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        relay.closePair(pairId, RelaySide.SERVER, CloseMode.GRACEFUL);
        assertEquals(HoldOutcome.PAIR_CLOSED, holds.awaitOutcome(chunk.holdId()));
        assertEquals("6 bytes waiting server → client were not delivered: the pair closed",
                events.awaitFirst(Notice.class, n -> n.message().endsWith("closed")).message());
        assertEquals(-1, client.getInputStream().read());
        assertEquals(List.of("held " + chunk.holdId(), "released " + chunk.holdId()), holds.order());
    }

    @Test
    void anEditKeepsTheOriginalBytesInTheTimeline() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(new byte[]{'h', 'i', '\r', '\n', (byte) 0xff});
        HeldChunk chunk = holds.awaitHeld(1).getFirst();
        assertTrue(relay.forward(chunk.holdId(), ascii("HELLO")));
        assertArrayEquals(ascii("HELLO"), readExactly(server.getInputStream(), 5));
        assertEquals(HoldOutcome.EDITED, holds.awaitOutcome(chunk.holdId()));
        assertEquals("Edited a held chunk client → server: 5 bytes became 5 bytes; the original: \"hi\\r\\n\\xff\"",
                events.awaitFirst(Notice.class, n -> n.message().startsWith("Edited")).message(),
                "the original, in the editor's escapes: exactly the bytes the client sent");
        assertArrayEquals(ascii("HELLO"), events.clientToServer(pairId), "the data row shows what was sent");
    }

    @Test
    void forwardAllAndDropAllReleaseEveryHeldChunkOfADirectionInOrder() throws Exception {
        connect();
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(ascii("a"));
        holds.awaitHeld(1);
        client.getOutputStream().write(ascii("b"));
        holds.awaitHeld(2);
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, false);
        assertEquals(0, relay.forwardAll(RelayDirection.SERVER_TO_CLIENT), "nothing held that way");
        assertEquals(2, relay.forwardAll(RelayDirection.CLIENT_TO_SERVER));
        assertArrayEquals(ascii("ab"), readExactly(server.getInputStream(), 2));
        assertEquals(HoldOutcome.FORWARDED, holds.awaitOutcome(holds.held().get(1).holdId()));

        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, true);
        client.getOutputStream().write(ascii("x"));
        holds.awaitHeld(3);
        client.getOutputStream().write(ascii("y"));
        holds.awaitHeld(4);
        relay.setIntercept(RelayDirection.CLIENT_TO_SERVER, false);
        assertEquals(2, relay.dropAll(RelayDirection.CLIENT_TO_SERVER));
        assertEquals(List.of("Dropped a held chunk client → server (1 byte): \"x\"",
                        "Dropped a held chunk client → server (1 byte): \"y\""),
                events.of(Notice.class).stream().map(Notice::message).filter(m -> m.startsWith("Dropped")).toList());
        client.getOutputStream().write(ascii("z"));
        assertArrayEquals(ascii("z"), readExactly(server.getInputStream(), 1), "x and y never came");
    }
}
