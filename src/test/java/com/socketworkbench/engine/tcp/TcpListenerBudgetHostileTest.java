package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.testing.LiveHeap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile peers against one listener's memory budget, in the suite's small-heap JVM ({@code hostile.heap}, 384 MiB):
 * whatever the number of peers, the bytes a listener queues (echo) and holds (unfinished frames) stay within one
 * budget, by default a quarter of the heap. Before the budget, 12 peers that never read their echo or 40 peers each
 * holding an unfinished 15.5 MiB frame ran this JVM out of memory.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TcpListenerBudgetHostileTest {
    @org.junit.jupiter.api.BeforeAll
    static void inTheSmallHeapOnly() {
        com.socketworkbench.testing.LiveHeap.requireHostileHeap();
    }

    private static final Logger LOG = LoggerFactory.getLogger(TcpListenerBudgetHostileTest.class);
    /** The default budget: a quarter of the heap. */
    private static final long BUDGET = LiveHeap.maxBytes() / 4;
    /**
     * What a connection holds outside the budget (its read buffer of up to 256 KiB, the 64 KiB pending snapshot,
     * socket objects; a humongous frame array's last region), and the peer's side of it in this same JVM.
     */
    private static final long PER_CONNECTION = 1L << 20;
    /**
     * Read buffers beyond 256 KiB, all connections together (an allowance of a sixteenth of the budget, beside it),
     * and as much again for the reads those larger buffers hand on while they wait for room in the budget.
     */
    private static final long READ_BUFFERS = 2 * BUDGET / MemoryBudget.READ_BUFFER_SHARE;
    /** Events kept, threads, the sampler's own garbage between two full collections. */
    private static final long FIXED_SLACK = 16L << 20;
    private static final Duration ATTACK_LIMIT = Duration.ofSeconds(90);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final KeptEvents events = new KeptEvents();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void peersThatNeverReadTheirEchoCannotTakeMoreThanTheBudget() throws Exception {
        int peers = 12;
        long perPeer = 32L << 20; // 384 MiB in all: the whole heap
        TcpServer server = track(new TcpServer(new TcpServerConfig("127.0.0.1", 0, 1000, true), events));
        server.start();

        long peak;
        long baseline;
        try (LiveHeap heap = LiveHeap.watch()) {
            baseline = heap.peakBytes();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                Socket peer = track(new Socket());
                peer.setReceiveBufferSize(4096); // reads nothing: every echo stays queued at the server
                peer.connect(server.localAddress(), 5_000);
                sockets.add(peer);
            }
            send(sockets, perPeer, socket -> new byte[64 * 1024]);
            peak = heap.peakBytes();
        }
        LOG.info("echo flood: peak live heap {} MiB (before the attack {} MiB), budget {} MiB, {} connections closed"
                + " over the budget", peak >> 20, baseline >> 20, BUDGET >> 20, events.limitFailures().size());

        assertWithinBudget(peak, baseline, peers);
        assertFalse(events.limitFailures().isEmpty(), "the budget refused someone");
        for (Failure failure : events.limitFailures()) {
            assertTrue(failure.connectionId() > 0, "names the connection: " + failure);
            assertTrue(failure.message().contains("memory budget"), failure.message());
        }
        assertTrue(server.isRunning());
        assertStillServes(server);
    }

    @Test
    void peersHoldingHugeUnfinishedFramesCannotTakeMoreThanTheBudget() throws Exception {
        int peers = 40;
        int body = (int) (15.5 * (1 << 20)); // just under the 16 MiB maximum frame
        FramingSpec framing = new FramingSpec.LengthPrefixed(4, Endianness.BIG, false, 0,
                FramingSpec.DEFAULT_MAX_FRAME_SIZE);
        TcpServer server = track(new TcpServer(new TcpServerConfig("127.0.0.1", 0), events));
        server.setFramerFactory(framing::create);
        server.start();

        long peak;
        long baseline;
        try (LiveHeap heap = LiveHeap.watch()) {
            baseline = heap.peakBytes();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                Socket peer = track(new Socket());
                peer.connect(server.localAddress(), 5_000);
                sockets.add(peer);
            }
            // The header announces the body, then all of it but its last byte: a frame that never completes.
            byte[] header = ByteBuffer.allocate(4).putInt(body).array();
            for (Socket peer : sockets) {
                peer.getOutputStream().write(header);
            }
            send(sockets, body - 1, socket -> new byte[64 * 1024]);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.connections().stream()
                    .allMatch(c -> c.pendingBytes() == body + 3));
            peak = heap.peakBytes();
        }
        long held = server.connections().stream().mapToLong(ConnectionInfo::pendingBytes).sum();
        LOG.info("unfinished frames: peak live heap {} MiB (before the attack {} MiB), budget {} MiB, {} frames held"
                + " ({} MiB), {} closed", peak >> 20, baseline >> 20, BUDGET >> 20, server.connectionCount(),
                held >> 20, events.limitFailures().size());

        assertWithinBudget(peak, baseline, peers);
        assertTrue(held <= BUDGET, "held " + held);
        assertTrue(server.connectionCount() < peers, "frames over the budget were refused");
        assertEquals(peers - server.connectionCount(), events.limitFailures().size(),
                "one LIMIT_EXCEEDED per closed connection");
        for (Failure failure : events.limitFailures()) {
            assertTrue(failure.connectionId() > 0, "names the connection: " + failure);
            assertTrue(failure.message().contains("memory budget"), failure.message());
        }
        assertStillServes(server);
    }

    private static void assertWithinBudget(long peak, long baseline, int peers) {
        long allowed = baseline + BUDGET + READ_BUFFERS + peers * PER_CONNECTION + FIXED_SLACK;
        assertTrue(peak < allowed, "peak live heap " + (peak >> 20) + " MiB, allowed " + (allowed >> 20)
                + " MiB: " + (baseline >> 20) + " before the attack + the budget of " + (BUDGET >> 20) + " + slack");
    }

    /** A new peer's bytes still arrive (raw or length-prefixed alike: a 4-byte length, then the body). */
    private void assertStillServes(TcpServer server) throws Exception {
        Socket fresh = track(new Socket());
        fresh.setSoTimeout(TcpFixture.PEER_TIMEOUT_MILLIS);
        fresh.connect(server.localAddress(), 5_000);
        int port = fresh.getLocalPort();
        await().atMost(RecordingSink.WAIT).until(() -> events.acceptedPort(port) > 0);
        long id = events.acceptedPort(port);
        byte[] message = ByteBuffer.allocate(6).putInt(2).put((byte) 'o').put((byte) 'k').array();
        fresh.getOutputStream().write(message);
        await().atMost(RecordingSink.WAIT).until(() -> events.receivedBy(id) > 0);
        assertTrue(server.connections().stream().anyMatch(c -> c.id() == id), "the new peer stays connected");
    }

    /** Every socket sends {@code bytes} (or until the server closes it, or the time is up), all at once. */
    private static void send(List<Socket> sockets, long bytes, java.util.function.Function<Socket, byte[]> chunks)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(sockets.size());
        long deadline = System.nanoTime() + ATTACK_LIMIT.toNanos();
        for (Socket socket : sockets) {
            Thread.ofVirtual().start(() -> {
                byte[] chunk = chunks.apply(socket);
                try {
                    OutputStream out = socket.getOutputStream();
                    for (long left = bytes; left > 0 && System.nanoTime() < deadline; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                } catch (IOException closedByTheServer) {
                    // the budget closed this peer: its attack is over
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(ATTACK_LIMIT.toSeconds() + 30, TimeUnit.SECONDS), "the peers finished sending");
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Keeps the small events only: a sink that kept the payloads would be the hog under test. */
    private static final class KeptEvents implements EventSink {
        private final List<NetEvent> kept = new CopyOnWriteArrayList<>();
        private final java.util.Map<Long, AtomicLong> received = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void emit(NetEvent event) {
            if (event instanceof BytesReceived data) {
                received.computeIfAbsent(data.connectionId(), id -> new AtomicLong()).addAndGet(data.data().length);
            } else if (event instanceof Failure || event instanceof ConnectionClosed
                    || event instanceof ConnectionAccepted) {
                kept.add(event);
            }
        }

        List<Failure> limitFailures() {
            return kept.stream().filter(e -> e instanceof Failure f && f.kind() == FailureKind.LIMIT_EXCEEDED)
                    .map(Failure.class::cast).toList();
        }

        long acceptedPort(int port) {
            return kept.stream().filter(e -> e instanceof ConnectionAccepted a
                            && ((java.net.InetSocketAddress) a.remote()).getPort() == port)
                    .mapToLong(NetEvent::connectionId).findFirst().orElse(0);
        }

        long receivedBy(long id) {
            AtomicLong bytes = received.get(id);
            return bytes == null ? 0 : bytes.get();
        }
    }
}
