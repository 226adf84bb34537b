package com.socketworkbench.engine.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exchanger against the JDK's own HTTP server: a well-behaved peer. */
@Timeout(30)
class HttpExchangerJdkServerTest {

    private HttpServer server;
    private ExecutorService executor;
    private HttpTarget target;
    private final HttpExchanger exchanger = new HttpExchanger();
    private final AtomicReference<byte[]> receivedBody = new AtomicReference<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/hello", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            respond(ex, 200, "hello".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/echo", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            receivedBody.set(body);
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            respond(ex, 201, body);
        });
        server.createContext("/chunked", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 5; i++) {
                    out.write(("part " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/gzip", ex -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write("squeezed ".repeat(100).getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            respond(ex, 200, zipped.toByteArray());
        });
        server.start();
        target = new HttpTarget("http", "127.0.0.1", server.getAddress().getPort());
    }

    private static void respond(HttpExchange ex, int code, byte[] body) throws IOException {
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(code, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        exchanger.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private com.socketworkbench.engine.http.HttpExchange send(String text, RequestOptions options) throws Exception {
        PreparedRequest request = RawRequestBuilder.prepare(text, StandardCharsets.UTF_8, options);
        return exchanger.send(target, request, options, ExchangeListener.NONE).get(20, TimeUnit.SECONDS);
    }

    private static String text(com.socketworkbench.engine.codec.ByteSource source) {
        return new String(source.readAll(1 << 20), StandardCharsets.UTF_8);
    }

    @Test
    void get() throws Exception {
        List<String> phases = new CopyOnWriteArrayList<>();
        PreparedRequest request = RawRequestBuilder.prepare(RequestTemplate.GET.render(target)
                .replace("GET / ", "GET /hello "), StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
        assertEquals(List.of(), request.warnings());
        try (var exchange = exchanger.send(target, request, RequestOptions.DEFAULTS, new ExchangeListener() {
            @Override
            public void onPhase(String phase, Duration at) {
                phases.add(phase);
            }
        }).get(20, TimeUnit.SECONDS)) {
            assertTrue(exchange.succeeded(), exchange.failure().toString());
            ParsedResponse response = exchange.response().orElseThrow();
            assertEquals(200, response.statusCode());
            assertEquals("hello", text(response.body()));
            assertEquals(List.of(), response.verdicts());
            assertEquals(exchange.rawBytes().length(), exchange.bytesReceived());
            assertTrue(exchange.timing().total().compareTo(exchange.timing().connect()) >= 0);
            assertEquals(List.of(ExchangeListener.RESOLVING, ExchangeListener.CONNECTING, ExchangeListener.SENDING,
                    ExchangeListener.WAITING, ExchangeListener.RECEIVING, ExchangeListener.DONE), phases);
        }
    }

    @Test
    void postBodyArrivesExactly() throws Exception {
        String body = "line one\nzwei: ü€\r\nthree";
        try (var exchange = send("POST /echo HTTP/1.1\nHost: x\nContent-Type: text/plain\n\n" + body,
                RequestOptions.DEFAULTS)) {
            byte[] expected = body.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, receivedBody.get());
            ParsedResponse response = exchange.response().orElseThrow();
            assertEquals(201, response.statusCode());
            assertArrayEquals(expected, response.body().readAll(1 << 20));
        }
    }

    @Test
    void chunkedResponseIsDechunked() throws Exception {
        try (var exchange = send("GET /chunked HTTP/1.1\nHost: x\n\n", RequestOptions.DEFAULTS)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertEquals("chunked", response.header("Transfer-Encoding").orElseThrow().toLowerCase());
            assertEquals("part 0\npart 1\npart 2\npart 3\npart 4\n", text(response.body()));
            assertEquals(StandardCharsets.UTF_8, response.charset().orElseThrow());
            assertTrue(response.complete());
            assertTrue(exchange.rawBytes().length() > response.body().length(), "raw keeps the chunk framing");
        }
    }

    @Test
    void gzipBodyIsDecoded() throws Exception {
        try (var exchange = send("GET /gzip HTTP/1.1\nHost: x\nAccept-Encoding: gzip\n\n", RequestOptions.DEFAULTS)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertEquals("squeezed ".repeat(100), text(response.body()));
            assertTrue(response.entity().length() < response.body().length(), "the entity stays compressed");
            assertEquals(List.of(), response.verdicts());
        }
    }

    @Test
    void headHasNoBody() throws Exception {
        try (var exchange = send(RequestTemplate.HEAD.render(target).replace("HEAD / ", "HEAD /hello "),
                RequestOptions.DEFAULTS)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertEquals(200, response.statusCode());
            assertEquals("5", response.header("Content-Length").orElseThrow());
            assertEquals(0, response.body().length());
            assertTrue(response.complete());
            assertEquals(List.of(), response.verdicts());
        }
    }

    @Test
    void keepAliveUsesOneConnectionForTwoRequests() throws Exception {
        RequestOptions keepAlive = RequestOptions.DEFAULTS.withKeepAlive(true);
        try (var first = send("GET /hello HTTP/1.1\nHost: x\n\n", keepAlive);
             var second = send("GET /hello HTTP/1.1\nHost: x\n\n", keepAlive)) {
            assertTrue(second.connectionReused());
            assertFalse(first.connectionReused());
            assertEquals(2, clientPorts.size());
            assertEquals(clientPorts.get(0), clientPorts.get(1), "both requests came from the same client socket");
        }
        try (var third = send("GET /hello HTTP/1.1\nHost: x\n\n", RequestOptions.DEFAULTS)) {
            assertFalse(third.connectionReused(), "without keep-alive a fresh connection is used");
            assertFalse(clientPorts.get(2).equals(clientPorts.get(1)));
            assertTrue(exchanger.openConnectionTarget().isEmpty(), "and closed after the response");
        }
    }

    @Test
    void aLargeRequestIsWatchedAndCloseLeavesNoThreadBehind() throws Exception {
        byte[] body = new byte[300_000];
        try (var exchange = send("POST /echo HTTP/1.1\nHost: x\nContent-Length: " + body.length + "\n\n"
                + new String(body, StandardCharsets.ISO_8859_1), RequestOptions.DEFAULTS.withKeepAlive(true))) {
            assertEquals(201, exchange.response().orElseThrow().statusCode());
            assertEquals(body.length, receivedBody.get().length);
        }
        assertTrue(exchanger.openConnectionTarget().isPresent(), "kept for the next request");
        exchanger.close();
        assertEquals(List.of(), exchanger.liveThreads(), "exchange and write-watch threads have ended");
        assertTrue(exchanger.openConnectionTarget().isEmpty());
    }
}
