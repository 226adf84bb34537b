package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.engine.tls.TestCertificates.Issued;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsServerSettings;
import com.socketworkbench.engine.tls.TlsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad TLS case with a real JDK peer on loopback: the Failure says why in plain words, then the close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpTlsFailuresTest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();
    @TempDir
    Path dir;

    private Issued ca;

    private Issued ca() throws Exception {
        if (ca == null) {
            ca = TestCertificates.ca("Test CA");
        }
        return ca;
    }

    private TlsClientSettings trustingCa() throws Exception {
        return TlsClientSettings.defaults().withExtraCaFile(TestCertificates.writeCa(ca(), dir, "ca"));
    }

    /** Connects a TLS client to {@code port} and returns the Failure its connect failed with. */
    private Failure handshakeFailure(String host, int port, TlsClientSettings tls) {
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig(host, port).withTls(tls), sink));
        CompletableFuture<?> connect = client.connect();
        ExecutionException error = assertThrows(ExecutionException.class, () -> connect.get(20, TimeUnit.SECONDS));
        Failure failure = assertInstanceOf(SocketErrorException.class, error.getCause()).failure();
        assertClosedAfter(failure);
        return failure;
    }

    /** The Failure is the connection's last word before its ConnectionClosed (ERROR). */
    private void assertClosedAfter(Failure failure) {
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class,
                c -> c.connectionId() == failure.connectionId());
        assertEquals(CloseReason.ERROR, closed.reason());
        List<NetEvent> events = sink.all();
        assertTrue(events.indexOf(failure) < events.indexOf(closed), events.toString());
        assertTrue(sink.of(TlsEstablished.class, failure.connectionId()).isEmpty());
    }

    private JdkTlsServer jdkServer(Issued leaf) throws Exception {
        return tcp.track(new JdkTlsServer(leaf.serverContext(null)));
    }

    @Test
    void expiredCertificateSaysExpiredWithTheDate() throws Exception {
        Instant end = Instant.now().minus(Duration.ofDays(3));
        Issued leaf = TestCertificates.leaf(ca(), "localhost", List.of("DNS:localhost"),
                end.minus(Duration.ofDays(30)), end);
        Failure failure = handshakeFailure("localhost", jdkServer(leaf).port(), trustingCa());
        assertTrue(failure.message().contains("expired") && failure.message().contains(DAY.format(end)),
                failure.message());
    }

    @Test
    void notYetValidCertificateSaysFromWhen() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        Issued leaf = TestCertificates.leaf(ca(), "localhost", List.of("DNS:localhost"), start,
                start.plus(Duration.ofDays(30)));
        Failure failure = handshakeFailure("localhost", jdkServer(leaf).port(), trustingCa());
        assertTrue(failure.message().contains("not valid before " + DAY.format(start)), failure.message());
    }

    @Test
    void wrongHostNamesTheNamesTheCertificateCovers() throws Exception {
        Issued leaf = TestCertificates.leaf(ca(), "other.example", List.of("DNS:other.example"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)));
        Failure failure = handshakeFailure("localhost", jdkServer(leaf).port(), trustingCa());
        assertTrue(failure.message().contains("other.example") && failure.message().contains("not localhost"),
                failure.message());
    }

    @Test
    void untrustedIssuerSaysSo() throws Exception {
        Issued leaf = TestCertificates.leaf(ca());
        Failure failure = handshakeFailure("localhost", jdkServer(leaf).port(), TlsClientSettings.defaults());
        assertTrue(failure.message().contains("not signed by a trusted authority"), failure.message());
    }

    @Test
    void insecureConnectsToEveryCertificateFailureAndSaysNotVerified() throws Exception {
        Instant end = Instant.now().minus(Duration.ofDays(3));
        Issued expiredOtherHost = TestCertificates.leaf(ca(), "other.example", List.of("DNS:other.example"),
                end.minus(Duration.ofDays(30)), end);
        JdkTlsServer server = jdkServer(expiredOtherHost);
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("localhost", server.port())
                .withTls(TlsClientSettings.defaults().withVerify(false)), sink));
        client.connect().get(10, TimeUnit.SECONDS);
        TlsEstablished established = sink.awaitFirst(TlsEstablished.class);
        assertFalse(established.details().verified());
        assertTrue(established.details().summary().endsWith("not verified"), established.details().summary());
        assertEquals("CN=other.example", established.details().peerChain().getFirst().subject());
    }

    @Test
    void aServerThatSaysNothingTimesOutWithTheTimeoutInTheMessage() throws Exception {
        ServerSocket silent = tcp.listener();
        Failure failure = handshakeFailure("127.0.0.1", silent.getLocalPort(), TlsClientSettings.defaults()
                .withHandshakeTimeout(Duration.ofMillis(400)));
        assertTrue(failure.message().contains("did not finish within 400 ms"), failure.message());
    }

    @Test
    void tlsToAPlaintextHttpServerSaysTheServerAnsweredInPlaintext() throws Exception {
        ServerSocket plain = tcp.listener();
        Thread.ofVirtual().start(() -> {
            try (Socket s = plain.accept()) {
                s.getInputStream().read(new byte[512]);
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read(new byte[512]); // until the client gives up
            } catch (Exception ignored) {
                // the test asserts on the client's side
            }
        });
        Failure failure = handshakeFailure("127.0.0.1", plain.getLocalPort(), TlsClientSettings.defaults());
        assertTrue(failure.message().contains("answered in plaintext"), failure.message());
    }

    @Test
    void plaintextSentToOurTlsServerSaysTheClientSpokePlaintext() throws Exception {
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withTls(TlsServerSettings.generated(generated)), sink));
        server.start();
        Socket plain = tcp.track(new Socket(TcpFixture.LOOPBACK, server.localAddress().getPort()));
        plain.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Failure failure = sink.awaitFirst(Failure.class);
        assertTrue(failure.message().contains("The client spoke plaintext, not TLS"), failure.message());
        assertClosedAfter(failure);
        // Only that client was closed: the listener goes on with the next, a TLS one.
        SSLSocket good = tcp.track((SSLSocket) TcpTlsTest.jdkTrusting(generated).getSocketFactory()
                .createSocket("127.0.0.1", server.localAddress().getPort()));
        good.setSoTimeout(10_000);
        good.startHandshake();
        assertEquals(1, sink.awaitFirst(TlsEstablished.class).details().localChain().size());
    }

    @Test
    void protocolMismatchSaysNoVersionInCommon() throws Exception {
        JdkTlsServer server = tcp.track(new JdkTlsServer(TestCertificates.leaf(ca()).serverContext(null),
                l -> l.setEnabledProtocols(new String[]{"TLSv1.3"})));
        Failure failure = handshakeFailure("localhost", server.port(),
                trustingCa().withVersions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2));
        assertTrue(failure.message().contains("No TLS version both sides accept"), failure.message());
    }

    @Test
    void ourServerRequiringAClientCertificateRefusesAClientWithout() throws Exception {
        Issued clientCa = TestCertificates.ca("Client CA");
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withTls(TlsServerSettings.generated(generated).withClientAuth(ClientAuth.REQUIRED,
                        TestCertificates.writeCa(clientCa, dir, "client-ca"))), sink));
        server.start();
        SSLSocket peer = tcp.track((SSLSocket) TcpTlsTest.jdkTrusting(generated).getSocketFactory()
                .createSocket("127.0.0.1", server.localAddress().getPort()));
        peer.setSoTimeout(10_000);
        try {
            peer.startHandshake();
            peer.getInputStream().read(); // TLS 1.3: the server's refusal arrives after the client's Finished
        } catch (Exception expected) {
            // the client sees an alert; the test is about the server's words
        }
        Failure failure = sink.awaitFirst(Failure.class);
        assertTrue(failure.message().contains("presented no certificate"), failure.message());
        assertClosedAfter(failure);
    }

    @Test
    void ourServerAcceptsAClientCertificateFromItsCa() throws Exception {
        Issued clientCa = TestCertificates.ca("Client CA");
        Issued clientLeaf = TestCertificates.leaf(clientCa, "client-1", List.of("DNS:client-1"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)));
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0, 10, true)
                .withTls(TlsServerSettings.generated(generated).withClientAuth(ClientAuth.REQUIRED,
                        TestCertificates.writeCa(clientCa, dir, "client-ca"))), sink));
        server.start();
        Path[] pem = clientLeaf.writePem(dir, "client");
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("127.0.0.1", server.localAddress().getPort())
                .withTls(TlsClientSettings.defaults().withVerify(false).withClientCertificate(
                        com.socketworkbench.engine.tls.KeyMaterial.pem(pem[0], pem[1], null))), sink));
        client.connect().get(10, TimeUnit.SECONDS);
        // The server's TlsEstablished: the client's certificate checked against the client CA.
        TlsEstablished onServer = sink.awaitFirst(TlsEstablished.class, e -> !e.details().peerChain().isEmpty()
                && e.details().peerChain().getFirst().subject().equals("CN=client-1"));
        assertEquals("CN=client-1", onServer.details().peerChain().getFirst().subject());
        assertTrue(onServer.details().verified());
    }

    @Test
    void ourClientWithoutACertificateToAJdkServerThatNeedsOneSaysSo() throws Exception {
        JdkTlsServer server = tcp.track(new JdkTlsServer(TestCertificates.leaf(ca()).serverContext(ca()),
                l -> l.setNeedClientAuth(true)));
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("localhost", server.port())
                .withTls(trustingCa()), sink));
        client.connect().exceptionally(e -> null).get(10, TimeUnit.SECONDS);
        // TLS 1.3: the client's handshake may finish before the server refuses; the refusal then ends the first read.
        Failure failure = sink.awaitFirst(Failure.class);
        assertTrue(failure.message().contains("requires a client certificate"), failure.message());
        sink.awaitFirst(ConnectionClosed.class);
    }
}
