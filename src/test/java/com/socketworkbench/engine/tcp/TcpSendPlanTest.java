package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.engine.tcp.TcpFixture.ascii;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sends cut into paced segments or glued together, as the peer (a JDK socket on loopback) receives them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpSendPlanTest {

    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();

    /** A peer with a large receive buffer, so the kernel never makes the sender wait. */
    private Socket peer(TcpServer server) throws IOException {
        return tcp.peer(server, 1 << 20);
    }

    private List<String> sentBy(long id) {
        return sink.of(BytesSent.class, id).stream()
                .map(s -> new String(s.data(), StandardCharsets.US_ASCII)).toList();
    }

    /** Reads exactly {@code length} bytes; returns how many reads that took. */
    private static int readsFor(InputStream in, byte[] into) throws IOException {
        int reads = 0;
        int total = 0;
        while (total < into.length) {
            int n = in.read(into, total, into.length - total);
            if (n < 0) {
                throw new IOException("stream ended after " + total + " bytes");
            }
            total += n;
            reads++;
        }
        return reads;
    }

    @Test
    void segmentsWithGapsAreSeparateWritesAndArriveInSeparateReads() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = peer(server);
        long id = tcp.idOf(peer);
        byte[] message = new byte[100];
        Arrays.fill(message, (byte) 'm');

        CompletableFuture<Void> sent = server.send(id, message, SendPlan.segmented(25, Duration.ofMillis(20)));
        byte[] received = new byte[100];
        int reads = readsFor(peer.getInputStream(), received);
        sent.get(10, TimeUnit.SECONDS);

        assertArrayEquals(message, received);
        List<BytesSent> writes = sink.of(BytesSent.class, id);
        assertEquals(4, writes.size(), "one BytesSent per segment");
        assertTrue(writes.stream().allMatch(w -> w.data().length == 25));
        assertTrue(reads >= 2, "the gaps kept the segments apart, yet the peer needed only " + reads + " read(s)");
        assertEquals(4, server.connections().getFirst().messagesOut());
        assertEquals(100, server.connections().getFirst().bytesOut());
        long spreadMillis = Duration.between(writes.getFirst().time(), writes.getLast().time()).toMillis();
        assertTrue(spreadMillis >= 50, "three 20 ms gaps, but the writes spread over " + spreadMillis + " ms");
    }

    @Test
    void coalescedRepeatsGoOutAsOneWriteAndSeparateRepeatsAsSeveral() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = peer(server);
        long id = tcp.idOf(peer);

        server.send(id, ascii("hello"), SendPlan.repeated(5, true)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("hello".repeat(5)), sentBy(id));
        server.send(id, ascii("ab"), SendPlan.repeated(3, false)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("hello".repeat(5), "ab", "ab", "ab"), sentBy(id));

        byte[] received = new byte[31];
        readsFor(peer.getInputStream(), received);
        assertEquals("hello".repeat(5) + "ababab", new String(received, StandardCharsets.US_ASCII));
    }

    @Test
    void aCoalescedBlockCutIntoSegmentsSplitsMessagesAcrossWrites() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = peer(server);
        long id = tcp.idOf(peer);
        SendPlan plan = new SendPlan(4, Duration.ZERO, 3, true);
        assertEquals(5, plan.writes(6));

        server.send(id, ascii("abcdef"), plan).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("abcd", "efab", "cdef", "abcd", "ef"), sentBy(id));
        byte[] received = new byte[18];
        readsFor(peer.getInputStream(), received);
        assertEquals("abcdef".repeat(3), new String(received, StandardCharsets.US_ASCII));
    }

    @Test
    void stoppingTheServerDuringAPacedSendIsQuickAndLeavesNoThread() throws Exception {
        TcpServer server = tcp.server();
        Socket peer = peer(server);
        long id = tcp.idOf(peer);
        CompletableFuture<Void> sent = server.send(id, new byte[10], SendPlan.segmented(1, Duration.ofMillis(300)));
        sink.awaitFirst(BytesSent.class, s -> s.connectionId() == id);

        long started = System.nanoTime();
        server.stop();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < 500, "stop took " + tookMillis + " ms");
        assertTrue(server.liveThreads().isEmpty(), "threads left: " + server.liveThreads());
        // The stop cut the send short: it is cancelled, and no Failure is added to what ConnectionClosed says.
        Throwable cut = sent.handle((ignored, outcome) -> outcome).get(5, TimeUnit.SECONDS);
        assertInstanceOf(CancellationException.class, cut);
        assertTrue(cut.getMessage().contains("bytes were sent"), cut.getMessage());
        assertTrue(sink.of(BytesSent.class, id).size() < 10);
        assertEquals(List.of(), sink.of(Failure.class));
    }

    @Test
    void aClientAbortDuringAPacedSendTakesEffectAtOnce() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);
        tcp.connect(client, listener);
        CompletableFuture<Void> sent = client.send(new byte[10], SendPlan.segmented(1, Duration.ofSeconds(5)));
        sink.awaitFirst(BytesSent.class);

        long started = System.nanoTime();
        client.close(CloseMode.ABORT);
        await().atMost(Duration.ofMillis(500)).until(() -> client.liveThreads().isEmpty());
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < 500, "the writer ended after " + tookMillis + " ms");
        assertThrows(CancellationException.class, () -> sent.get(5, TimeUnit.SECONDS));
        assertEquals(1, sink.of(BytesSent.class).size());
        assertEquals(List.of(), sink.of(Failure.class), "the abort is the user's own doing");
    }

    @Test
    void aGracefulCloseDuringAPacedSendWritesTheRestWithoutThePauses() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);
        Socket peer = tcp.connect(client, listener);
        byte[] message = ascii("0123456789");
        CompletableFuture<Void> sent = client.send(message, SendPlan.segmented(2, Duration.ofSeconds(5)));
        sink.awaitFirst(BytesSent.class);

        long started = System.nanoTime();
        client.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < 500, "close took " + tookMillis + " ms");
        sent.get(5, TimeUnit.SECONDS);
        assertEquals(5, sink.of(BytesSent.class).size(), "every segment is still its own write");
        assertArrayEquals(message, peer.getInputStream().readAllBytes());
        assertEquals(CloseReason.LOCAL_CLOSE, sink.awaitFirst(ConnectionClosed.class).reason());
    }

    @Test
    void plansAreCheckedBeforeAnythingIsSent() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new SendPlan(-1, Duration.ZERO, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new SendPlan(0, Duration.ZERO, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new SendPlan(0, Duration.ofMinutes(2), 1, false));
        assertThrows(IllegalArgumentException.class, () -> new SendPlan(0, Duration.ofMillis(-1), 1, false));
        assertEquals(Duration.ZERO, new SendPlan(0, null, 1, false).gapBetweenSegments());
        assertEquals(1, SendPlan.WHOLE.writes(1000));
        assertEquals(4, SendPlan.repeated(4, false).writes(3));
        assertEquals(1, SendPlan.repeated(4, true).writes(3));
        assertEquals(3, SendPlan.segmented(4, null).writes(10));

        TcpServer server = tcp.server();
        Socket peer = peer(server);
        long id = tcp.idOf(peer);
        Failure tooMany = refusal(server.send(id, new byte[20_000], SendPlan.segmented(1, null)));
        assertEquals(FailureKind.LIMIT_EXCEEDED, tooMany.kind());
        assertEquals(id, tooMany.connectionId());
        assertTrue(tooMany.message().contains("20000 separate writes"), tooMany.message());
        Failure tooManyForAll = refusal(server.sendToAll(new byte[20_000], SendPlan.segmented(1, null)));
        assertEquals(0, tooManyForAll.connectionId(), "refused once for all clients");
        Failure unknown = refusal(server.send(999, new byte[1], SendPlan.WHOLE));
        assertEquals(FailureKind.INVALID_STATE, unknown.kind());
        assertEquals(999, unknown.connectionId());
        assertTrue(sink.of(BytesSent.class).isEmpty());

        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("127.0.0.1", 9), sink));
        Failure notConnected = refusal(client.send(new byte[1], SendPlan.WHOLE));
        assertEquals(FailureKind.INVALID_STATE, notConnected.kind());
        assertEquals(client.id(), notConnected.connectionId());
        assertEquals(List.of(tooMany, tooManyForAll, unknown, notConnected), sink.of(Failure.class),
                "each refusal is exactly one Failure event, the same one the future carries");
        assertTrue(sink.of(Failure.class).stream().allMatch(f -> f.operation() == Operation.SEND));
    }

    /** The Failure a refused send's future carries. */
    private static Failure refusal(CompletableFuture<Void> sent) {
        ExecutionException error = assertThrows(ExecutionException.class, () -> sent.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(SocketErrorException.class, error.getCause()).failure();
    }
}
