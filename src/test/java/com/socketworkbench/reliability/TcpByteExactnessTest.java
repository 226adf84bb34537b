package com.socketworkbench.reliability;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 256 MiB each way at once over loopback, between the engine and a plain JDK socket, in both roles. Both ends hash
 * the stream as it passes (nothing holds more than a few MiB), and the digests must agree: not one byte lost,
 * duplicated, reordered or changed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TcpByteExactnessTest {
    private static final long TOTAL = 256L * 1024 * 1024;
    private static final long CHUNKS = TOTAL / PatternStream.CHUNK;
    /** Sends queued in the engine at once: enough to keep the socket busy, far below its 64 MiB queue limit. */
    private static final int SEND_WINDOW = 8;
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(150);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void tcpServerAndAJdkClientExchange256MiBEachWayByteExact() throws Exception {
        HashingSink sink = new HashingSink();
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink);
        try (server; Socket peer = new Socket()) {
            InetSocketAddress address = server.start();
            peer.connect(address, 5_000);
            long id = await().atMost(Duration.ofSeconds(10)).until(
                    () -> sink.of(ConnectionAccepted.class), list -> !list.isEmpty()).getFirst().connectionId();

            CompletableFuture<byte[]> peerSent = writeAll(peer.getOutputStream(), new PatternStream(1));
            CompletableFuture<byte[]> peerReceived = readAll(peer.getInputStream());
            byte[] engineSent = sendThroughEngine(new PatternStream(2), chunk -> server.send(id, chunk));

            await().atMost(TRANSFER_LIMIT).until(() -> sink.receivedBytes(id) >= TOTAL);
            assertSameDigest(peerSent.get(10, TimeUnit.SECONDS), sink.receivedDigest(id), "JDK client -> TcpServer");
            assertSameDigest(engineSent, peerReceived.get(TRANSFER_LIMIT.toSeconds(), TimeUnit.SECONDS),
                    "TcpServer -> JDK client");
            assertEquals(TOTAL, sink.receivedBytes(id));
            assertEquals(TOTAL, server.connections().getFirst().bytesOut());
            assertEquals(TOTAL, server.connections().getFirst().bytesIn());
            assertTrue(sink.of(Failure.class).isEmpty(), () -> "no failure expected: " + sink.of(Failure.class));

            peer.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
            server.stop();
            assertTrue(EngineThreadProbe.liveThreads(server).isEmpty(),
                    () -> "threads left: " + EngineThreadProbe.names(EngineThreadProbe.liveThreads(server)));
        }
    }

    @Test
    void tcpClientAndAJdkServerExchange256MiBEachWayByteExact() throws Exception {
        HashingSink sink = new HashingSink();
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            TcpClient client = new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort()), sink);
            try (client) {
                CompletableFuture<InetSocketAddress> connected = client.connect();
                try (Socket peer = listener.accept()) {
                    connected.get(10, TimeUnit.SECONDS);
                    CompletableFuture<byte[]> peerSent = writeAll(peer.getOutputStream(), new PatternStream(3));
                    CompletableFuture<byte[]> peerReceived = readAll(peer.getInputStream());
                    byte[] engineSent = sendThroughEngine(new PatternStream(4), client::send);

                    await().atMost(TRANSFER_LIMIT).until(() -> sink.receivedBytes(client.id()) >= TOTAL);
                    assertSameDigest(peerSent.get(10, TimeUnit.SECONDS), sink.receivedDigest(client.id()),
                            "JDK server -> TcpClient");
                    assertSameDigest(engineSent, peerReceived.get(TRANSFER_LIMIT.toSeconds(), TimeUnit.SECONDS),
                            "TcpClient -> JDK server");
                    assertEquals(TOTAL, client.bytesIn());
                    assertEquals(TOTAL, client.bytesOut());
                    assertTrue(sink.of(Failure.class).isEmpty(), () -> "no failure expected: " + sink.of(Failure.class));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !sink.of(ConnectionClosed.class).isEmpty());
            }
            assertTrue(EngineThreadProbe.liveThreads(client).isEmpty(),
                    () -> "threads left: " + EngineThreadProbe.names(EngineThreadProbe.liveThreads(client)));
        }
    }

    /** Queues the stream through the engine, at most {@link #SEND_WINDOW} chunks at a time; returns its digest. */
    private static byte[] sendThroughEngine(PatternStream stream, Function<byte[], CompletableFuture<Void>> send)
            throws Exception {
        MessageDigest digest = HashingSink.sha256();
        Semaphore window = new Semaphore(SEND_WINDOW);
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (long i = 0; i < CHUNKS; i++) {
            if (!window.tryAcquire(TRANSFER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the engine wrote nothing for " + TRANSFER_LIMIT + " at chunk " + i);
            }
            byte[] chunk = stream.chunk(i);
            digest.update(chunk);
            last = send.apply(chunk).whenComplete((ok, error) -> window.release());
        }
        last.get(TRANSFER_LIMIT.toSeconds(), TimeUnit.SECONDS);
        return digest.digest();
    }

    private static CompletableFuture<byte[]> writeAll(OutputStream out, PatternStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            MessageDigest digest = HashingSink.sha256();
            try {
                for (long i = 0; i < CHUNKS; i++) {
                    byte[] chunk = stream.chunk(i);
                    digest.update(chunk);
                    out.write(chunk);
                }
                out.flush();
            } catch (IOException e) {
                throw new AssertionError("the JDK peer could not write", e);
            }
            return digest.digest();
        }, runnable -> Thread.ofPlatform().name("peer-writer").start(runnable));
    }

    private static CompletableFuture<byte[]> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            MessageDigest digest = HashingSink.sha256();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try {
                while (total < TOTAL) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, TOTAL - total));
                    if (n < 0) {
                        throw new AssertionError("the stream ended after " + total + " of " + TOTAL + " bytes");
                    }
                    digest.update(buffer, 0, n);
                    total += n;
                }
            } catch (IOException e) {
                throw new AssertionError("the JDK peer could not read after " + total + " bytes", e);
            }
            return digest.digest();
        }, runnable -> Thread.ofPlatform().name("peer-reader").start(runnable));
    }

    private static void assertSameDigest(byte[] expected, byte[] actual, String direction) {
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(actual),
                direction + ": SHA-256 of the bytes sent and of the bytes received differ");
    }
}
