package com.socketworkbench.bench;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.tcp.TcpClient;
import com.socketworkbench.engine.tcp.TcpClientConfig;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1 GiB through the TCP engine each way, checked with SHA-256 at both ends: a JDK client into {@link TcpServer}
 * (the digest of every BytesReceived payload in order), and {@link TcpClient} sends to a JDK server. The bytes are
 * pseudo-random, 1 MiB blocks from a fixed seed. The quick version moves 256 MiB each way.
 */
final class ByteExactness implements BenchPart {
    private static final Logger LOG = LoggerFactory.getLogger(ByteExactness.class);
    private static final int BLOCK = 1024 * 1024;

    @Override
    public String id() {
        return "EXACT";
    }

    @Override
    public String title() {
        return "Byte exactness (SHA-256)";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        long bytes = (config.quick() ? 256L : 1024L) * 1024 * 1024;
        String size = (bytes >> 20) + " MiB";
        return List.of(intoServer(bytes, size), outOfClient(bytes, size));
    }

    private Figure intoServer(long bytes, String size) throws Exception {
        MessageDigest received = sha256();
        AtomicLong count = new AtomicLong();
        CompletableFuture<Void> all = new CompletableFuture<>();
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), event -> {
            if (event instanceof BytesReceived data) {
                received.update(data.data());
                if (count.addAndGet(data.data().length) >= bytes) {
                    all.complete(null);
                }
            }
        });
        long start = System.nanoTime();
        String sent;
        try {
            InetSocketAddress address = server.start();
            try (SocketChannel channel = SocketChannel.open(address)) {
                sent = send(bytes, block -> {
                    ByteBuffer buffer = ByteBuffer.wrap(block);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                });
            }
            all.get(120, TimeUnit.SECONDS);
        } finally {
            server.stop();
        }
        String got = HexFormat.of().formatHex(received.digest());
        return result(size + " JDK client → TcpServer, SHA-256 equal", sent, got, count.get(), bytes, start);
    }

    private Figure outOfClient(long bytes, String size) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, Loopback.ADDRESS);
             TcpClient client = new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort()), event -> { })) {
            CompletableFuture<String> received = new CompletableFuture<>();
            AtomicLong count = new AtomicLong();
            Thread reader = Thread.ofPlatform().name("bench-exact-reader").start(() -> {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    MessageDigest digest = sha256();
                    byte[] buffer = new byte[256 * 1024];
                    int n;
                    while (count.get() < bytes && (n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                        count.addAndGet(n);
                    }
                    received.complete(HexFormat.of().formatHex(digest.digest()));
                } catch (IOException e) {
                    received.completeExceptionally(e);
                }
            });
            client.connect().get(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            ArrayDeque<CompletableFuture<Void>> queued = new ArrayDeque<>();
            String sent = send(bytes, block -> {
                queued.add(client.send(block));
                if (queued.size() >= 8) {
                    queued.poll().get(60, TimeUnit.SECONDS);
                }
            });
            String got = received.get(120, TimeUnit.SECONDS);
            reader.join(java.time.Duration.ofSeconds(5));
            return result(size + " TcpClient → JDK server, SHA-256 equal", sent, got, count.get(), bytes, start);
        }
    }

    private Figure result(String name, String sent, String got, long counted, long bytes, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean equal = sent.equals(got) && counted == bytes;
        LOG.info("{}: {} ({} bytes in {} s)", name, equal ? "equal" : "DIFFERENT", counted, seconds);
        return Figure.check(id(), name, "equal", equal, equal ? "equal" : "different",
                String.format(Locale.ROOT, "%,d bytes in %.1f s; sent %s…, received %s…", counted, seconds,
                        sent.substring(0, 16), got.substring(0, 16)));
    }

    @FunctionalInterface
    private interface BlockSink {
        void accept(byte[] block) throws Exception;
    }

    /** Hands {@code bytes} pseudo-random bytes to {@code sink} in fresh 1 MiB blocks; returns their SHA-256. */
    private static String send(long bytes, BlockSink sink) throws Exception {
        MessageDigest digest = sha256();
        SplittableRandom random = new SplittableRandom(2024);
        long left = bytes;
        while (left > 0) {
            byte[] block = new byte[(int) Math.min(BLOCK, left)];
            random.nextBytes(block);
            digest.update(block);
            sink.accept(block);
            left -= block.length;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
