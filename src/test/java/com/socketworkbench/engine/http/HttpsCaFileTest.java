package com.socketworkbench.engine.http;

import com.socketworkbench.engine.tls.TestCertificates;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extra CA file of an https exchange, against a JDK HttpsServer on 127.0.0.1 whose certificate a test CA signed:
 * the platform's trust alone refuses it, the CA file adds the CA to it, a file without a certificate is a failure
 * naming the file, and a kept connection serves only requests verified with the same file.
 */
@Timeout(120)
class HttpsCaFileTest {
    private static final String GET = "GET / HTTP/1.1\nHost: 127.0.0.1\n\n";

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static ExecutorService executor;
    private static Path caPem;

    @BeforeAll
    static void startServer() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Workbench Test CA");
        TestCertificates.Issued leaf = TestCertificates.leaf(ca);
        caPem = TestCertificates.writeCa(ca, dir, "test-ca");
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(leaf.serverContext(null)));
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "trusted".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.close();
        }
    }

    private static HttpExchange send(HttpExchanger exchanger, RequestOptions options) throws Exception {
        PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, options);
        HttpTarget target = new HttpTarget("https", "127.0.0.1", server.getAddress().getPort());
        return exchanger.send(target, request, options, ExchangeListener.NONE).get(30, TimeUnit.SECONDS);
    }

    @Test
    void withoutTheCaFileTheServerIsAnUnknownIssuer() throws Exception {
        try (HttpExchanger exchanger = new HttpExchanger();
             HttpExchange exchange = send(exchanger, RequestOptions.DEFAULTS)) {
            assertFalse(exchange.succeeded());
            String failure = exchange.failure().orElseThrow();
            assertTrue(failure.contains("not signed by a trusted authority"), failure);
            assertNull(exchange.tls().orElseThrow().caFile());
        }
    }

    @Test
    void withTheCaFileTheServerIsVerified() throws Exception {
        try (HttpExchanger exchanger = new HttpExchanger();
             HttpExchange exchange = send(exchanger, RequestOptions.DEFAULTS.withCaFile(caPem))) {
            assertTrue(exchange.succeeded(), exchange.failure().toString());
            assertEquals("HTTP/1.1 200 OK", exchange.response().orElseThrow().statusLine());
            TlsInfo tls = exchange.tls().orElseThrow();
            assertFalse(tls.insecure(), "verified, not insecure");
            assertEquals(caPem, tls.caFile(), "the TLS details say which CA file verified it");
        }
    }

    @Test
    void aCaFileWithoutACertificateIsAFailureNamingTheFile() throws Exception {
        Path notACa = Files.writeString(dir.resolve("notes.txt"), "just some words, no certificate\n");
        Path missing = dir.resolve("missing.pem");
        try (HttpExchanger exchanger = new HttpExchanger()) {
            for (Path bad : new Path[]{notACa, missing}) {
                try (HttpExchange exchange = send(exchanger, RequestOptions.DEFAULTS.withCaFile(bad))) {
                    assertFalse(exchange.succeeded());
                    String failure = exchange.failure().orElseThrow();
                    assertTrue(failure.startsWith("The CA file cannot be used: "), failure);
                    assertTrue(failure.contains(bad.toString()), failure);
                }
            }
            // The exchanger is not left busy or broken by the bad file.
            try (HttpExchange exchange = send(exchanger, RequestOptions.DEFAULTS.withCaFile(caPem))) {
                assertTrue(exchange.succeeded(), exchange.failure().toString());
            }
        }
    }

    @Test
    void insecureTlsNeverReadsTheCaFile() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withInsecureTls(true)
                .withCaFile(dir.resolve("never-read.pem"));
        try (HttpExchanger exchanger = new HttpExchanger(); HttpExchange exchange = send(exchanger, options)) {
            assertTrue(exchange.succeeded(), exchange.failure().toString());
            assertTrue(exchange.tls().orElseThrow().insecure());
            assertNull(exchange.tls().orElseThrow().caFile());
        }
    }

    @Test
    void aKeptConnectionIsReusedOnlyWithTheSameCaFile() throws Exception {
        Path sameCaElsewhere = Files.copy(caPem, dir.resolve("copy-of-ca.pem"));
        RequestOptions withCa = RequestOptions.DEFAULTS.withKeepAlive(true).withCaFile(caPem);
        try (HttpExchanger exchanger = new HttpExchanger()) {
            assertReused(false, send(exchanger, withCa));
            assertReused(true, send(exchanger, withCa));
            assertReused(false, send(exchanger, withCa.withCaFile(sameCaElsewhere)));
            assertReused(true, send(exchanger, withCa.withCaFile(sameCaElsewhere)));
            try (HttpExchange without = send(exchanger, withCa.withCaFile(null))) {
                assertFalse(without.connectionReused(), "a connection verified through a CA file is not reused "
                        + "once the file is cleared");
                assertFalse(without.succeeded(), "and the server is checked again, without the file");
            }
        }
    }

    private static void assertReused(boolean expected, HttpExchange exchange) throws IOException {
        try (exchange) {
            assertTrue(exchange.succeeded(), exchange.failure().toString());
            assertEquals(expected, exchange.connectionReused());
        }
    }
}
