package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.engine.tls.TestCertificates.Issued;
import com.socketworkbench.engine.tls.TlsServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP server's TLS as a server tester meets it: the handshake timeout it is given (not a fixed 10 s), and a
 * refused client certificate said in the words a client hears about a server's: expired on which day, not yet valid,
 * not signed by the client CA chosen, none sent. The clients are JDK sockets on loopback that present their
 * certificate whatever CAs the server names (as openssl s_client does).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpServerTlsClientCheckTest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();
    @TempDir
    Path dir;

    @Test
    void aClientThatSendsNothingIsCutAfterTheConfiguredTimeoutNotBefore() throws Exception {
        Duration timeout = Duration.ofMillis(1500);
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0).withTls(TlsServerSettings
                .generated(GeneratedCertificate.generate()).withHandshakeTimeout(timeout)), sink));
        server.start();
        tcp.track(new Socket(TcpFixture.LOOPBACK, server.localAddress().getPort()));
        ConnectionAccepted accepted = sink.awaitFirst(ConnectionAccepted.class);
        Failure failure = sink.awaitFirst(Failure.class);
        assertEquals(accepted.connectionId(), failure.connectionId());
        assertTrue(failure.message().startsWith("The client did not finish the TLS handshake within 1.5 s"),
                failure.message());
        Duration waited = Duration.between(accepted.time(), failure.time());
        assertTrue(waited.compareTo(timeout.minusMillis(100)) >= 0, "cut after " + waited);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class,
                c -> c.connectionId() == failure.connectionId());
        assertEquals(com.socketworkbench.engine.event.CloseReason.ERROR, closed.reason());
        assertTrue(server.isRunning());
    }

    @Test
    void anExpiredClientCertificateSaysExpiredOnTheDay() throws Exception {
        Issued clientCa = TestCertificates.ca("Client CA");
        Instant end = Instant.now().minus(Duration.ofDays(3));
        Issued old = TestCertificates.leaf(clientCa, "client-old", List.of("DNS:old"), end.minus(Duration.ofDays(30)),
                end);
        String message = refusal(clientCa, old);
        assertEquals("The client's certificate (CN=client-old) expired on " + DAY.format(end)
                + ": this server refused it. The client needs a renewed certificate.", message);
    }

    @Test
    void aClientCertificateNotYetValidSaysFromWhen() throws Exception {
        Issued clientCa = TestCertificates.ca("Client CA");
        Instant start = Instant.now().plus(Duration.ofDays(2));
        Issued early = TestCertificates.leaf(clientCa, "client-early", List.of("DNS:early"), start,
                start.plus(Duration.ofDays(30)));
        String message = refusal(clientCa, early);
        assertTrue(message.startsWith("The client's certificate (CN=client-early) is not valid before "
                + DAY.format(start)), message);
    }

    @Test
    void aClientCertificateOfAnotherCaSaysItIsNotSignedByTheChosenCa() throws Exception {
        Issued clientCa = TestCertificates.ca("Client CA");
        Issued otherCa = TestCertificates.ca("Other CA");
        Issued stranger = TestCertificates.leaf(otherCa, "client-stranger", List.of("DNS:stranger"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5)));
        String message = refusal(clientCa, stranger);
        assertEquals("The client's certificate (CN=client-stranger, issued by CN=Other CA) is not signed by the client"
                + " CA you chose (CN=Client CA): this server refused it.", message);
    }

    @Test
    void aClientWithoutACertificateSaysNoneWasSent() throws Exception {
        String message = refusal(TestCertificates.ca("Client CA"), null);
        assertTrue(message.startsWith("The client sent no certificate, but this server requires one."), message);
    }

    /** The server's Failure when a client presenting {@code presented} (null: none) meets client CA {@code ca}. */
    private String refusal(Issued ca, Issued presented) throws Exception {
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0).withTls(TlsServerSettings
                .generated(GeneratedCertificate.generate())
                .withClientAuth(ClientAuth.REQUIRED, TestCertificates.writeCa(ca, dir, "client-ca"))), sink));
        server.start();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(presented == null ? null : new KeyManager[]{new Presenting(presented)},
                new TrustManager[]{new TrustingAll()}, null);
        SSLSocket peer = tcp.track((SSLSocket) context.getSocketFactory().createSocket(TcpFixture.LOOPBACK,
                server.localAddress().getPort()));
        peer.setSoTimeout(10_000);
        try {
            peer.startHandshake();
            peer.getInputStream().read(); // TLS 1.3: the server's refusal arrives after the client's Finished
        } catch (Exception expected) {
            // the client sees an alert; the test is about the server's words
        }
        Failure failure = sink.awaitFirst(Failure.class, f -> f.operation() == Operation.ACCEPT);
        sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == failure.connectionId());
        return failure.message();
    }

    /** Presents its certificate whatever CAs the server names, as openssl s_client -cert does. */
    private static final class Presenting extends X509ExtendedKeyManager {
        private final Issued issued;

        Presenting(Issued issued) {
            this.issued = issued;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[]{"client"};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "client";
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return issued.chain().toArray(new X509Certificate[0]);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return issued.keys().getPrivate();
        }
    }

    private static final class TrustingAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
