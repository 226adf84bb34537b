package com.socketworkbench.engine.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS against local servers whose certificates are made by keytool in the test. */
@Timeout(120)
class HttpsExchangeTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String GET = "GET / HTTP/1.1\nHost: localhost\n\n";

    @TempDir
    static Path dir;
    private static TlsServer localhost;
    private static TlsServer exampleOrg;
    private static TlsServer expired;

    @BeforeAll
    static void makeCertificatesAndServers() throws Exception {
        localhost = new TlsServer(keytool("localhost.p12", "CN=localhost", "san=dns:localhost,ip:127.0.0.1", "2",
                null));
        exampleOrg = new TlsServer(keytool("example.p12", "CN=example.org", "san=dns:example.org", "2", null));
        expired = new TlsServer(keytool("expired.p12", "CN=localhost", "san=dns:localhost,ip:127.0.0.1", "31",
                "2023/12/01 12:00:00"));
    }

    @AfterAll
    static void stopServers() throws IOException {
        for (TlsServer server : new TlsServer[]{localhost, exampleOrg, expired}) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Runs the JDK's keytool (next to the running java binary) to make a self-signed EC key pair. */
    private static KeyStore keytool(String file, String dname, String san, String validityDays, String startDate)
            throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path keytool = java.resolveSibling("keytool");
        Path store = dir.resolve(file);
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-ext", san, "-validity", validityDays,
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD)));
        if (startDate != null) {
            command.addAll(List.of("-startdate", startDate));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(file + ".log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), () -> readQuietly(dir.resolve(file + ".log")));
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        return keyStore;
    }

    private static String readQuietly(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** A trust store holding exactly this server's certificate. */
    private static KeyStore trusting(TlsServer server) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server.certificate);
        return trust;
    }

    /**
     * Answers every handshake-completing connection with a tiny response and closes it; a request for "/keep" is
     * answered on a connection kept open for the next one. Records failed handshakes.
     */
    private static final class TlsServer implements AutoCloseable {
        final SSLServerSocket socket;
        final Certificate certificate;
        final List<String> handshakeFailures = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        TlsServer(KeyStore keyStore) throws Exception {
            certificate = keyStore.getCertificate("server");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            acceptor = Thread.ofVirtual().name("tls-test-accept").start(this::acceptLoop);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    SSLSocket client = (SSLSocket) socket.accept();
                    Thread.ofVirtual().name("tls-test-conn").start(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(SSLSocket client) {
            try (client) {
                client.setSoTimeout(10_000);
                try {
                    client.startHandshake();
                } catch (IOException e) {
                    handshakeFailures.add(e.getMessage());
                    return;
                }
                for (int served = 0; served < 10; served++) {
                    byte[] request = ScriptedServer.readRequest(client.getInputStream());
                    if (request == null) {
                        return;
                    }
                    boolean keep = new String(request, StandardCharsets.US_ASCII).startsWith("GET /keep ");
                    String close = keep ? "" : "Connection: close\r\n";
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n" + close
                            + "\r\nsecret").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    if (!keep) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client gave up; nothing to answer
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static HttpExchange send(HttpExchanger exchanger, TlsServer server, String host, RequestOptions options)
            throws Exception {
        PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, options);
        return exchanger.send(new HttpTarget("https", host, server.port()), request, options, ExchangeListener.NONE)
                .get(30, TimeUnit.SECONDS);
    }

    /** TLS records the server sends on its own (session tickets) must not pass for unsolicited data on reuse. */
    @Test
    void aKeptTlsConnectionIsReusedWithoutAnUnsolicitedDataAlarm() throws Exception {
        RequestOptions options = RequestOptions.DEFAULTS.withKeepAlive(true);
        PreparedRequest request = RawRequestBuilder.prepare("GET /keep HTTP/1.1\nHost: localhost\n\n",
                StandardCharsets.UTF_8, options);
        try (HttpExchanger exchanger = new HttpExchanger(trusting(localhost))) {
            for (int i = 0; i < 3; i++) {
                try (HttpExchange exchange = exchanger.send(new HttpTarget("https", "localhost", localhost.port()),
                        request, options, ExchangeListener.NONE).get(30, TimeUnit.SECONDS)) {
                    assertTrue(exchange.succeeded(), exchange.failure().toString());
                    assertEquals(i > 0, exchange.connectionReused(), "request " + i);
                    assertEquals(List.of(), exchange.response().orElseThrow().verdicts());
                }
            }
        }
    }

    @Test
    void selfSignedCertificateIsNotTrustedByDefault() throws Exception {
        try (HttpExchanger exchanger = new HttpExchanger();
             HttpExchange exchange = send(exchanger, localhost, "localhost", RequestOptions.DEFAULTS)) {
            String failure = exchange.failure().orElseThrow();
            assertTrue(failure.startsWith("The certificate is not signed by a trusted authority (self-signed?)"),
                    failure);
            assertTrue(exchange.response().isEmpty());
            TlsInfo tls = exchange.tls().orElseThrow(() -> new AssertionError("the rejected chain is shown"));
            assertEquals("CN=localhost", tls.chain().getFirst().subject());
            assertFalse(tls.insecure());
        }
    }

    @Test
    void insecureModeAcceptsAndIsFlagged() throws Exception {
        try (HttpExchanger exchanger = new HttpExchanger();
             HttpExchange exchange = send(exchanger, localhost, "localhost",
                     RequestOptions.DEFAULTS.withInsecureTls(true))) {
            assertTrue(exchange.succeeded(), exchange.failure().toString());
            assertEquals("secret", new String(exchange.response().orElseThrow().body().readAll(100),
                    StandardCharsets.US_ASCII));
            TlsInfo tls = exchange.tls().orElseThrow();
            assertTrue(tls.insecure());
            assertTrue(tls.protocol().startsWith("TLSv1."), tls.protocol());
            assertFalse(tls.cipherSuite().isEmpty());
            CertSummary leaf = tls.chain().getFirst();
            assertEquals("CN=localhost", leaf.subject());
            assertTrue(leaf.selfSigned());
            assertTrue(leaf.subjectAltNames().contains("DNS:localhost"), leaf.subjectAltNames().toString());
            assertTrue(leaf.subjectAltNames().contains("IP:127.0.0.1"), leaf.subjectAltNames().toString());
            assertEquals(32 * 3 - 1, leaf.sha256Fingerprint().length());
            assertTrue(exchange.timing().tls().toNanos() > 0);
        }
    }

    @Test
    void trustedCertificateVerifiesForNameAndIp() throws Exception {
        try (HttpExchanger exchanger = new HttpExchanger(trusting(localhost))) {
            for (String host : List.of("localhost", "127.0.0.1")) {
                try (HttpExchange exchange = send(exchanger, localhost, host, RequestOptions.DEFAULTS)) {
                    assertTrue(exchange.succeeded(), host + ": " + exchange.failure());
                    assertFalse(exchange.tls().orElseThrow().insecure());
                }
            }
        }
    }

    @Test
    void certificateForAnotherHostIsExplained() throws Exception {
        try (HttpExchanger exchanger = new HttpExchanger(trusting(exampleOrg));
             HttpExchange exchange = send(exchanger, exampleOrg, "localhost", RequestOptions.DEFAULTS)) {
            assertEquals("The certificate is for example.org, not localhost", exchange.failure().orElseThrow());
        }
    }

    @Test
    void expiredCertificateIsExplained() throws Exception {
        try (HttpExchanger exchanger = new HttpExchanger(trusting(expired));
             HttpExchange exchange = send(exchanger, expired, "localhost", RequestOptions.DEFAULTS)) {
            assertEquals("The server's certificate expired on 2024-01-01", exchange.failure().orElseThrow());
        }
    }

    @Test
    void plainHttpPortIsExplained() throws Exception {
        // A plain HTTP server answers the ClientHello it cannot understand with a 400, as real ones do.
        try (ServerSocket plain = new ServerSocket()) {
            plain.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread server = Thread.ofVirtual().name("plain-http").start(() -> {
                try (Socket client = plain.accept()) {
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    client.setSoTimeout(5000);
                    client.getInputStream().read(new byte[4096]);
                } catch (IOException e) {
                    // the client hung up first
                }
            });
            RequestOptions options = RequestOptions.DEFAULTS.withReadTimeout(Duration.ofSeconds(5));
            PreparedRequest request = RawRequestBuilder.prepare(GET, StandardCharsets.UTF_8, options);
            try (HttpExchanger exchanger = new HttpExchanger();
                 HttpExchange exchange = exchanger.send(new HttpTarget("https", "127.0.0.1", plain.getLocalPort()),
                         request, options, ExchangeListener.NONE).get(30, TimeUnit.SECONDS)) {
                assertEquals("The server at 127.0.0.1:" + plain.getLocalPort() + " did not answer with TLS; is it a"
                        + " plain http port?", exchange.failure().orElseThrow());
            }
            server.join(5000);
        }
    }
}
