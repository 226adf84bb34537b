package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.tcp.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.engine.relay.RelayTcpTest.readExactly;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RelayFaultsTest {
    private final RelayEvents events = new RelayEvents();
    private TargetServer target;
    private Relay relay;
    private Socket client;
    private Socket server;
    private long pairId;

    private void connect() throws Exception {
        target = TargetServer.manual();
        relay = Relay.start(RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1", target.port()), events,
                HoldListener.NONE);
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

    @Test
    void latencyDelaysEachChunkByAtLeastTheConfiguredTimeAndJitterKeepsOrder() throws Exception {
        connect();
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withLatency(Duration.ofMillis(150),
                Duration.ZERO));
        long sent = System.nanoTime();
        client.getOutputStream().write(1);
        assertEquals(1, server.getInputStream().read());
        long took = System.nanoTime() - sent;
        assertTrue(took >= Duration.ofMillis(150).toNanos(), "arrived after " + took / 1_000_000 + " ms");

        relay.setFaults(RelayDirection.SERVER_TO_CLIENT, Faults.none().withLatency(Duration.ofMillis(1),
                Duration.ofMillis(20)));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            byte[] piece = ("<" + i + ">").getBytes(StandardCharsets.US_ASCII);
            server.getOutputStream().write(piece);
            expected.writeBytes(piece);
        }
        assertArrayEquals(expected.toByteArray(), readExactly(client.getInputStream(), expected.size()));
    }

    @Test
    void reChunkingWritesEachSegmentOnItsOwnAndAChangeAppliesToTheNextChunk() throws Exception {
        connect();
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withSegmentSize(4));
        client.getOutputStream().write("0123456789".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII), readExactly(server.getInputStream(), 10));
        await().atMost(RelayEvents.WAIT).until(() -> events.clientToServer(pairId).length == 10);
        assertEquals(List.of(4, 4, 2), sizes());

        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none());
        client.getOutputStream().write("abcdef".getBytes(StandardCharsets.US_ASCII));
        readExactly(server.getInputStream(), 6);
        await().atMost(RelayEvents.WAIT).until(() -> events.clientToServer(pairId).length == 16);
        assertEquals(List.of(4, 4, 2, 6), sizes());
    }

    private List<Integer> sizes() {
        return events.of(BytesReceived.class, pairId).stream().map(r -> r.data().length).toList();
    }

    @Test
    void aBandwidthLimitPacesTheTransfer() throws Exception {
        connect();
        int size = 16 * 1024;
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withBytesPerSecond(size));
        byte[] data = new byte[size];
        long start = System.nanoTime();
        client.getOutputStream().write(data);
        readExactly(server.getInputStream(), size);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        // 16 KiB at 16 KiB/s: 20 slices of 1/20 s, the first at once, so at least 0.95 s.
        assertTrue(tookMillis >= 900, "took " + tookMillis + " ms");
    }

    @Test
    void aLimitOfBytesPerSecondPacesLikeASerialLink() throws Exception {
        connect();
        // 9,600 baud is about 960 bytes per second: two seconds' worth, in slices of 48 bytes every 1/20 s.
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withBytesPerSecond(960));
        byte[] data = new byte[1920];
        long start = System.nanoTime();
        client.getOutputStream().write(data);
        readExactly(server.getInputStream(), data.length);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        // The first slice leaves at once, the other 39 wait 50 ms each: 1.95 s at the least; a loaded machine may
        // take longer, never much less.
        assertTrue(tookMillis >= 1_850, "took " + tookMillis + " ms");
        assertTrue(tookMillis < 15_000, "took " + tookMillis + " ms");
    }

    @Test
    void dropAfterBytesForwardsExactlyThatManyThenResetsBothSides() throws Exception {
        connect();
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withDropAfterBytes(10));
        client.getOutputStream().write(new byte[25]);

        ConnectionClosed closed = events.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertEquals("dropped after 10 bytes client → server (fault): the relay reset both sides", closed.detail());
        assertEquals(10, events.clientToServer(pairId).length);
        assertEquals(10, relay.pairs().getFirst().bytesClientToServer());
        assertThrows(SocketException.class, () -> client.getInputStream().read(), "the client is reset");
        assertTrue(readUntilEndOrReset(server.getInputStream()) <= 10, "no more than 10 bytes reach the server");
    }

    @Test
    void theCutOffRestOfAChunkIsReportedAsUndelivered() throws Exception {
        connect();
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withDropAfterBytes(10));
        client.getOutputStream().write(new byte[25]);
        events.awaitFirst(ConnectionClosed.class);
        assertEquals("15 bytes waiting client → server were not delivered: the pair closed",
                events.awaitFirst(Notice.class, n -> n.message().endsWith("the pair closed")).message());
    }

    @Test
    void aChunkSleepingOutItsLatencyIsReportedWhenThePairCloses() throws Exception {
        connect();
        relay.setFaults(RelayDirection.CLIENT_TO_SERVER, Faults.none().withLatency(Duration.ofSeconds(5),
                Duration.ZERO));
        client.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
        // "abc" is the writer's now (sleeping out the latency); "def" waits in the queue behind it.
        await().atMost(RelayEvents.WAIT).until(() -> relay.queuedBytes(pairId, RelayDirection.CLIENT_TO_SERVER) == 3);
        client.getOutputStream().write("def".getBytes(StandardCharsets.US_ASCII));
        await().atMost(RelayEvents.WAIT).until(() -> relay.queuedBytes(pairId, RelayDirection.CLIENT_TO_SERVER) == 6);
        relay.closePair(pairId, RelaySide.CLIENT, CloseMode.GRACEFUL);
        events.awaitFirst(ConnectionClosed.class);
        assertEquals(List.of("6 bytes waiting client → server were not delivered: the pair closed"),
                events.of(Notice.class).stream().map(Notice::message).filter(m -> m.endsWith("the pair closed"))
                        .toList(), "abc (taken by the writer) and def (queued), in one Notice");
        assertEquals(0, events.clientToServer(pairId).length);
    }

    /** Bytes read until end of stream or a reset (which may come before the bytes the kernel had queued). */
    private static int readUntilEndOrReset(InputStream in) {
        int total = 0;
        try {
            byte[] buffer = new byte[64];
            int count;
            while ((count = in.read(buffer)) >= 0) {
                total += count;
            }
        } catch (IOException reset) {
            // the relay reset the server side, as it should
        }
        return total;
    }
}
