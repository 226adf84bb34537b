package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.ListenerStopped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Misbehaving sinks and races between stop() and traffic; loopback only. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpEndpointRobustnessTest {

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    private UdpEndpoint endpoint(EventSink sink) {
        UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), sink);
        cleanup.add(endpoint);
        return endpoint;
    }

    private DatagramSocket peer() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5_000);
        cleanup.add(socket);
        return socket;
    }

    private static void sendTo(DatagramSocket socket, InetSocketAddress target, byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length, target));
    }

    @Test
    void aThrowingSinkDoesNotStopReceivingOrSending() throws Exception {
        UdpEndpoint endpoint = endpoint(event -> {
            throw new IllegalStateException("sink is broken");
        });
        InetSocketAddress local = endpoint.start();
        DatagramSocket peer = peer();

        for (int i = 0; i < 5; i++) {
            sendTo(peer, local, new byte[]{(byte) i});
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.datagramsIn() == 5);
        endpoint.send("127.0.0.1", peer.getLocalPort(), new byte[]{9}).join();
        assertEquals(1, endpoint.datagramsOut());
        endpoint.stop();
        assertEquals(Set.of(), endpoint.liveThreads());
    }

    @Test
    void stopFromASinkCallbackOnTheReceiveThreadDoesNotHang() throws Exception {
        AtomicReference<UdpEndpoint> self = new AtomicReference<>();
        RecordingSink recorded = new RecordingSink();
        UdpEndpoint endpoint = endpoint(event -> {
            recorded.emit(event);
            if (event instanceof BytesReceived) {
                self.get().stop();
            }
        });
        self.set(endpoint);
        InetSocketAddress local = endpoint.start();
        sendTo(peer(), local, new byte[]{1});

        recorded.awaitFirst(ListenerStopped.class, e -> true);
        await().atMost(Duration.ofSeconds(3)).until(() -> endpoint.liveThreads().isEmpty());
        assertFalse(endpoint.isRunning());
    }

    @Test
    void stopFromASinkCallbackOnTheSendThreadDoesNotWaitForItself() throws Exception {
        AtomicReference<UdpEndpoint> self = new AtomicReference<>();
        RecordingSink recorded = new RecordingSink();
        CountDownLatch stopped = new CountDownLatch(1);
        UdpEndpoint endpoint = endpoint(event -> {
            recorded.emit(event);
            if (event instanceof BytesSent) {
                long started = System.nanoTime();
                self.get().stop();
                if (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1)) {
                    stopped.countDown();
                }
            }
        });
        self.set(endpoint);
        endpoint.start();
        endpoint.send("127.0.0.1", peer().getLocalPort(), new byte[]{1}).join();

        assertTrue(stopped.await(5, TimeUnit.SECONDS), "stop() on the send thread returned promptly");
        await().atMost(Duration.ofSeconds(3)).until(() -> endpoint.liveThreads().isEmpty());
    }

    @RepeatedTest(5)
    void stopWhileSendsAreQueuedCompletesEveryFutureAndNeverBindsAgain() throws Exception {
        RecordingSink sink = new RecordingSink();
        UdpEndpoint endpoint = endpoint(sink);
        endpoint.start();
        int peerPort = peer().getLocalPort();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sends.add(endpoint.send("127.0.0.1", peerPort, new byte[]{(byte) i}));
        }
        endpoint.stop();

        int cancelled = 0;
        for (CompletableFuture<Void> send : sends) {
            assertTrue(send.isDone(), "every send is settled once stop() returns");
            if (send.isCompletedExceptionally()) {
                assertTrue(send.isCancelled(), "overtaken by the stop, not failed");
                cancelled++;
            }
        }
        assertEquals(500, endpoint.datagramsOut() + cancelled, "each send either went out or was cancelled");
        assertEquals(List.of(), sink.all(Failure.class), "a cancelled send is no Failure: ListenerStopped says it");
        assertFalse(endpoint.isRunning(), "a cancelled send must not bind a new socket after stop()");
        assertEquals(Set.of(), endpoint.liveThreads());
        assertEquals(1, sink.all(ListenerStopped.class).size());
    }

    @Test
    void concurrentSendersAreAllCountedExactly() throws Exception {
        UdpEndpoint endpoint = endpoint(new RecordingSink());
        endpoint.start();
        DatagramSocket peer = peer();
        peer.setReceiveBufferSize(1 << 20);
        int threads = 4;
        int perThread = 50;
        List<CompletableFuture<Void>> sends = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            senders.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    sends.add(endpoint.send("127.0.0.1", peer.getLocalPort(), new byte[]{1, 2}));
                }
            }));
        }
        for (Thread sender : senders) {
            assertTrue(sender.join(Duration.ofSeconds(5)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        assertEquals(threads * perThread, endpoint.datagramsOut());
        assertEquals(threads * perThread * 2L, endpoint.bytesOut());
        for (int i = 0; i < threads * perThread; i++) {
            DatagramPacket packet = new DatagramPacket(new byte[8], 8);
            peer.receive(packet);
            assertEquals(2, packet.getLength());
        }
    }
}
