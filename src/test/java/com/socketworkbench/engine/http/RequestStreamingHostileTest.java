package com.socketworkbench.engine.http;

import com.socketworkbench.testing.LiveHeap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies are streamed to the socket, not built in memory (issue 11, item 7): a 200 MB body from a file and
 * a 64 MB body typed in the editor reach a loopback server byte for byte (SHA-256 at both ends) while the live heap
 * grows by no more than a small buffer beyond what the caller already holds. Runs at -Xmx384m (hostile execution).
 */
@Timeout(180)
class RequestStreamingHostileTest {
    @org.junit.jupiter.api.BeforeAll
    static void inTheSmallHeapOnly() {
        com.socketworkbench.testing.LiveHeap.requireHostileHeap();
    }

    /** The deadline is off: a 200 MB upload on a loaded two-core machine may take longer than the default 60 s. */
    private static final RequestOptions UNHURRIED = RequestOptions.DEFAULTS.withDeadline(java.time.Duration.ZERO);

    private static final long FILE_BODY = 200L * 1024 * 1024;
    private static final int TEXT_BODY = 64 * 1024 * 1024;
    /**
     * Socket buffers, the writer's chunks and the exchange's own bytes (about 6 MiB), and the sampler's noise: idle,
     * collecting every 50 ms alone shows 15 MiB over the baseline in LiveHeap's figures. Building the body in memory
     * costs its size, once or twice over (the typed 64 MB peaked 156 MB over the baseline before streaming).
     */
    private static final long SLACK = 32L * 1024 * 1024;

    @TempDir
    Path dir;
    private final HttpExchanger exchanger = new HttpExchanger();

    @AfterEach
    void close() {
        exchanger.close();
    }

    @Test
    void aTwoHundredMegabyteFileBodyGoesOutByteExactWithinASmallHeap() throws Exception {
        Path file = dir.resolve("body.bin");
        String written = writeFile(file);
        try (DigestingServer server = new DigestingServer()) {
            long baseline = liveHeapNow();
            try (LiveHeap heap = LiveHeap.watch(); GcSampler sampler = new GcSampler()) {
                PreparedRequest request = RawRequestBuilder.prepare("PUT /upload HTTP/1.1\nHost: 127.0.0.1\n\n",
                        StandardCharsets.UTF_8, RequestOptions.DEFAULTS, RequestBody.ofFile(file));
                try (HttpExchange exchange = exchanger.send(server.target(), request, UNHURRIED, null)
                        .get(150, TimeUnit.SECONDS)) {
                    assertTrue(exchange.succeeded(), exchange.failure().orElse(""));
                    assertEquals(request.headEnd() + FILE_BODY, exchange.bytesSent());
                }
                Received received = server.received.get(10, TimeUnit.SECONDS);
                assertEquals(FILE_BODY, received.bodyBytes());
                assertEquals(written, received.sha256(), "the body arrived byte for byte");
                long peak = heap.peakBytes();
                assertTrue(sampler.collections() > 0, "the heap was looked at while the body went out");
                assertTrue(peak < baseline + SLACK, String.format(Locale.ROOT,
                        "live heap peaked at %,d bytes over a baseline of %,d while sending %,d body bytes",
                        peak, baseline, FILE_BODY));
            }
        }
    }

    @Test
    void aLongTypedBodyIsEncodedWhileItIsSentNotBeforehand() throws Exception {
        // The editor's text exists anyway; sending it must not add its encoded bytes (twice, before streaming).
        String text = "POST /typed HTTP/1.1\nHost: 127.0.0.1\n\n" + "x".repeat(TEXT_BODY);
        String expected = sha256Hex(text.substring(text.indexOf("\n\n") + 2).getBytes(StandardCharsets.UTF_8));
        try (DigestingServer server = new DigestingServer()) {
            long baseline = liveHeapNow();
            try (LiveHeap heap = LiveHeap.watch(); GcSampler sampler = new GcSampler()) {
                PreparedRequest request = RawRequestBuilder.prepare(text, StandardCharsets.UTF_8,
                        RequestOptions.DEFAULTS);
                assertEquals(TEXT_BODY, request.bodyLength());
                try (HttpExchange exchange = exchanger.send(server.target(), request, UNHURRIED, null)
                        .get(150, TimeUnit.SECONDS)) {
                    assertTrue(exchange.succeeded(), exchange.failure().orElse(""));
                }
                Received received = server.received.get(10, TimeUnit.SECONDS);
                assertEquals(TEXT_BODY, received.bodyBytes());
                assertEquals(expected, received.sha256());
                long peak = heap.peakBytes();
                assertTrue(sampler.collections() > 0, "the heap was looked at while the body went out");
                assertTrue(peak < baseline + SLACK, String.format(Locale.ROOT,
                        "live heap peaked at %,d bytes over a baseline of %,d (the %,d-char text included)",
                        peak, baseline, text.length()));
            }
        }
    }

    /**
     * Collects every 50 ms while open. Streaming allocates so little that the JVM may not collect at all during a
     * send, and LiveHeap sees only collections: these make it look while the bytes go out.
     */
    static final class GcSampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger collections = new AtomicInteger();

        GcSampler() {
            timer.scheduleAtFixedRate(() -> {
                System.gc();
                collections.incrementAndGet();
            }, 0, 50, TimeUnit.MILLISECONDS);
        }

        int collections() {
            return collections.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** The heap in use right after a full collection. */
    private static long liveHeapNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String writeFile(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < FILE_BODY; written += block.length) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) ((written + i) * 7 + (written >> 20));
                }
                out.write(block);
                digest.update(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256Hex(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    record Received(long bodyBytes, String sha256) {
    }

    /** Reads one request on 127.0.0.1, hashing its Content-Length body instead of keeping it, and answers 200. */
    static final class DigestingServer implements AutoCloseable {
        final CompletableFuture<Received> received = new CompletableFuture<>();
        private final ServerSocket server = new ServerSocket();
        private final Thread thread;

        DigestingServer() throws IOException {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = Thread.ofVirtual().name("digesting-server").start(this::serveOne);
        }

        HttpTarget target() {
            return new HttpTarget("http", "127.0.0.1", server.getLocalPort());
        }

        private void serveOne() {
            try (Socket socket = server.accept()) {
                InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                long length = contentLength(readHead(in));
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                long read = 0;
                while (read < length) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
                    if (n < 0) {
                        break;
                    }
                    digest.update(buffer, 0, n);
                    read += n;
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                received.complete(new Received(read, HexFormat.of().formatHex(digest.digest())));
            } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
                received.completeExceptionally(e);
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4 && head.size() < 64 * 1024) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        private static long contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            thread.join(5_000);
        }
    }
}
