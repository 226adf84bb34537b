package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.FileByteSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class HttpExchangerRawServerTest {

    private static final String GET = "GET / HTTP/1.1\nHost: 127.0.0.1\n\n";
    private final HttpExchanger exchanger = new HttpExchanger();

    @AfterEach
    void closeExchanger() {
        exchanger.close();
    }

    private HttpExchange send(ScriptedServer server, String editorText, RequestOptions options) throws Exception {
        PreparedRequest request = RawRequestBuilder.prepare(editorText, StandardCharsets.UTF_8, options);
        return exchanger.send(server.target(), request, options, ExchangeListener.NONE).get(20, TimeUnit.SECONDS);
    }

    static Stream<Arguments> malformedResponses() {
        return Stream.of(
                Arguments.of("GET", "hello", VerdictCodes.NO_STATUS_LINE, 0),
                Arguments.of("GET", "", VerdictCodes.EMPTY_RESPONSE, 0),
                Arguments.of("GET", "HTTP/1.1 99x OK\r\nContent-Length: 0\r\n\r\n", VerdictCodes.BAD_STATUS_CODE, 9),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nNoColonHere\r\n\r\n",
                        VerdictCodes.HEADER_NO_COLON, 36),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 0\r\n\r\n",
                        VerdictCodes.OBS_FOLD, 27),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok",
                        VerdictCodes.CONFLICTING_CONTENT_LENGTH, 36),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok",
                        VerdictCodes.DUPLICATE_CONTENT_LENGTH, 36),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n",
                        VerdictCodes.INVALID_CONTENT_LENGTH, 17),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
                        VerdictCodes.INVALID_CONTENT_LENGTH, 17),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 99\r\n\r\n"
                        + "2\r\nok\r\n0\r\n\r\n", VerdictCodes.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, 45),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                        VerdictCodes.CHUNK_SIZE_INVALID, 47),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "1FFFFFFFFFFFFFFFF\r\nx", VerdictCodes.CHUNK_SIZE_OVERFLOW, 47),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
                        VerdictCodes.MISSING_LAST_CHUNK, 57),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello",
                        VerdictCodes.TRUNCATED_BODY, 44),
                Arguments.of("GET", "HTTP/1.1 200 OK\nContent-Length: 2\n\nok", VerdictCodes.BARE_LF, 15),
                Arguments.of("GET", "HTTP/1.1 204 No Content\r\n\r\nbody", VerdictCodes.BODY_ON_NO_BODY_RESPONSE,
                        27),
                Arguments.of("GET", "HTTP/1.1 304 Not Modified\r\n\r\nbody",
                        VerdictCodes.BODY_ON_NO_BODY_RESPONSE, 29),
                Arguments.of("HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody",
                        VerdictCodes.BODY_ON_NO_BODY_RESPONSE, 38),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Le", VerdictCodes.HEAD_INCOMPLETE, 27),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\nnot gzip!",
                        VerdictCodes.DECODING_FAILED, 62),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n"
                        + "{\"a\": }", VerdictCodes.INVALID_JSON, 76));
    }

    @ParameterizedTest(name = "{2} at {3}")
    @MethodSource("malformedResponses")
    void malformedResponseGivesVerdict(String method, String response, String code, long offset) throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(response);
             HttpExchange exchange = send(server, method + " / HTTP/1.1\nHost: 127.0.0.1\n\n",
                     RequestOptions.DEFAULTS)) {
            ParsedResponse parsed = exchange.response().orElseThrow();
            Verdict verdict = parsed.verdict(code).orElseThrow(() -> new AssertionError(
                    "expected " + code + " but got " + parsed.verdicts()));
            assertEquals(offset, verdict.byteOffset(), verdict.message());
            assertTrue(verdict.message().contains(Long.toString(offset)) || code.equals(VerdictCodes.NO_STATUS_LINE)
                    || code.equals(VerdictCodes.EMPTY_RESPONSE), "the message says where: " + verdict.message());
            assertEquals(response, new String(exchange.rawBytes().readAll(1 << 20), StandardCharsets.ISO_8859_1),
                    "the raw bytes are kept exactly");
        }
    }

    @Test
    void headersOverTheLimitStopTheRead() throws Exception {
        String huge = "HTTP/1.1 200 OK\r\n" + ("X-Filler: " + "a".repeat(90) + "\r\n").repeat(800) + "\r\n";
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(huge, ScriptedServer.After.HOLD));
             HttpExchange exchange = send(server, GET, RequestOptions.DEFAULTS)) {
            Verdict verdict = exchange.response().orElseThrow().verdict(VerdictCodes.HEADERS_TOO_LARGE).orElseThrow();
            assertEquals(ResponseScanner.MAX_HEAD_BYTES, verdict.byteOffset());
            assertTrue(exchange.failure().isEmpty(), "the client stops on its own, without waiting for a timeout");
        }
    }

    @Test
    void headIsNormalisedToCrlfAndContentLengthIsFixed() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
             HttpExchange exchange = send(server, "POST /x HTTP/1.1\nHost: a\nContent-Length: 3\n\nline1\nline2",
                     RequestOptions.DEFAULTS)) {
            assertEquals("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nline1\nline2",
                    new String(server.nextRequest(), StandardCharsets.ISO_8859_1));
            assertEquals(200, exchange.response().orElseThrow().statusCode());
            assertEquals(exchange.request().bytes().length, exchange.bytesSent());
        }
    }

    @Test
    void withoutNormalisationTheExactBytesAreSent() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withNormalizeCrlf(false);
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
             HttpExchange exchange = send(server, "GET /raw HTTP/1.1\nHost: a\n\n", options)) {
            assertEquals("GET /raw HTTP/1.1\nHost: a\n\n", new String(server.nextRequest(), StandardCharsets.ISO_8859_1));
            assertTrue(exchange.request().warnings().stream().anyMatch(w -> w.contains("Bare LF")),
                    exchange.request().warnings().toString());
        }
    }

    @Test
    void silentServerHitsTheReadTimeout() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withReadTimeout(Duration.ofMillis(500));
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of("", ScriptedServer.After.HOLD))) {
            long start = System.nanoTime();
            try (HttpExchange exchange = send(server, GET, options)) {
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(elapsedMs >= 400 && elapsedMs < 5000, "took " + elapsedMs + " ms");
                assertTrue(exchange.failure().orElseThrow().contains("read timeout"), exchange.failure().toString());
                assertTrue(exchange.response().orElseThrow().verdict(VerdictCodes.READ_TIMEOUT).isPresent());
            }
        }
    }

    @Test
    void partialResponseThenSilenceIsIncompleteWithTimeout() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withReadTimeout(Duration.ofMillis(300));
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel", ScriptedServer.After.HOLD));
             HttpExchange exchange = send(server, GET, options)) {
            ParsedResponse parsed = exchange.response().orElseThrow();
            assertEquals(42, parsed.verdict(VerdictCodes.READ_TIMEOUT).orElseThrow().byteOffset());
            assertEquals(42, parsed.verdict(VerdictCodes.RESPONSE_INCOMPLETE).orElseThrow().byteOffset());
            assertFalse(parsed.complete());
        }
    }

    @Test
    void fiftyMebibyteBodyIsSpooledToAFile() throws Exception {
        int size = 50 * 1024 * 1024;
        try (ScriptedServer server = new ScriptedServer(r -> new ScriptedServer.Reply(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            for (int written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) ((written + i) % 251);
                }
                out.write(block);
            }
        }, ScriptedServer.After.HOLD))) {
            HttpExchange exchange = send(server, GET, RequestOptions.DEFAULTS);
            Path file;
            try (exchange) {
                assertTrue(exchange.failure().isEmpty(), exchange.failure().toString());
                FileByteSource raw = assertInstanceOf(FileByteSource.class, exchange.rawBytes());
                file = raw.path();
                ParsedResponse parsed = exchange.response().orElseThrow();
                assertTrue(parsed.complete());
                ByteSource body = parsed.body();
                assertEquals(size, body.length());
                long at = 49L * 1024 * 1024 + 7;
                byte[] slice = body.readAt(at, 16);
                for (int i = 0; i < slice.length; i++) {
                    assertEquals((byte) ((at + i) % 251), slice[i], "body byte " + (at + i));
                }
                assertEquals(exchange.bytesReceived(), raw.length());
            }
            assertFalse(Files.exists(file), "closing the exchange deletes the temp file");
        }
    }

    @Test
    void responseOverTheMaximumIsCut() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withMaxResponseBytes(100);
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n"
                + "x".repeat(500));
             HttpExchange exchange = send(server, GET, options)) {
            assertEquals(100, exchange.rawBytes().length());
            Verdict verdict = exchange.response().orElseThrow().verdict(VerdictCodes.RESPONSE_TOO_LARGE).orElseThrow();
            assertEquals(100, verdict.byteOffset());
            assertTrue(verdict.message().contains("exceeds the maximum of 100 bytes"), verdict.message());
        }
    }

    @Test
    void keepAliveReusesTheConnectionAndReconnectsWhenItWasClosed() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        RequestOptions keepAlive = RequestOptions.DEFAULTS.withKeepAlive(true);
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(ok,
                ScriptedServer.After.KEEP_ALIVE))) {
            try (HttpExchange first = send(server, GET, keepAlive);
                 HttpExchange second = send(server, GET, keepAlive)) {
                assertFalse(first.connectionReused());
                assertTrue(second.connectionReused());
                assertEquals(Duration.ZERO, second.timing().connect());
                assertEquals(1, server.acceptedConnections());
                assertEquals(200, second.response().orElseThrow().statusCode());
            }
        }
        try (ScriptedServer closing = new ScriptedServer(r -> ScriptedServer.Reply.of(ok,
                ScriptedServer.After.CLOSE))) {
            try (HttpExchange first = send(closing, GET, keepAlive)) {
                assertTrue(first.succeeded());
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(
                    () -> exchanger.openConnectionTarget().isPresent());
            try (HttpExchange second = send(closing, GET, keepAlive)) {
                assertTrue(second.succeeded(), second.failure().toString());
                assertFalse(second.connectionReused(), "the stale connection was replaced");
                assertEquals(2, closing.acceptedConnections());
            }
        }
    }

    @Test
    void withoutKeepAliveEachRequestGetsItsOwnConnection() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(ok,
                ScriptedServer.After.KEEP_ALIVE))) {
            send(server, GET, RequestOptions.DEFAULTS).close();
            send(server, GET, RequestOptions.DEFAULTS).close();
            assertEquals(2, server.acceptedConnections());
            assertTrue(exchanger.openConnectionTarget().isEmpty());
        }
    }

    @Test
    void cancelEndsARunningExchange() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void onPhase(String phase, Duration at) {
                if (phase.equals(WAITING)) {
                    waiting.countDown();
                }
            }
        };
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of("", ScriptedServer.After.HOLD))) {
            PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
            CompletableFuture<HttpExchange> future = exchanger.send(server.target(), request, RequestOptions.DEFAULTS,
                    listener);
            assertTrue(waiting.await(5, TimeUnit.SECONDS));
            assertTrue(exchanger.isBusy());
            CompletableFuture<HttpExchange> second = exchanger.send(server.target(), request,
                    RequestOptions.DEFAULTS, listener);
            assertThrows(Exception.class, () -> second.get(1, TimeUnit.SECONDS), "one exchange at a time");
            exchanger.cancel();
            try (HttpExchange exchange = future.get(5, TimeUnit.SECONDS)) {
                assertEquals("Cancelled", exchange.failure().orElseThrow());
            }
            assertFalse(exchanger.isBusy());
        }
    }

    @Test
    void requestThatTheServerNeverReadsHitsTheWriteTimeout() throws Exception {
        try (ServerSocket deaf = new ServerSocket()) {
            deaf.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] huge = new byte[48 * 1024 * 1024];
            byte[] head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 48000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, huge, 0, head.length);
            PreparedRequest request = PreparedRequest.ofExactBytes(huge);
            RequestOptions options = RequestOptions.DEFAULTS.withReadTimeout(Duration.ofMillis(500));
            try (HttpExchange exchange = exchanger.send(new HttpTarget("http", "127.0.0.1", deaf.getLocalPort()),
                    request, options, ExchangeListener.NONE).get(20, TimeUnit.SECONDS)) {
                String failure = exchange.failure().orElseThrow();
                assertTrue(failure.contains("(write timeout)"), failure);
                assertTrue(exchange.bytesSent() < huge.length);
                assertEquals("POST", request.method());
                assertEquals(head.length, request.headEnd());
            }
        }
    }

    @Test
    void refusedConnectionIsExplained() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = probe.getLocalPort();
        }
        PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
        try (HttpExchange exchange = exchanger.send(new HttpTarget("http", "127.0.0.1", port), request,
                RequestOptions.DEFAULTS, ExchangeListener.NONE).get(10, TimeUnit.SECONDS)) {
            assertEquals("Connection refused: nothing is listening on 127.0.0.1:" + port,
                    exchange.failure().orElseThrow());
            assertTrue(exchange.response().isEmpty());
        }
    }

    @Test
    void closedExchangerRefusesWork() throws IOException {
        exchanger.close();
        PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
        CompletableFuture<HttpExchange> future = exchanger.send(new HttpTarget("http", "127.0.0.1", 9), request,
                RequestOptions.DEFAULTS, ExchangeListener.NONE);
        assertTrue(future.isCompletedExceptionally());
    }

    @Test
    void rawBytesMatchWhatTheServerSent() throws Exception {
        byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n\u0000\u00ff\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedServer server = new ScriptedServer(r -> ScriptedServer.Reply.of(response,
                ScriptedServer.After.CLOSE));
             HttpExchange exchange = send(server, GET, RequestOptions.DEFAULTS)) {
            assertArrayEquals(response, exchange.rawBytes().readAll(1024));
            assertArrayEquals(new byte[]{0, (byte) 0xff, '\r', '\n'}, exchange.response().orElseThrow().body()
                    .readAll(1024));
        }
    }
}
