package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listener's (and a client's) memory budget with small budgets on loopback: who is closed when it is full, what a
 * refused send looks like, and that every byte is given back. The small-heap attacks are in
 * {@link TcpListenerBudgetHostileTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpMemoryBudgetTest {
    private static final long MIB = ByteSizes.MIB;
    private static final FramingSpec LENGTH_PREFIX = new FramingSpec.LengthPrefixed(4, Endianness.BIG, false, 0,
            FramingSpec.DEFAULT_MAX_FRAME_SIZE);

    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();

    private TcpServer server(long budget, boolean echo) throws Exception {
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0, 100, echo)
                .withMemoryBudget(budget), sink));
        server.start();
        return server;
    }

    private static byte[] header(int body) {
        return ByteBuffer.allocate(4).putInt(body).array();
    }

    /** Writes {@code parts}; the engine may close the connection (a reset here) before it has read them all. */
    private static void writeUntilClosed(Socket peer, byte[]... parts) {
        try {
            for (byte[] part : parts) {
                peer.getOutputStream().write(part);
            }
        } catch (IOException closedByTheBudget) {
            // what the test waits for next
        }
    }

    private List<Failure> limitFailures(long id) {
        return sink.of(Failure.class, id).stream().filter(f -> f.kind() == FailureKind.LIMIT_EXCEEDED).toList();
    }

    @Test
    void theDefaultBudgetIsAQuarterOfTheHeap() {
        TcpServerConfig config = new TcpServerConfig("127.0.0.1", 0);
        assertEquals(0, config.memoryBudget());
        assertEquals(Runtime.getRuntime().maxMemory() / 4, config.effectiveMemoryBudget());
        assertEquals(64 * MIB, config.withMemoryBudget(64 * MIB).effectiveMemoryBudget());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> config.withMemoryBudget(MIB - 1));
        assertEquals("The memory budget must be at least 1 MiB", tooSmall.getMessage());
        assertEquals(Runtime.getRuntime().maxMemory() / 4,
                new TcpServer(config, sink).memoryBudget());
    }

    @Test
    void readBuffersGrowByASixteenthOfTheBudgetBesideIt() {
        MemoryBudget budget = new MemoryBudget("listener", 16 * MIB, List::of);
        assertTrue(budget.tryReserveReadBuffer(MIB), "a sixteenth of the budget");
        assertFalse(budget.tryReserveReadBuffer(1), "not more");
        assertEquals(0, budget.used(), "beside the budget: frames and echoes keep all of it");
        budget.releaseReadBuffer(MIB);
        assertEquals(0, budget.readBufferBytes());

        assertTrue(budget.tryReserve(MIB));
        assertTrue(budget.readBuffersWelcome(), "a budget used no more than its read-buffer share");
        assertTrue(budget.tryReserve(1));
        assertFalse(budget.readBuffersWelcome(), "fuller: grown read buffers shrink back");
        assertFalse(budget.tryReserveReadBuffer(1), "and none grows");
        assertTrue(budget.tryReserve(16 * MIB - MIB - 1), "frames and echoes still get the whole budget");
        budget.release(16 * MIB);
        assertTrue(budget.tryReserveReadBuffer(MIB), "given back, it can be taken again");
        budget.releaseReadBuffer(MIB);
        assertEquals(0, budget.used());
    }

    @Test
    void theConnectionHoldingTheMostIsClosedToMakeRoomForAnother() throws Exception {
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0, 100, true)
                .withMemoryBudget(4 * MIB), sink));
        // Small socket buffers: what the hog does not read stays in the echo queue, where the budget counts it.
        server.setSocketOptions(new SocketOptionsSpec(null, null, null, null, 4096, null, null, null, null, null,
                null, null));
        server.start();
        Socket hog = tcp.peer(server, 4096);
        long hogId = tcp.idOf(hog);
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 56; i++) { // 3.5 MiB the hog never reads back
            hog.getOutputStream().write(chunk);
        }
        await().atMost(RecordingSink.WAIT).until(() -> server.memoryInUse() >= 3 * MIB);

        Socket polite = tcp.peer(server);
        long politeId = tcp.idOf(polite);
        byte[] message = new byte[1024 * 1024];
        message[0] = 7;
        polite.getOutputStream().write(message);
        byte[] echoed = new byte[message.length];
        new DataInputStream(polite.getInputStream()).readFully(echoed);
        assertArrayEquals(message, echoed, "the polite peer gets all of its echo");

        Failure evicted = limitFailures(hogId).getFirst();
        assertEquals(Operation.SEND, evicted.operation());
        assertTrue(evicted.message().matches("Closed the connection to 127\\.0\\.0\\.1:\\d+ to make room: it held"
                + " \\d\\.\\d MiB \\(echoes its peer does not read\\), the most of all connections, when the"
                + " listener's memory budget of 4 MiB \\(.+ held by its connections\\) was full"), evicted.message());
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == hogId);
        assertEquals(CloseReason.ERROR, closed.reason());
        assertEquals("closed to stay within the listener's memory budget of 4 MiB", closed.detail());
        assertEquals(List.of(), limitFailures(politeId));
        assertTrue(server.connections().stream().anyMatch(c -> c.id() == politeId));
        await().atMost(RecordingSink.WAIT).until(() -> server.memoryInUse() == 0);
    }

    @Test
    void aNewcomerThatWouldHoldTheMostIsRefusedAndTheSmallerHolderStays() throws Exception {
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withMemoryBudget(4 * MIB), sink));
        server.setFramerFactory(LENGTH_PREFIX::create);
        server.start();
        Socket small = tcp.peer(server);
        long smallId = tcp.idOf(small);
        small.getOutputStream().write(header((int) MIB));
        small.getOutputStream().write(new byte[600 * 1024]);
        int pending = 600 * 1024 + 4;
        await().atMost(RecordingSink.WAIT).until(() -> server.connections().getFirst().pendingBytes() == pending);
        long smallHeld = server.memoryInUse();
        assertTrue(smallHeld >= pending && smallHeld < 2 * pending, "the frame buffer's capacity: " + smallHeld);

        Socket big = tcp.peer(server);
        long bigId = tcp.idOf(big);
        writeUntilClosed(big, header((int) (8 * MIB)), new byte[(int) (5 * MIB)]);

        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == bigId);
        assertEquals(CloseReason.ERROR, closed.reason());
        Failure refused = limitFailures(bigId).getFirst();
        assertEquals(Operation.RECEIVE, refused.operation());
        assertTrue(refused.message().matches("Closed the connection to 127\\.0\\.0\\.1:\\d+: its unfinished frame"
                + " \\(.+ so far\\) needed .+ of memory, which would go over the listener's memory budget of 4 MiB"
                + " \\(.+ held by its connections\\), and it would hold the most"), refused.message());
        assertEquals(List.of(), limitFailures(smallId));
        assertEquals(pending, server.connections().getFirst().pendingBytes(), "the smaller frame stays");
        await().atMost(RecordingSink.WAIT).until(() -> server.memoryInUse() == smallHeld);
    }

    @Test
    void aSendOverTheBudgetIsRefusedAndTheConnectionStays() throws Exception {
        TcpServer server = server(MIB, false);
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);

        CompletableFuture<Void> tooBig = server.send(id, new byte[(int) (2 * MIB)]);
        Failure failure = assertInstanceOf(SocketErrorException.class,
                assertThrows(ExecutionException.class, () -> tooBig.get(5, TimeUnit.SECONDS)).getCause()).failure();
        assertEquals(FailureKind.LIMIT_EXCEEDED, failure.kind());
        assertEquals(Operation.SEND, failure.operation());
        assertEquals(id, failure.connectionId());
        assertTrue(failure.message().matches("Not sent: 2 MiB to 127\\.0\\.0\\.1:\\d+ would go over the listener's"
                + " memory budget of 1 MiB \\(0 bytes held by its connections\\)"), failure.message());

        CompletableFuture<Void> toAll = server.sendToAll(new byte[(int) (2 * MIB)]);
        Failure once = assertInstanceOf(SocketErrorException.class,
                assertThrows(ExecutionException.class, () -> toAll.get(5, TimeUnit.SECONDS)).getCause()).failure();
        assertEquals(0, once.connectionId(), "refused once for all clients");
        assertEquals(FailureKind.LIMIT_EXCEEDED, once.kind());

        server.send(id, TcpFixture.ascii("fits")).get(5, TimeUnit.SECONDS);
        server.sendToAll(TcpFixture.ascii("!")).get(5, TimeUnit.SECONDS);
        byte[] got = new byte[5];
        new DataInputStream(peer.getInputStream()).readFully(got);
        assertArrayEquals(TcpFixture.ascii("fits!"), got);
        assertEquals(1, server.connectionCount(), "the connection stays");
        assertEquals(0, server.memoryInUse(), "written sends give their memory back");
    }

    @Test
    void aClientFrameOverItsBudgetEndsTheConnectionAndASendOverItIsRefused() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);
        client.setMemoryBudget(MIB);
        client.setFramerFactory(LENGTH_PREFIX::create);
        Socket peer = tcp.connect(client, listener);

        CompletableFuture<Void> tooBig = client.send(new byte[(int) (2 * MIB)]);
        assertThrows(ExecutionException.class, () -> tooBig.get(5, TimeUnit.SECONDS));
        assertTrue(client.isConnected(), "a refused send leaves the connection open");

        writeUntilClosed(peer, header((int) (4 * MIB)), new byte[(int) (2 * MIB)]);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.ERROR, closed.reason());
        assertEquals("closed to stay within the client's memory budget of 1 MiB", closed.detail());
        List<Failure> limits = limitFailures(client.id());
        assertEquals(2, limits.size(), () -> "the refused send and the frame: " + limits);
        assertTrue(limits.getLast().message().contains("which would go over the client's memory budget of 1 MiB"),
                limits.getLast().message());
        await().atMost(RecordingSink.WAIT).until(() -> client.memoryInUse() == 0);
    }
}
