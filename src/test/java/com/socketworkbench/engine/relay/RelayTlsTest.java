package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.engine.relay.RelayTcpTest.readExactly;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RelayTlsTest {
    private static final byte[] HELLO = "hello over tls".getBytes(StandardCharsets.US_ASCII);

    private final RelayEvents events = new RelayEvents();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    /** A JDK client context that trusts exactly {@code certificate}. */
    private static SSLContext trusting(GeneratedCertificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("relay", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void theRelayTerminatesTlsTowardTheClientAndForwardsPlaintext() throws Exception {
        GeneratedCertificate certificate = GeneratedCertificate.generate();
        TargetServer target = keep(TargetServer.echo());
        Relay relay = keep(Relay.start(RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1", target.port())
                .withClientTls(TlsServerSettings.generated(certificate)), events, HoldListener.NONE));

        SSLSocket client = keep((SSLSocket) trusting(certificate).getSocketFactory()
                .createSocket("localhost", relay.localAddress().getPort()));
        client.startHandshake();
        client.getOutputStream().write(HELLO);
        client.getOutputStream().flush();
        assertArrayEquals(HELLO, readExactly(client.getInputStream(), HELLO.length));

        long pairId = events.awaitFirst(ConnectionAccepted.class).connectionId();
        await().atMost(RelayEvents.WAIT).until(() -> events.serverToClient(pairId).length == HELLO.length);
        assertArrayEquals(HELLO, events.clientToServer(pairId), "the events carry the plaintext");
        assertTrue(events.awaitFirst(Notice.class, n -> n.message().startsWith("TLS with the client: "))
                .message().contains("TLS"));
    }

    @Test
    void theRelaySpeaksTlsToTheTargetForAPlainClient(@TempDir Path dir) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Relay test CA");
        TestCertificates.Issued leaf = TestCertificates.leaf(ca);
        JdkTlsServer target = keep(new JdkTlsServer(leaf.serverContext(null)));
        Path caFile = TestCertificates.writeCa(ca, dir, "ca");
        Relay relay = keep(Relay.start(RelayConfig.tcp("127.0.0.1", 0, "localhost", target.port())
                .withServerTls(TlsClientSettings.defaults().withExtraCaFile(caFile)), events, HoldListener.NONE));

        Socket client = keep(new Socket(InetAddress.getLoopbackAddress(), relay.localAddress().getPort()));
        client.getOutputStream().write(HELLO);
        assertArrayEquals(HELLO, readExactly(client.getInputStream(), HELLO.length));
        long pairId = events.awaitFirst(ConnectionAccepted.class).connectionId();
        await().atMost(RelayEvents.WAIT).until(() -> events.of(BytesSent.class, pairId).size() >= 1);
        assertArrayEquals(HELLO, events.clientToServer(pairId));
        assertTrue(events.awaitFirst(Notice.class, n -> n.message().startsWith("TLS with the server: "))
                .message().contains("verified"), "the target's certificate was checked");

        client.shutdownOutput();
        assertEquals(-1, client.getInputStream().read(), "the FIN went through TLS and came back");
        assertEquals(CloseReason.PEER_CLOSED, events.awaitFirst(ConnectionClosed.class).reason());
        assertEquals(1, events.of(BytesReceived.class, pairId).size());
    }

    @Test
    void anUntrustedTargetCertificateIsAFailureAndTheClientIsClosed() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Unknown CA");
        JdkTlsServer target = keep(new JdkTlsServer(TestCertificates.leaf(ca).serverContext(null)));
        Relay relay = keep(Relay.start(RelayConfig.tcp("127.0.0.1", 0, "localhost", target.port())
                .withServerTls(TlsClientSettings.defaults()), events, HoldListener.NONE));

        Socket client = keep(new Socket(InetAddress.getLoopbackAddress(), relay.localAddress().getPort()));
        assertEquals(-1, client.getInputStream().read());
        Failure failure = events.awaitFirst(Failure.class);
        assertEquals(Operation.CONNECT, failure.operation());
        assertTrue(failure.message().toLowerCase(java.util.Locale.ROOT).contains("trust"), failure.message());
        // The chain the target presented comes first, as in the TCP tabs: what was refused, to check or pin.
        Notice chain = events.awaitFirst(Notice.class, n -> n.message().startsWith("Server certificate 1 of"));
        assertTrue(chain.message().contains("SHA-256"), chain.message());
        assertEquals("the TLS handshake with the server failed; the client was closed",
                events.awaitFirst(ConnectionClosed.class).detail());
    }

    @Test
    void tlsOverUdpIsRefusedInPlainWords() {
        GeneratedCertificate certificate = GeneratedCertificate.generate();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RelayConfig.udp(
                "127.0.0.1", 0, "127.0.0.1", 53).withClientTls(TlsServerSettings.generated(certificate)));
        assertEquals("TLS works over TCP only: choose TCP for a relay that terminates TLS.", error.getMessage());
    }
}
