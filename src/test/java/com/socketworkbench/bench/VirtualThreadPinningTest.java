package com.socketworkbench.bench;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpExchanger;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No engine thread pins its carrier: a JFR recording of {@code jdk.VirtualThreadPinned} (threshold 20 ms) during a
 * short flood through TcpServer (both directions), UdpEndpoint (both directions) and HttpExchanger holds no event.
 * A control case pins on purpose to show the recording would catch it.
 */
@Timeout(60)
class VirtualThreadPinningTest {
    private static final String PINNED = "jdk.VirtualThreadPinned";
    private static final Duration THRESHOLD = Duration.ofMillis(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aFloodThroughTheEnginePinsNoCarrierThread() throws Exception {
        List<RecordedEvent> pinned = record(() -> {
            tcpFlood();
            udpFlood();
            httpExchanges();
        });
        assertEquals(List.of(), pinned.stream().map(VirtualThreadPinningTest::describe).toList(),
                "virtual threads pinned for more than " + THRESHOLD.toMillis() + " ms");
    }

    @Test
    void theRecordingSeesAPinnedVirtualThread() throws Exception {
        List<RecordedEvent> pinned = record(() -> Thread.ofVirtual().name("pins-on-purpose")
                .start(SleepsWhileInitialising::touch).join(Duration.ofSeconds(10)));
        assertFalse(pinned.isEmpty(), "a virtual thread that sleeps in a class initialiser pins its carrier");
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static List<RecordedEvent> record(Work work) throws Exception {
        Path file = Files.createTempFile("pinning", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(PINNED).withThreshold(THRESHOLD).withStackTrace();
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            List<RecordedEvent> pinned = new ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals(PINNED)) {
                    pinned.add(event);
                }
            }
            return pinned;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** 32 MiB into a server (raw reads) while it sends 8 MiB back to the same client. */
    private static void tcpFlood() throws Exception {
        AtomicLong received = new AtomicLong();
        CompletableFuture<Long> accepted = new CompletableFuture<>();
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), event -> {
            if (event instanceof ConnectionAccepted connection) {
                accepted.complete(connection.connectionId());
            } else if (event instanceof BytesReceived data) {
                received.addAndGet(data.data().length);
            }
        });
        long inbound = 32L * 1024 * 1024;
        long outbound = 8L * 1024 * 1024;
        try (SocketChannel client = SocketChannel.open(server.start())) {
            long id = accepted.get(10, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(server.send(id, new byte[(int) (outbound / 8)]));
            }
            Thread reader = Thread.ofVirtual().name("pinning-test-reader").start(() -> readFully(client, outbound));
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            for (long sent = 0; sent < inbound; sent += block.capacity()) {
                block.clear();
                while (block.hasRemaining()) {
                    client.write(block);
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            reader.join(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == inbound);
        } finally {
            server.stop();
        }
    }

    private static void readFully(SocketChannel channel, long bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long read = 0;
        try {
            while (read < bytes) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** 20,000 datagrams in, 2,000 out. */
    private static void udpFlood() throws Exception {
        AtomicLong received = new AtomicLong();
        try (UdpEndpoint endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), event -> {
            if (event instanceof BytesReceived) {
                received.incrementAndGet();
            }
        }); DatagramChannel peer = DatagramChannel.open()) {
            InetSocketAddress address = endpoint.start();
            peer.bind(new InetSocketAddress(LOOPBACK, 0));
            ByteBuffer datagram = ByteBuffer.allocate(64);
            int sent = 20_000;
            for (int i = 0; i < sent; i++) {
                datagram.clear();
                peer.send(datagram, address);
                if (i % 500 == 499) {
                    Thread.sleep(1); // paced so that the kernel's receive queue is not the subject here
                }
            }
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                sends.add(endpoint.send((InetSocketAddress) peer.getLocalAddress(), new byte[64]));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            long drops = endpoint.kernelDrops().orElse(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> received.get() + drops >= sent);
            assertTrue(received.get() > 0, "datagrams arrived");
        }
    }

    /** Three exchanges of a 4 MiB response from a raw loopback server. */
    private static void httpExchanges() throws Exception {
        byte[] body = new byte[4 * 1024 * 1024];
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket listener = new ServerSocket(0, 5, LOOPBACK); HttpExchanger exchanger = new HttpExchanger()) {
            Thread server = Thread.ofVirtual().name("pinning-test-http").start(() -> {
                for (int i = 0; i < 3; i++) {
                    try (Socket socket = listener.accept(); InputStream in = socket.getInputStream();
                         OutputStream out = socket.getOutputStream()) {
                        readHead(in);
                        out.write(head);
                        out.write(body);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            PreparedRequest request = PreparedRequest.ofExactBytes(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 3; i++) {
                try (HttpExchange exchange = exchanger.send(new HttpTarget("http", "127.0.0.1",
                        listener.getLocalPort()), request, RequestOptions.DEFAULTS, null).get(20, TimeUnit.SECONDS)) {
                    assertEquals(body.length, exchange.response().orElseThrow().body().length());
                }
            }
            server.join(Duration.ofSeconds(10));
        }
    }

    /** Reads up to and including the empty line that ends a request head (the requests here have no body). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static String describe(RecordedEvent event) {
        String thread = event.getThread() == null ? "?" : event.getThread().getJavaName();
        String top = event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty() ? "?"
                : event.getStackTrace().getFrames().stream().limit(6)
                .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
                .toList().toString();
        return thread + " pinned " + event.getDuration().toMillis() + " ms at " + top;
    }

    /** Sleeping inside a class initialiser is one of the few ways a virtual thread still pins its carrier. */
    private static final class SleepsWhileInitialising {
        static {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
            // Loading the class is the point.
        }
    }
}
