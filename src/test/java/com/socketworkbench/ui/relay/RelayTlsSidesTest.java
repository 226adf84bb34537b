package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsServerSettings;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import com.socketworkbench.ui.tls.CertSource;
import com.socketworkbench.ui.tls.TlsClientForm;
import com.socketworkbench.ui.tls.TlsServerForm;
import com.socketworkbench.ui.tls.TlsTestPeers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Relay tab's two TLS sides with the TCP tabs' forms, on loopback with a synchronous executor: toward the client
 * a PEM and a PKCS#12 certificate made here and a JDK client trusting exactly it; toward the target a JDK TLS server
 * verified against an extra CA file, seeing the SNI and ALPN the form set; the generated certificate kept with the
 * workspace (same fingerprint after a reopen, also through the workspace JSON), insecure never saved; a bad CA file
 * path gives its message at the field and holds Start back.
 */
@Timeout(60)
class RelayTlsSidesTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<RelayViewModel> models = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        models.forEach(RelayViewModel::stop);
        models.forEach(RelayViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private RelayViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        RelayViewModel model = new RelayViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    private static void route(RelayViewModel model, int targetPort) {
        model.settings().listenPort().textProperty().set("0");
        model.settings().targetHost().textProperty().set("127.0.0.1");
        model.settings().targetPort().textProperty().set(Integer.toString(targetPort));
    }

    private static int start(RelayViewModel model) {
        assertTrue(model.canStartProperty().get(), "Start is possible");
        model.start();
        assertEquals("", model.startErrorProperty().get());
        assertEquals(ListenerState.RUNNING, model.state());
        return model.boundAddress().getPort();
    }

    /** Writes the certificate's PEM and key PEM into files; returns the certificate file. */
    private Path pemFiles(GeneratedCertificate certificate, String name) throws IOException {
        Files.writeString(dir.resolve(name + "-key.pem"), certificate.privateKeyPem());
        return Files.writeString(dir.resolve(name + ".pem"), certificate.certificatePem());
    }

    private static PrivateKey key(GeneratedCertificate certificate) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(certificate.privateKeyPem()))) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return read instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) read);
        }
    }

    /** A TLS client trusting exactly {@code trusted} through the relay: says hello, reads the echo. */
    private static String roundTripThroughTls(Path trusted, int port) throws Exception {
        SSLContext context = TlsTestPeers.trusting(trusted);
        try (SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                port)) {
            client.setSoTimeout(10_000);
            client.startHandshake();
            client.getOutputStream().write("secret hello".getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().flush();
            return new String(client.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
        }
    }

    @Test
    void towardTheClientACertificateFromPemFilesIsServedAndTrusted() throws Exception {
        GeneratedCertificate certificate = GeneratedCertificate.generate();
        Path cert = pemFiles(certificate, "server");
        try (PlainEcho echo = new PlainEcho()) {
            RelayViewModel model = model(InMemoryPreferences.fresh());
            route(model, echo.port());
            TlsServerForm form = model.tls().towardClient();
            form.sourceProperty().set(CertSource.PEM);
            form.files().certificate().textProperty().set(cert.toString());
            form.files().key().textProperty().set(dir.resolve("server-key.pem").toString());
            model.settings().clientTlsProperty().set(true);
            assertTrue(form.enabledProperty().get(), "the relay's switch turns the form on");
            int port = start(model);
            assertEquals("secret hello", roundTripThroughTls(cert, port));
            assertEquals("secret hello", echo.received(12), "the target got the plaintext");
        }
    }

    @Test
    void towardTheClientACertificateFromAPkcs12FileIsServedAndTrusted() throws Exception {
        GeneratedCertificate certificate = GeneratedCertificate.generate();
        Path cert = Files.writeString(dir.resolve("trusted.pem"), certificate.certificatePem());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key(certificate), PASSWORD, new Certificate[]{certificate.certificate()});
        Path p12 = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, PASSWORD);
        }
        try (PlainEcho echo = new PlainEcho()) {
            RelayViewModel model = model(InMemoryPreferences.fresh());
            route(model, echo.port());
            TlsServerForm form = model.tls().towardClient();
            form.sourceProperty().set(CertSource.PKCS12);
            form.files().certificate().textProperty().set(p12.toString());
            form.files().passwordProperty().set(new String(PASSWORD));
            model.settings().clientTlsProperty().set(true);
            int port = start(model);
            assertEquals("secret hello", roundTripThroughTls(cert, port));
            assertEquals("secret hello", echo.received(12));
        }
    }

    @Test
    void towardTheTargetTheExtraCaFileVerifiesItAndSniAndAlpnArePassed() throws Exception {
        GeneratedCertificate ca = GeneratedCertificate.generate();
        Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        try (TlsTarget target = new TlsTarget(ca)) {
            RelayViewModel model = model(InMemoryPreferences.fresh());
            route(model, target.port());
            TlsClientForm form = model.tls().towardTarget();
            model.settings().serverTlsProperty().set(true);
            form.caFile().textProperty().set(caFile.toString());
            form.sni().textProperty().set("localhost");
            form.alpn().textProperty().set("h2, http/1.1");
            int port = start(model);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                assertEquals("ping", new String(client.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            }
            assertEquals(List.of(new SNIHostName("localhost")), target.serverNames.get());
            assertEquals(List.of("h2", "http/1.1"), target.offered.get());
        }
    }

    @Test
    void theGeneratedCertificateIsKeptWithTheWorkspaceAndInsecureIsNot() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        RelayViewModel model = model(preferences);
        model.settings().clientTlsProperty().set(true);
        GeneratedCertificate made = model.tls().towardClient().generatedProperty().get();
        assertNotNull(made, "turning TLS toward the client on makes a certificate");
        model.settings().serverTlsProperty().set(true);
        model.settings().serverTlsInsecureProperty().set(true);
        assertTrue(model.tls().towardTarget().insecureProperty().get(), "the relay's switch is the form's");
        model.tls().towardTarget().sni().textProperty().set("device.local");
        model.tls().towardTarget().alpn().textProperty().set("h2");
        model.tls().towardClient().alpn().textProperty().set("http/1.1");
        model.savePreferences();

        for (AppPreferences reopened : List.of(WorkspaceCopy.reopened(preferences),
                WorkspaceCopy.throughJson(preferences, "relay", "Relay"))) {
            RelayViewModel again = model(reopened);
            RelayTls tls = again.tls();
            assertTrue(again.settings().clientTlsProperty().get());
            assertTrue(tls.towardClient().enabledProperty().get());
            assertEquals(made.sha256Fingerprint(), tls.towardClient().generatedProperty().get().sha256Fingerprint());
            assertEquals(made, tls.towardClient().generatedProperty().get());
            assertEquals("http/1.1", tls.towardClient().alpn().text());
            assertTrue(tls.towardTarget().enabledProperty().get());
            assertEquals("device.local", tls.towardTarget().sni().text());
            assertEquals("h2", tls.towardTarget().alpn().text());
            assertFalse(again.settings().serverTlsInsecureProperty().get(), "insecure is never saved");
            assertFalse(tls.towardTarget().insecureProperty().get());
        }
    }

    @Test
    void aStartWithoutACertificateMakesOneAndKeepsIt() throws Exception {
        try (PlainEcho echo = new PlainEcho()) {
            // TLS on without a certificate (one saved before the forms, or whose making failed): Start makes it.
            RelayViewModel model = clientSideTlsWithoutACertificate();
            assertTrue(model.canStartProperty().get(), "a missing generated certificate does not hold Start back");
            route(model, echo.port());
            int port = start(model);
            GeneratedCertificate made = model.tls().towardClient().generatedProperty().get();
            assertNotNull(made, "the start made the certificate and the form keeps it");
            Path cert = Files.writeString(dir.resolve("made.pem"), made.certificatePem());
            assertEquals("secret hello", roundTripThroughTls(cert, port));
        }
    }

    @Test
    void aCertificateMadeAtStartServesWithTheHandshakeTimeoutTyped() throws Exception {
        try (PlainEcho echo = new PlainEcho()) {
            RelayViewModel model = clientSideTlsWithoutACertificate();
            model.tls().towardClient().handshakeTimeout().textProperty().set("1");
            route(model, echo.port());
            int port = start(model);
            try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // The default (10 s) would outlast this read's own limit: the relay must give up after the 1 s typed.
                silent.setSoTimeout(8_000);
                long start = System.nanoTime();
                readToTheEnd(silent);
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(tookMillis >= 900, "not before the timeout: " + tookMillis + " ms");
            }
        }
    }

    private RelayViewModel clientSideTlsWithoutACertificate() {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.putBoolean(RelaySettings.PREF_CLIENT_TLS, true);
        preferences.child(RelayTls.NODE_CLIENT_SIDE).child("tls").putBoolean("enabled", true);
        RelayViewModel model = model(preferences);
        model.tls().towardClient().generatedProperty().set(null);
        return model;
    }

    /**
     * Reads until the relay lets go: the end of the stream or a reset, after perhaps a TLS alert it sends on the way
     * out. A read that times out (the socket's limit) fails the test.
     */
    private static void readToTheEnd(Socket socket) throws IOException {
        try {
            socket.getInputStream().readAllBytes();
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw new AssertionError("the relay kept the silent client's connection open", stillOpen);
        } catch (java.net.SocketException reset) {
            // let go with a reset
        }
    }

    @Test
    void aBadCaFilePathIsShownAtTheFieldAndHoldsStartBack() {
        RelayViewModel model = model(InMemoryPreferences.fresh());
        model.settings().serverTlsProperty().set(true);
        assertTrue(model.canStartProperty().get());
        TlsClientForm form = model.tls().towardTarget();
        form.caFile().textProperty().set(dir.resolve("missing-ca.pem").toString());
        assertTrue(form.caFile().verdict().isError());
        assertTrue(form.caFile().verdict().message().contains("missing-ca.pem"), form.caFile().verdict().message());
        assertFalse(model.canStartProperty().get(), "a CA file that cannot be read holds Start back");
        model.settings().serverTlsInsecureProperty().set(true);
        assertTrue(model.canStartProperty().get(), "insecure checks nothing against the CA file");
    }

    /** A plain TCP target on 127.0.0.1 that echoes one client and remembers what it got. */
    private static final class PlainEcho implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        private final Thread thread;

        PlainEcho() throws IOException {
            thread = Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[4096];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        synchronized (got) {
                            got.write(buffer, 0, n);
                        }
                        socket.getOutputStream().write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // closed
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        String received(int count) throws InterruptedException {
            long until = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < until) {
                synchronized (got) {
                    if (got.size() >= count) {
                        return got.toString(StandardCharsets.UTF_8);
                    }
                }
                Thread.sleep(20);
            }
            synchronized (got) {
                return got.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }

    /** A JDK TLS echo target presenting {@code certificate}: records the SNI and the ALPN list it was offered. */
    private static final class TlsTarget implements AutoCloseable {
        private final SSLServerSocket server;
        private final Thread thread;
        final AtomicReference<List<SNIServerName>> serverNames = new AtomicReference<>();
        final AtomicReference<List<String>> offered = new AtomicReference<>();

        TlsTarget(GeneratedCertificate certificate) throws Exception {
            SSLContext context = TlsContexts.server(TlsServerSettings.generated(certificate));
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                    InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(this::serve);
        }

        private void serve() {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(10_000);
                socket.setHandshakeApplicationProtocolSelector((engine, protocols) -> {
                    offered.set(List.copyOf(protocols));
                    return protocols.contains("h2") ? "h2" : "";
                });
                socket.startHandshake();
                serverNames.set(((ExtendedSSLSession) socket.getSession()).getRequestedServerNames());
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[4096];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the relay hung up
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }
}
