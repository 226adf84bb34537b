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
    void aClientThatSaysNothingToOurServerTimesOutAndOnlyItIsClosed() throws Exception {
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0).withTls(TlsServerSettings
                .generated(GeneratedCertificate.generate()).withHandshakeTimeout(Duration.ofMillis(300))), sink));
        server.start();
        tcp.track(new Socket(TcpFixture.LOOPBACK, server.localAddress().getPort()));
        Failure failure = sink.awaitFirst(Failure.class);
        assertTrue(failure.message().contains("did not finish the TLS handshake within 300 ms"), failure.message());
        assertClosedAfter(failure);
        assertTrue(server.isRunning());
    }

    @Test
    void closingAClientWhoseHandshakeStallsEndsItAtOnce() throws Exception {
        ServerSocket silent = tcp.listener();
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("127.0.0.1", silent.getLocalPort())
                .withTls(TlsClientSettings.defaults()), sink));
        CompletableFuture<?> connect = client.connect();
        tcp.accept(silent);
        sink.awaitFirst(com.socketworkbench.engine.event.ConnectionOpened.class);
        client.close(com.socketworkbench.engine.tcp.CloseMode.GRACEFUL);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == client.id());
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertTrue(closed.detail().contains("during the TLS handshake"), closed.detail());
        // Like a connect cancelled by a close: the future is cancelled, no Failure.
        assertThrows(java.util.concurrent.CancellationException.class, () -> connect.get(5, TimeUnit.SECONDS));
        assertTrue(sink.of(Failure.class).isEmpty(), sink.all().toString());
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
        assertTrue(failure.message().contains("The client sent no certificate"), failure.message());
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

    /**
     * A2: a TLS 1.2 server that requires a client certificate answers our empty one with handshake_failure or just
     * closes (a reset here, our flight unread): the message must still say it wants a certificate. Several rounds,
     * since which of the two the client sees is a race.
     */
    @Test
    void ourClientWithoutACertificateToATls12JdkServerThatNeedsOneSaysSo() throws Exception {
        JdkTlsServer server = tcp.track(new JdkTlsServer(TestCertificates.leaf(ca()).serverContext(ca()), l -> {
            l.setEnabledProtocols(new String[]{"TLSv1.2"});
            l.setNeedClientAuth(true);
        }));
        for (int round = 0; round < 3; round++) {
            Failure failure = handshakeFailure("localhost", server.port(), trustingCa());
            assertTrue(failure.message().contains("The server requires a client certificate: it asked for one"),
                    failure.message());
        }
    }

    /** A2 with our own server on both sides: TLS 1.2, client certificates REQUIRED, a client without one. */
    @Test
    void ourClientWithoutACertificateToOurTls12ServerThatRequiresOneSaysSo() throws Exception {
        Issued clientCa = TestCertificates.ca("Client CA");
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0).withTls(TlsServerSettings
                .generated(generated).withVersions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2)
                .withClientAuth(ClientAuth.REQUIRED, TestCertificates.writeCa(clientCa, dir, "client-ca"))), sink));
        server.start();
        Failure failure = handshakeFailure("127.0.0.1", server.localAddress().getPort(),
                TlsClientSettings.defaults().withVerify(false));
        assertTrue(failure.message().contains("The server requires a client certificate: it asked for one"),
                failure.message());
    }

    /** A2: a server that asks (optional) and gets nothing goes on: the note alone is no failure. */
    @Test
    void aServerThatOnlyWantsACertificateStillConnects() throws Exception {
        JdkTlsServer server = tcp.track(new JdkTlsServer(TestCertificates.leaf(ca()).serverContext(ca()), l -> {
            l.setEnabledProtocols(new String[]{"TLSv1.2"});
            l.setWantClientAuth(true);
        }));
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("localhost", server.port())
                .withTls(trustingCa()), sink));
        client.connect().get(10, TimeUnit.SECONDS);
        assertTrue(sink.of(Failure.class).isEmpty(), sink.all().toString());
    }

    /**
     * B1: a rejected certificate's chain is in the timeline: one Notice per certificate (subject, issuer, dates,
     * names, SHA-256) before the Failure that says why.
     */
    @Test
    void aRejectedCertificateStillShowsItsChainBeforeTheFailure() throws Exception {
        Instant end = Instant.now().minus(Duration.ofDays(3));
        Issued leaf = TestCertificates.leaf(ca(), "localhost", List.of("DNS:localhost"),
                end.minus(Duration.ofDays(30)), end);
        Failure failure = handshakeFailure("localhost", jdkServer(leaf).port(), trustingCa());
        List<com.socketworkbench.engine.event.Notice> notices = sink.of(com.socketworkbench.engine.event.Notice.class,
                failure.connectionId());
        assertEquals(2, notices.size(), notices.toString());
        String first = notices.getFirst().message();
        String fingerprint = com.socketworkbench.engine.http.CertSummary.of(leaf.certificate()).sha256Fingerprint();
        assertTrue(first.startsWith("Server certificate 1 of 2: CN=localhost · issued by CN=Test CA"), first);
        assertTrue(first.contains("to " + DAY.format(end) + " (EXPIRED)"), first);
        assertTrue(first.contains("DNS:localhost") && first.contains("SHA-256 " + fingerprint), first);
        assertTrue(notices.get(1).message().startsWith("Server certificate 2 of 2: CN=Test CA"),
                notices.get(1).message());
        List<NetEvent> events = sink.all();
        assertTrue(events.indexOf(notices.get(1)) < events.indexOf(failure), events.toString());
    }

    /** B1: an untrusted issuer and a wrong host keep the chain too. */
    @Test
    void untrustedAndWrongHostShowTheChain() throws Exception {
        Failure untrusted = handshakeFailure("localhost", jdkServer(TestCertificates.leaf(ca())).port(),
                TlsClientSettings.defaults());
        assertTrue(sink.of(com.socketworkbench.engine.event.Notice.class, untrusted.connectionId()).getFirst()
                .message().startsWith("Server certificate 1 of 2: CN=localhost"));
        Issued other = TestCertificates.leaf(ca(), "other.example", List.of("DNS:other.example"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)));
        Failure wrongHost = handshakeFailure("localhost", jdkServer(other).port(), trustingCa());
        String line = sink.of(com.socketworkbench.engine.event.Notice.class, wrongHost.connectionId()).getFirst()
                .message();
        assertTrue(line.startsWith("Server certificate 1 of 2: CN=other.example") && line.contains("DNS:other.example")
                && !line.contains("EXPIRED"), line);
    }

    /** B1 on the server side: a client certificate it rejects is shown as the client's. */
    @Test
    void ourServerShowsTheClientCertificateItRejected() throws Exception {
        Issued clientCa = TestCertificates.ca("Client CA");
        // Expired but from the client CA: the JDK client presents only certificates of the CAs the server names.
        Instant end = Instant.now().minus(Duration.ofDays(2));
        Issued stranger = TestCertificates.leaf(clientCa, "client-x", List.of("DNS:x"),
                end.minus(Duration.ofDays(10)), end);
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withTls(TlsServerSettings.generated(generated).withClientAuth(ClientAuth.REQUIRED,
                        TestCertificates.writeCa(clientCa, dir, "client-ca"))), sink));
        server.start();
        Path[] pem = stranger.writePem(dir, "stranger");
        tcp.track(new TcpClient(new TcpClientConfig("127.0.0.1", server.localAddress().getPort())
                .withTls(TlsClientSettings.defaults().withVerify(false).withClientCertificate(
                        com.socketworkbench.engine.tls.KeyMaterial.pem(pem[0], pem[1], null))), sink)).connect();
        Failure failure = sink.awaitFirst(Failure.class,
                f -> f.operation() == com.socketworkbench.engine.event.Operation.ACCEPT);
        assertTrue(failure.message().startsWith("The client's certificate (CN=client-x) expired on "), failure.message());
        String line = sink.of(com.socketworkbench.engine.event.Notice.class, failure.connectionId()).getFirst()
                .message();
        assertTrue(line.startsWith("Client certificate 1 of 2: CN=client-x · issued by CN=Client CA"), line);
        assertTrue(line.contains("(EXPIRED)"), line);
    }
}
