package com.socketworkbench.ui.http;

import com.socketworkbench.testing.LiveHeap;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP history's memory budget holds against a server that answers every request with as much as an exchange
 * keeps in memory (issue 11, item 5): chunked gzip of 7 MiB that does not compress (raw bytes, de-chunked entity and
 * decoded body each just under the spill threshold: 21 MiB a response) alternating with gzip bombs that inflate
 * 7 MiB of zeros from a few KiB. Before the budget, 100 kept entries could hold 2 GiB; at -Xmx384m this run died.
 * Now the kept bytes stay within the default budget (an eighth of the heap) and the live heap within that plus one
 * exchange in flight; older entries stay listed without their bytes.
 */
@Timeout(300)
class HttpHistoryHostileTest {
    @org.junit.jupiter.api.BeforeAll
    static void inTheSmallHeapOnly() {
        com.socketworkbench.testing.LiveHeap.requireHostileHeap();
    }

    private static final int RESPONSES = 24;
    private static final int BODY = 7 * 1024 * 1024;
    /** One exchange in flight: its raw, entity and body spools while they grow and are copied out once. */
    private static final long IN_FLIGHT = 48L * 1024 * 1024;
    /**
     * The renderer's text, the JIT, and garbage: a young collection counts dead objects already promoted (spool
     * buffers of earlier exchanges) until a mixed or full collection finds them, so its "live" figure runs high.
     */
    private static final long SLACK = 48L * 1024 * 1024;
    /** After a full collection only the history's accounted bytes and the baseline remain, give or take this. */
    private static final long SETTLED_SLACK = 8L * 1024 * 1024;

    @Test
    void manyLargeCompressedResponsesKeepTheHistoryWithinItsMemoryBudget() throws Exception {
        CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
        Subscriptions subscriptions = new Subscriptions();
        try (GzipServer server = new GzipServer()) {
            HttpViewModel model = new HttpViewModel(InMemoryPreferences.fresh(), executor, subscriptions);
            long budget = HistoryBudgets.defaultMemory(Runtime.getRuntime().maxMemory());
            long baseline = liveHeapNow();
            try (LiveHeap heap = LiveHeap.watch()) {
                for (int i = 1; i <= RESPONSES; i++) {
                    model.port().textProperty().set(Integer.toString(server.port()));
                    model.requestTextProperty().set("GET " + (i % 2 == 0 ? "/bomb" : "/incompressible")
                            + " HTTP/1.1\nHost: 127.0.0.1\n\n");
                    model.send();
                    assertEquals(i, model.history().size(), "every exchange stays listed");
                    HistoryEntry newest = model.history().getFirst();
                    assertTrue(newest.exchange().succeeded(), newest.exchange().failure().orElse("?"));
                    assertEquals(BODY, newest.exchange().response().orElseThrow().body().length());
                    long kept = model.historyUsageProperty().get().used().memoryBytes();
                    assertTrue(kept <= budget, String.format(Locale.ROOT,
                            "after %d responses the history keeps %,d bytes, over its budget of %,d", i, kept,
                            budget));
                }
                long peak = heap.peakBytes();
                assertTrue(peak < baseline + budget + IN_FLIGHT + SLACK, String.format(Locale.ROOT,
                        "live heap peaked at %,d bytes: baseline %,d + budget %,d + one exchange %,d + slack %,d",
                        peak, baseline, budget, IN_FLIGHT, SLACK));
                long settled = liveHeapNow();
                assertTrue(settled < baseline + budget + SETTLED_SLACK, String.format(Locale.ROOT,
                        "after the flood a full collection left %,d bytes: baseline %,d + budget %,d + slack %,d",
                        settled, baseline, budget, SETTLED_SLACK));
            }
            HistoryEntry oldest = model.history().getLast();
            assertTrue(oldest.bytesDropped(), "the oldest entries gave up their bytes first");
            assertTrue(oldest.dropped().orElseThrow().contains("memory budget"), oldest.dropped().orElseThrow());
            assertEquals(0, oldest.exchange().rawBytes().length());
            assertEquals(200, oldest.statusCode(), "its summary stays");
            assertFalse(model.history().getFirst().bytesDropped(), "the newest is kept whole");
            model.dispose();
            subscriptions.dispose();
        }
    }

    /** The heap in use right after a full collection. */
    private static long liveHeapNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** On 127.0.0.1: "/incompressible" answers chunked gzip of random bytes, anything else a gzip bomb; then closes. */
    static final class GzipServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final byte[] incompressible;
        private final byte[] bomb;
        private final Thread thread;

        GzipServer() throws IOException {
            byte[] random = new byte[BODY];
            new Random(11).nextBytes(random);
            incompressible = gzip(random);
            bomb = gzip(new byte[BODY]);
            socket.setSoTimeout(200);
            thread = Thread.ofVirtual().name("gzip-test-server").start(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            long deadline = System.nanoTime() + 240_000_000_000L;
            while (!socket.isClosed() && System.nanoTime() < deadline) {
                try (Socket peer = socket.accept()) {
                    peer.setSoTimeout(20_000);
                    String head = readHead(peer.getInputStream());
                    OutputStream out = peer.getOutputStream();
                    if (head.startsWith("GET /incompressible ")) {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                                + "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        for (int off = 0; off < incompressible.length; off += 64 * 1024) {
                            int n = Math.min(64 * 1024, incompressible.length - off);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(incompressible, off, n);
                            out.write(new byte[]{'\r', '\n'});
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                                + "Content-Encoding: gzip\r\nContent-Length: " + bomb.length
                                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(bomb);
                    }
                    out.flush();
                } catch (SocketTimeoutException e) {
                    // no client yet: look at the deadline and the socket again
                } catch (IOException e) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while (head.size() < 64 * 1024 && (b = in.read()) >= 0) {
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    return text;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        private static byte[] gzip(byte[] bytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
                gzip.write(bytes);
            }
            return out.toByteArray();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            socket.close();
            thread.join(5_000);
        }
    }
}
