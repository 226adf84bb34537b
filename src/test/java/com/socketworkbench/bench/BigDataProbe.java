package com.socketworkbench.bench;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.HexDump;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.http.ExchangeListener;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpExchanger;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.engine.tcp.TcpServerConfig;
import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P4, in a child JVM started with {@code -Xmx512m}: a 100 MB TCP stream into a {@link TcpServer} (events into the
 * tab's {@link EventPump} and {@link TimelineModel}) and a 50 MB HTTP body fetched by {@link HttpExchanger} from a
 * raw loopback server. For each: it completes within the small heap, the hex dump is reachable at the start, the
 * middle and the end of the received bytes ({@link HexDump#line} over a {@link ByteSource}; for TCP the newest row's
 * payload, what the inspector shows), and the time from the
 * last byte arriving to the data being ready to show (counted by the pump / parsed response, plus those hex lines).
 * Arguments: results file.
 */
public final class BigDataProbe {
    static final long TCP_BYTES = 100L * 1000 * 1000;
    static final int HTTP_BODY = 50 * 1000 * 1000;
    private static final Logger LOG = LoggerFactory.getLogger(BigDataProbe.class);

    private BigDataProbe() {
    }

    public static void main(String[] args) throws Exception {
        Properties out = new Properties();
        out.setProperty("maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        tcp(out);
        http(out);
        ChildJvm.writeResults(args[0], out);
        System.exit(0);
    }

    /** The byte at {@code position} of the streams sent here: cheap to recompute anywhere for checks. */
    static byte expected(long position) {
        return (byte) (position * 31 + (position >>> 11));
    }

    private static void tcp(Properties out) throws Exception {
        TimelineModel timeline = new TimelineModel();
        EventPump pump = new EventPump(timeline);
        TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), pump);
        // What the inspector would show for the newest row once everything arrived: its hex dump at the start,
        // middle and end, computed on the pump's thread like a view would on the FX thread.
        AtomicBoolean arrived = new AtomicBoolean();
        CompletableFuture<String[]> lines = new CompletableFuture<>();
        pump.onPulse(batch -> {
            if (arrived.get() && !lines.isDone()) {
                newestPayload(timeline.rows()).ifPresent(payload -> lines.complete(hexLines(payload)));
            }
        });
        try (PumpDrainer drainer = new PumpDrainer(pump)) {
            InetSocketAddress address = server.start();
            long start = System.nanoTime();
            long lastByteSent;
            try (SocketChannel channel = SocketChannel.open(address)) {
                ByteBuffer block = ByteBuffer.allocate(256 * 1024);
                long position = 0;
                while (position < TCP_BYTES) {
                    block.clear();
                    int n = (int) Math.min(block.capacity(), TCP_BYTES - position);
                    for (int i = 0; i < n; i++) {
                        block.put(expected(position + i));
                    }
                    block.flip();
                    while (block.hasRemaining()) {
                        channel.write(block);
                    }
                    position += n;
                }
                lastByteSent = System.nanoTime();
            }
            if (!PumpDrainer.awaitCondition(() -> drainer.bytesIn() >= TCP_BYTES, TimeUnit.SECONDS.toNanos(60))) {
                throw new IllegalStateException("the pump counted " + drainer.bytesIn() + " of " + TCP_BYTES);
            }
            arrived.set(true);
            String[] dump = lines.get(10, TimeUnit.SECONDS);
            long ready = System.nanoTime();
            out.setProperty("tcp.bytes", Long.toString(drainer.bytesIn()));
            out.setProperty("tcp.seconds", Double.toString((lastByteSent - start) / 1e9));
            out.setProperty("tcp.previewMillis", Double.toString((ready - lastByteSent) / 1e6));
            out.setProperty("tcp.hexLines", String.join(" / ", dump));
            out.setProperty("tcp.retainedBytes", Long.toString(timeline.retainedBytes()));
            out.setProperty("tcp.rows", Integer.toString(timeline.rows().size()));
            out.setProperty("tcp.trimmed", Long.toString(timeline.trimmed()));
        } finally {
            server.stop();
        }
        LOG.info("TCP: {} bytes, preview {} ms after the last byte", out.getProperty("tcp.bytes"),
                out.getProperty("tcp.previewMillis"));
    }

    /** The newest data row's payload (the connection's close may already follow it). */
    private static Optional<ByteSource> newestPayload(List<TimelineRow> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).event() instanceof BytesReceived received) {
                return Optional.of(ByteSource.of(received.data()));
            }
        }
        return Optional.empty();
    }

    private static void http(Properties out) throws Exception {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + HTTP_BODY
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long total = head.length + (long) HTTP_BODY;
        try (ServerSocket listener = new ServerSocket(0, 5, Loopback.ADDRESS);
             HttpExchanger exchanger = new HttpExchanger()) {
            Thread serverThread = Thread.ofPlatform().name("bench-raw-http-server").start(() -> serve(listener, head));
            AtomicLong lastByte = new AtomicLong();
            ExchangeListener progress = new ExchangeListener() {
                @Override
                public void onBytes(long received) {
                    if (received >= total) {
                        lastByte.compareAndSet(0, System.nanoTime());
                    }
                }
            };
            PreparedRequest request = PreparedRequest.ofExactBytes(("GET /big HTTP/1.1\r\nHost: 127.0.0.1:"
                    + listener.getLocalPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            try (HttpExchange exchange = exchanger.send(new HttpTarget("http", "127.0.0.1", listener.getLocalPort()),
                    request, RequestOptions.DEFAULTS, progress).get(120, TimeUnit.SECONDS)) {
                ByteSource body = exchange.response().orElseThrow().body();
                String[] dump = hexLines(body);
                long ready = System.nanoTime();
                boolean exact = body.length() == HTTP_BODY && exchange.failure().isEmpty()
                        && spotCheck(body) && exchange.bytesReceived() == total;
                out.setProperty("http.bytes", Long.toString(body.length()));
                out.setProperty("http.exact", Boolean.toString(exact));
                out.setProperty("http.failure", exchange.failure().orElse(""));
                out.setProperty("http.seconds", Double.toString((ready - start) / 1e9));
                out.setProperty("http.previewMillis", Double.toString((ready - lastByte.get()) / 1e6));
                out.setProperty("http.hexLines", String.join(" / ", dump));
                out.setProperty("http.bodyStorage", body.getClass().getSimpleName());
            }
            serverThread.join(java.time.Duration.ofSeconds(10));
        }
        LOG.info("HTTP: {} body bytes, preview {} ms after the last byte", out.getProperty("http.bytes"),
                out.getProperty("http.previewMillis"));
    }

    /** Reads the request head, answers with {@code head} and the body, closes. */
    private static void serve(ServerSocket listener, byte[] head) {
        try (Socket socket = listener.accept(); InputStream in = socket.getInputStream();
             OutputStream outStream = socket.getOutputStream()) {
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            outStream.write(head);
            byte[] block = new byte[256 * 1024];
            long position = 0;
            while (position < HTTP_BODY) {
                int n = (int) Math.min(block.length, HTTP_BODY - position);
                for (int i = 0; i < n; i++) {
                    block[i] = expected(position + i);
                }
                outStream.write(block, 0, n);
                position += n;
            }
            outStream.flush();
        } catch (IOException e) {
            LOG.warn("The raw HTTP server failed: {}", e.toString());
        }
    }

    /** The hex dump lines at the start, the middle and the end of {@code source}. */
    static String[] hexLines(ByteSource source) {
        long lines = HexDump.lineCount(source.length());
        return new String[]{HexDump.line(source, 0), HexDump.line(source, lines / 2), HexDump.line(source, lines - 1)};
    }

    private static boolean spotCheck(ByteSource body) {
        for (long position : List.of(0L, (long) HTTP_BODY / 2, (long) HTTP_BODY - 1)) {
            byte[] one = body.readAt(position, 1);
            if (one.length != 1 || one[0] != expected(position)) {
                return false;
            }
        }
        return true;
    }
}
