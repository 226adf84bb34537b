package com.socketworkbench.reliability;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionRejected;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 connections opened, used for one echoed byte and closed against one TcpServer from a few threads at once:
 * every one accepted and closed exactly once, none left in the server, and all of its threads ended when it stops.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConnectCloseCyclesTest {
    private static final int CYCLES = 10_000;
    private static final int THREADS = 4;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(90);

    /** Counts instead of keeping 20,000 events; remembers the few that should never happen. */
    private static final class CountingSink implements EventSink {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong closed = new AtomicLong();
        final ConcurrentHashMap<Long, Boolean> closedIds = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<NetEvent> unexpected = new ConcurrentLinkedQueue<>();
        volatile ListenerStopped stopped;

        @Override
        public void emit(NetEvent event) {
            switch (event) {
                case ConnectionAccepted ignored -> accepted.incrementAndGet();
                case ConnectionClosed c -> {
                    closed.incrementAndGet();
                    if (closedIds.put(c.connectionId(), Boolean.TRUE) != null) {
                        unexpected.add(c);
                    }
                }
                case Failure f -> unexpected.add(f);
                case ConnectionRejected r -> unexpected.add(r);
                case ListenerStopped s -> stopped = s;
                default -> {
                }
            }
        }
    }

    @Test
    void tenThousandConnectCloseCyclesLeaveNoConnectionAndNoThread() throws Exception {
        CountingSink sink = new CountingSink();
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0, 2_000, true), sink);
        try (server; ExecutorService clients = Executors.newFixedThreadPool(THREADS)) {
            InetSocketAddress address = server.start();
            long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
            List<Future<Integer>> batches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                batches.add(clients.submit(() -> cycle(address.getAddress(), address.getPort(), CYCLES / THREADS,
                        deadline)));
            }
            int done = 0;
            for (Future<Integer> batch : batches) {
                done += batch.get(TIME_LIMIT.toSeconds() + 10, TimeUnit.SECONDS);
            }
            assertEquals(CYCLES, done, "every cycle finished within " + TIME_LIMIT);

            await().atMost(Duration.ofSeconds(30)).until(() -> sink.closed.get() == CYCLES);
            assertEquals(CYCLES, sink.accepted.get());
            assertEquals(CYCLES, sink.closedIds.size());
            assertTrue(sink.unexpected.isEmpty(), () -> "unexpected events: " + sink.unexpected.stream().limit(5).toList());
            await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
            assertEquals(0, server.rejectedCount());
            await().atMost(Duration.ofSeconds(10)).until(() -> EngineThreadProbe.liveThreads(server).size() == 1);
            assertTrue(EngineThreadProbe.liveThreads(server).getFirst().getName().startsWith("tcp-server-accept-"),
                    "only the accept thread runs between connections");

            server.stop();
            assertTrue(EngineThreadProbe.liveThreads(server).isEmpty(),
                    () -> "threads left: " + EngineThreadProbe.names(EngineThreadProbe.liveThreads(server)));
            assertEquals("stopped by user", sink.stopped.reason());
        }
    }

    /** Opens and closes {@code count} connections one after the other; returns how many it did before the deadline. */
    private static int cycle(InetAddress host, int port, int count, long deadline) throws IOException {
        for (int i = 0; i < count; i++) {
            if (System.nanoTime() > deadline) {
                return i;
            }
            try (Socket socket = new Socket(host, port)) {
                // One echoed byte proves the server accepted the connection before it is closed; without it the
                // clients outrun the accept loop and the kernel drops handshakes once the accept queue is full.
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(i);
                if (socket.getInputStream().read() != (i & 0xff)) {
                    throw new AssertionError("cycle " + i + ": the echo did not come back");
                }
            }
        }
        return count;
    }
}
