package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS on the engine's TCP client and server with real JDK peers on loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpTlsTest {
    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();
    @TempDir
    Path dir;

    @Test
    void clientTalksToAJdkTlsServerVerifiedWithTheExtraCaAndAlpn() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        JdkTlsServer server = tcp.track(new JdkTlsServer(TestCertificates.leaf(ca).serverContext(null), l -> {
            var params = l.getSSLParameters();
            params.setApplicationProtocols(new String[]{"h2", "http/1.1"});
            l.setSSLParameters(params);
        }));
        TlsClientSettings tls = TlsClientSettings.defaults()
                .withExtraCaFile(TestCertificates.writeCa(ca, dir, "ca")).withAlpn(List.of("http/1.1"));
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("localhost", server.port()).withTls(tls),
                sink));
        client.connect().get(10, TimeUnit.SECONDS);
        TlsEstablished established = sink.awaitFirst(TlsEstablished.class);
        assertTrue(established.details().verified());
        assertEquals("http/1.1", established.details().alpn());
        assertEquals("CN=localhost", established.details().peerChain().getFirst().subject());
        assertTrue(established.details().summary().endsWith(", ALPN http/1.1, verified"),
                established.details().summary());
        assertEquals(established.details(), client.tlsDetails());
        client.send("hello over TLS".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(client.id()) == 14);
        assertArrayEquals("hello over TLS".getBytes(StandardCharsets.UTF_8), sink.received(client.id()));
        List<NetEvent> events = sink.all();
        int opened = indexOf(events, ConnectionOpened.class);
        int tlsAt = indexOf(events, TlsEstablished.class);
        int firstData = indexOf(events, BytesReceived.class);
        assertTrue(opened < tlsAt && tlsAt < firstData, events.toString());
    }

    @Test
    void serverWithAGeneratedCertificateTalksToAJdkClientAndEchoes() throws Exception {
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0, 10, true)
                .withTls(TlsServerSettings.generated(generated)), sink));
        server.start();
        SSLContext trusting = jdkTrusting(generated);
        SSLSocket peer = tcp.track((SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1",
                server.localAddress().getPort()));
        peer.setSoTimeout(10_000);
        peer.startHandshake();
        peer.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
        peer.getOutputStream().flush();
        assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readNBytes(4));
        TlsEstablished established = sink.awaitFirst(TlsEstablished.class);
        assertEquals(generated.sha256Fingerprint(), established.details().localChain().getFirst().sha256Fingerprint());
        assertTrue(established.details().peerChain().isEmpty());
        assertEquals(established.details(), server.connections().getFirst().tls());
    }

    @Test
    void gracefulCloseSendsCloseNotifyAndTheJdkPeerSeesACleanEnd() throws Exception {
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withTls(TlsServerSettings.generated(generated)), sink));
        server.start();
        SSLSocket peer = tcp.track((SSLSocket) jdkTrusting(generated).getSocketFactory().createSocket("127.0.0.1",
                server.localAddress().getPort()));
        peer.setSoTimeout(10_000);
        peer.startHandshake();
        long id = sink.awaitFirst(TlsEstablished.class).connectionId();
        server.close(id, CloseMode.GRACEFUL);
        InputStream in = peer.getInputStream();
        assertEquals(-1, in.read()); // close_notify: a clean end, not an SSLException
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class);
        assertEquals(CloseReason.LOCAL_CLOSE, closed.reason());
        assertTrue(closed.detail().contains("close_notify"), closed.detail());
    }

    @Test
    void aFinWithoutCloseNotifyEndsTheConnectionAsAPeerCloseThatSaysSo() throws Exception {
        GeneratedCertificate generated = GeneratedCertificate.generate();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withTls(TlsServerSettings.generated(generated)), sink));
        server.start();
        java.net.Socket plain = tcp.track(new java.net.Socket(TcpFixture.LOOPBACK, server.localAddress().getPort()));
        SSLSocket peer = (SSLSocket) jdkTrusting(generated).getSocketFactory().createSocket(plain, "127.0.0.1",
                server.localAddress().getPort(), false);
        peer.setSoTimeout(10_000);
        peer.startHandshake();
        long id = sink.awaitFirst(TlsEstablished.class).connectionId();
        plain.shutdownOutput(); // FIN, no close_notify
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.PEER_CLOSED, closed.reason(), closed.toString());
    }

    @Test
    void tlsOverAUnixDomainSocketIsRefusedWithAMessage() {
        IllegalArgumentException client = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> TcpClientConfig.unix(java.nio.file.Path.of("/tmp/x.sock"))
                        .withTls(TlsClientSettings.defaults()));
        assertTrue(client.getMessage().contains("TLS over a Unix domain socket is not supported"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TcpServerConfig
                .unix(java.nio.file.Path.of("/tmp/x.sock")).withTls(TlsServerSettings.generated(
                        GeneratedCertificate.generate())));
    }

    /** B4: the server's session says which name the client asked for (SNI); a client's session has none. */
    @Test
    void theServerRecordsTheServerNameTheClientAskedFor() throws Exception {
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withTls(TlsServerSettings.generated(GeneratedCertificate.generate())), sink));
        server.start();
        TcpClient client = tcp.track(new TcpClient(new TcpClientConfig("127.0.0.1", server.localAddress().getPort())
                .withTls(TlsClientSettings.defaults().withVerify(false).withSni("device.example")), sink));
        client.connect().get(10, TimeUnit.SECONDS);
        // The server's side is the one that presented a certificate.
        TlsEstablished onServer = sink.awaitFirst(TlsEstablished.class, e -> !e.details().localChain().isEmpty());
        assertEquals("device.example", onServer.details().requestedServerName());
        assertEquals("", client.tlsDetails().requestedServerName());
    }

    /** A server starting with a certificate that expired, or expires within 30 days, says so after it listens. */
    @Test
    void aServerStartingWithAnExpiredOrExpiringCertificateSaysSo() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("CA");
        java.time.Instant now = java.time.Instant.now();
        TestCertificates.Issued expired = TestCertificates.leaf(ca, "localhost", List.of("DNS:localhost"),
                now.minus(java.time.Duration.ofDays(400)), now.minus(java.time.Duration.ofDays(35)));
        TestCertificates.Issued soon = TestCertificates.leaf(ca, "localhost", List.of("DNS:localhost"),
                now.minus(java.time.Duration.ofDays(300)), now.plus(java.time.Duration.ofDays(10)));
        assertEquals(List.of("The server's certificate expired on"), noticesAtStart(generated(expired)).stream()
                .map(n -> n.substring(0, "The server's certificate expired on".length())).toList());
        List<String> soonNotices = noticesAtStart(generated(soon));
        assertEquals(1, soonNotices.size(), soonNotices.toString());
        assertTrue(soonNotices.getFirst().contains("expires on") && soonNotices.getFirst().contains("in 9 days")
                && soonNotices.getFirst().contains("Press Generate"), soonNotices.getFirst());
        assertEquals(List.of(), noticesAtStart(GeneratedCertificate.generate()), "a year left: nothing to say");
    }

    /** {@code leaf} as if the app had generated it (and a workspace had kept it). */
    private static GeneratedCertificate generated(TestCertificates.Issued leaf) {
        return new GeneratedCertificate(leaf.chainPem(), leaf.keyPem());
    }

    /** The listener's notices about the certificate of a server started with {@code certificate}. */
    private List<String> noticesAtStart(GeneratedCertificate certificate) throws Exception {
        RecordingSink own = new RecordingSink();
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0).withTls(TlsServerSettings
                .generated(certificate)), own));
        server.start();
        own.awaitFirst(com.socketworkbench.engine.event.ListenerStarted.class);
        return own.of(com.socketworkbench.engine.event.Notice.class).stream().map(n -> n.message())
                .filter(m -> m.contains("certificate")).toList();
    }

    static SSLContext jdkTrusting(GeneratedCertificate generated) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("generated", generated.certificate());
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static int indexOf(List<NetEvent> events, Class<? extends NetEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

}
