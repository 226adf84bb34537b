package com.socketworkbench.engine.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that try to crash, stall or fool the exchanger (issue 11): an error on the exchange thread, bytes injected
 * onto an idle kept connection, a head that never ends, and responses that are wrong in the small ways a parser
 * must still name.
 */
@Timeout(60)
class HttpExchangerAttackTest {
    private static final String GET = "GET / HTTP/1.1\nHost: 127.0.0.1\n\n";
    private final HttpExchanger exchanger = new HttpExchanger();

    @AfterEach
    void closeExchanger() {
        exchanger.close();
    }

    private HttpExchange send(HttpTarget target, RequestOptions options, ExchangeListener listener) throws Exception {
        PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, options);
        return exchanger.send(target, request, options, listener).get(20, TimeUnit.SECONDS);
    }

    private HttpExchange send(ScriptedServer server, RequestOptions options) throws Exception {
        return send(server.target(), options, ExchangeListener.NONE);
    }

    private static ParsedResponse responseTo(String raw) throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(raw);
             HttpExchanger exchanger = new HttpExchanger()) {
            PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
            HttpExchange exchange = exchanger.send(server.target(), request, RequestOptions.DEFAULTS,
                    ExchangeListener.NONE).get(20, TimeUnit.SECONDS);
            return exchange.response().orElseThrow(() -> new AssertionError(exchange.failure()));
        }
    }

    @Test
    void anErrorOnTheExchangeThreadEndsTheExchangeOnceAndClosesItsConnection() throws Exception {
        CountDownLatch peerSawClose = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread peer = Thread.ofVirtual().name("half-response").start(() -> {
                try (Socket client = listener.accept()) {
                    ScriptedServer.readRequest(client.getInputStream());
                    client.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc"
                            .getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    client.setSoTimeout(10_000);
                    if (client.getInputStream().read() < 0) {
                        peerSawClose.countDown();
                    }
                } catch (IOException e) {
                    peerSawClose.countDown();
                }
            });
            ExchangeListener failing = new ExchangeListener() {
                @Override
                public void onBytes(long received) {
                    throw new OutOfMemoryError("simulated: the heap ran out while the response arrived");
                }
            };
            HttpExchange exchange = send(new HttpTarget("http", "127.0.0.1", listener.getLocalPort()),
                    RequestOptions.DEFAULTS, failing);
            try (exchange) {
                String failure = exchange.failure().orElseThrow();
                assertTrue(failure.contains("OutOfMemoryError"), failure);
            }
            assertTrue(peerSawClose.await(5, TimeUnit.SECONDS), "the exchange's connection was closed");
            assertFalse(exchanger.isBusy());
            assertTrue(exchanger.openConnectionTarget().isEmpty(), "nothing kept from a failed exchange");
            await().atMost(Duration.ofSeconds(5)).until(() -> exchanger.liveThreads().isEmpty());
            peer.join(5000);
        }
    }

    @Test
    void bytesWaitingOnAnIdleKeptConnectionDiscardItAndAreNeverTheNextResponse() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst";
        String injected = "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\ninjected";
        CountDownLatch inject = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        RequestOptions keepAlive = RequestOptions.DEFAULTS.withKeepAlive(true);
        try (ScriptedServer server = new ScriptedServer(request -> requests.incrementAndGet() == 1
                ? new ScriptedServer.Reply(out -> {
                    out.write(ok.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        inject.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(injected.getBytes(StandardCharsets.US_ASCII));
                }, ScriptedServer.After.KEEP_ALIVE)
                : ScriptedServer.Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh",
                ScriptedServer.After.KEEP_ALIVE))) {
            try (HttpExchange first = send(server, keepAlive)) {
                assertTrue(first.succeeded(), first.failure().toString());
            }
            assertTrue(exchanger.openConnectionTarget().isPresent(), "the first connection is kept");
            inject.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> exchanger.keptConnectionUnreadBytes() > 0);

            try (HttpExchange second = send(server, keepAlive)) {
                ParsedResponse response = second.response().orElseThrow();
                assertEquals("fresh", new String(response.body().readAll(100), StandardCharsets.US_ASCII),
                        "the injected bytes are not taken for the answer");
                assertFalse(second.connectionReused());
                assertEquals(2, server.acceptedConnections(), "a fresh connection was opened");
                Verdict notice = response.verdict("UNSOLICITED_DATA").orElseThrow(() -> new AssertionError(
                        "no notice among " + response.verdicts()));
                assertTrue(notice.message().contains(injected.length() + " bytes"), notice.message());
                assertTrue(notice.message().contains("idle"), notice.message());
            }
        }
    }

    @Test
    void aHeadThatNeverEndsIsReadOnlyUpToItsCapAndTheKeptBytesAreReported() throws Exception {
        byte[] start = "HTTP/1.1 200 OK\r\nX-Endless: ".getBytes(StandardCharsets.US_ASCII);
        byte[] filler = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (ScriptedServer server = new ScriptedServer(request -> new ScriptedServer.Reply(out -> {
            out.write(start);
            for (int i = 0; i < 256; i++) {
                out.write(filler);
            }
        }, ScriptedServer.After.HOLD));
             HttpExchange exchange = send(server, RequestOptions.DEFAULTS)) {
            Verdict cap = exchange.response().orElseThrow().verdict(VerdictCodes.HEADERS_TOO_LARGE).orElseThrow();
            assertEquals(ResponseScanner.MAX_HEAD_BYTES, cap.byteOffset());
            assertEquals(ResponseScanner.MAX_HEAD_BYTES, exchange.rawBytes().length(), "nothing kept past the cap");
            assertEquals(ResponseScanner.MAX_HEAD_BYTES, exchange.bytesReceived());
            assertTrue(cap.message().contains(Integer.toString(ResponseScanner.MAX_HEAD_BYTES)), cap.message());
        }
    }

    @Test
    void aNineteenDigitContentLengthIsCalledTooLargeNotNonNumeric() throws Exception {
        ParsedResponse response = responseTo("HTTP/1.1 200 OK\r\nContent-Length: 1234567890123456789\r\n\r\nx");
        Verdict verdict = response.verdict(VerdictCodes.INVALID_CONTENT_LENGTH).orElseThrow();
        assertEquals(17, verdict.byteOffset());
        assertTrue(verdict.message().contains("too large"), verdict.message());
        assertFalse(verdict.message().contains("not a"), verdict.message());

        ParsedResponse padded = responseTo("HTTP/1.1 200 OK\r\nContent-Length: 0000000000000000000002\r\n\r\nok");
        assertTrue(padded.complete(), "leading zeros are digits too: " + padded.verdicts());
        assertEquals("ok", new String(padded.body().readAll(10), StandardCharsets.US_ASCII));
    }

    @Test
    void escapeAndBellInHeaderValuesGetAVerdict() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nX-Term: \u001b[31mred\r\nX-Ring: ding\u0007\r\nContent-Length: 0\r\n\r\n";
        ParsedResponse response = responseTo(head);
        var found = response.verdicts().stream().filter(v -> v.code().equals(VerdictCodes.INVALID_HEADER_VALUE))
                .toList();
        assertEquals(2, found.size(), found.toString());
        assertEquals(head.indexOf('\u001b'), found.get(0).byteOffset());
        assertTrue(found.get(0).message().contains("\\x1b"), found.get(0).message());
        assertEquals(head.indexOf('\u0007'), found.get(1).byteOffset());
        assertTrue(found.get(1).message().contains("\\x07"), found.get(1).message());
    }

    @Test
    void gzipTransferCodingUnderChunkedIsDecoded() throws Exception {
        byte[] gzipped = gzip("hello, transfer-coded world".getBytes(StandardCharsets.US_ASCII));
        int half = gzipped.length / 2;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"));
        raw.writeBytes(ascii(Integer.toHexString(half) + "\r\n"));
        raw.write(gzipped, 0, half);
        raw.writeBytes(ascii("\r\n" + Integer.toHexString(gzipped.length - half) + "\r\n"));
        raw.write(gzipped, half, gzipped.length - half);
        raw.writeBytes(ascii("\r\n0\r\n\r\n"));
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(raw.toByteArray(),
                ScriptedServer.After.CLOSE));
             HttpExchange exchange = send(server, RequestOptions.DEFAULTS)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertEquals("hello, transfer-coded world",
                    new String(response.body().readAll(1000), StandardCharsets.US_ASCII));
            assertArrayEquals(gzipped, response.entity().readAll(1000), "the entity is only de-chunked");
            assertTrue(response.complete());
            assertFalse(response.hasErrors(), response.verdicts().toString());
        }
    }

    @Test
    void aContentLengthOnNoContentOrNotModifiedGetsAVerdict() throws Exception {
        ParsedResponse noContent = responseTo("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n");
        Verdict forbidden = noContent.verdict("CONTENT_LENGTH_NOT_ALLOWED").orElseThrow(() -> new AssertionError(
                noContent.verdicts().toString()));
        assertEquals(25, forbidden.byteOffset());
        assertTrue(forbidden.message().contains("204"), forbidden.message());
        assertTrue(noContent.complete(), "the 204 still has no body");

        ParsedResponse notModified = responseTo("HTTP/1.1 304 Not Modified\r\nContent-Length: 1234\r\n\r\n");
        Verdict note = notModified.verdict("CONTENT_LENGTH_ON_NOT_MODIFIED").orElseThrow(() -> new AssertionError(
                notModified.verdicts().toString()));
        assertEquals(27, note.byteOffset());
        assertTrue(note.message().contains("1234"), note.message());
        assertTrue(notModified.complete());
    }

    @Test
    void aOneByteDripEndsAtTheDeadlineNotAfterDays() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withReadTimeout(Duration.ofSeconds(10))
                .withDeadline(Duration.ofSeconds(1));
        try (DripPeer peer = new DripPeer("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")) {
            long start = System.nanoTime();
            try (HttpExchange exchange = send(peer.target("http"), options, ExchangeListener.NONE)) {
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                String failure = exchange.failure().orElseThrow();
                assertTrue(failure.startsWith("The exchange did not finish within its overall deadline of 1 s"),
                        failure);
                assertTrue(elapsedMs < 8_000, "ended by the deadline, not the 10 s read timeout: " + elapsedMs + " ms");
                ParsedResponse response = exchange.response().orElseThrow();
                Verdict verdict = response.verdict(VerdictCodes.EXCHANGE_DEADLINE).orElseThrow();
                assertEquals(exchange.bytesReceived(), verdict.byteOffset());
                assertTrue(exchange.bytesReceived() > 40, "the head and the drip so far are kept");
                assertFalse(response.complete());
            }
            assertTrue(peer.sawClose.await(5, TimeUnit.SECONDS), "the connection was closed");
        }
    }

    @Test
    void aTlsHandshakeDripEndsAtTheDeadline() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withReadTimeout(Duration.ofSeconds(10))
                .withDeadline(Duration.ofSeconds(1)).withInsecureTls(true);
        // A TLS record header that announces 16 KiB of handshake, whose bytes then come one at a time.
        try (DripPeer peer = new DripPeer(new byte[]{0x16, 0x03, 0x03, 0x40, 0x00})) {
            try (HttpExchange exchange = send(peer.target("https"), options, ExchangeListener.NONE)) {
                String failure = exchange.failure().orElseThrow();
                assertEquals("The exchange did not finish within its overall deadline of 1 s (stopped during \""
                        + ExchangeListener.TLS_HANDSHAKE + "\")", failure);
                assertTrue(exchange.response().isEmpty());
            }
            assertTrue(peer.sawClose.await(5, TimeUnit.SECONDS), "the connection was closed");
        }
    }

    @Test
    void aSilentTlsHandshakeIsExplainedAsAStallOfOneRead() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withReadTimeout(Duration.ofMillis(300)).withInsecureTls(true);
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread peer = Thread.ofVirtual().name("silent-tls").start(() -> {
                try (Socket client = silent.accept()) {
                    client.setSoTimeout(10_000);
                    while (client.getInputStream().read() >= 0) {
                        // read the ClientHello and answer nothing, until the client gives up
                    }
                } catch (IOException e) {
                    // the client went away
                }
            });
            try (HttpExchange exchange = send(new HttpTarget("https", "127.0.0.1", silent.getLocalPort()), options,
                    ExchangeListener.NONE)) {
                assertEquals("The TLS handshake with 127.0.0.1:" + silent.getLocalPort() + " stalled: nothing arrived"
                        + " from the server for 300 ms (read timeout)", exchange.failure().orElseThrow());
            }
            peer.join(5000);
        }
    }

    /**
     * A peer that reads the request (or ClientHello), sends {@code start}, then one byte each time 50 ms pass without
     * the client sending anything, until the client closes (bounded: 20 s of drip).
     */
    private static final class DripPeer implements AutoCloseable {
        final CountDownLatch sawClose = new CountDownLatch(1);
        private final ServerSocket listener = new ServerSocket();
        private final Thread thread;

        DripPeer(String start) throws IOException {
            this(start.getBytes(StandardCharsets.US_ASCII));
        }

        DripPeer(byte[] start) throws IOException {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = Thread.ofVirtual().name("drip-peer").start(() -> {
                try (Socket client = listener.accept()) {
                    byte[] request = new byte[4096];
                    client.getInputStream().read(request);
                    client.getOutputStream().write(start);
                    client.getOutputStream().flush();
                    client.setSoTimeout(50);
                    for (int drops = 0; drops < 400; drops++) {
                        try {
                            if (client.getInputStream().read() < 0) {
                                sawClose.countDown();
                                return;
                            }
                        } catch (java.net.SocketTimeoutException quiet) {
                            client.getOutputStream().write('x');
                            client.getOutputStream().flush();
                        }
                    }
                } catch (IOException e) {
                    sawClose.countDown();
                }
            });
        }

        HttpTarget target(String scheme) {
            return new HttpTarget(scheme, "127.0.0.1", listener.getLocalPort());
        }

        @Override
        public void close() throws Exception {
            listener.close();
            thread.join(25_000);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
