package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsServerSettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * JDK TLS peers on loopback for the TLS tab tests: an {@link SSLServerSocket} echo with a certificate made by
 * Bouncy Castle (the app's own generator), and an {@link SSLContext} trusting exactly one PEM certificate.
 */
public final class TlsTestPeers {
    private TlsTestPeers() {
    }

    /**
     * A TLS echo server on 127.0.0.1, any port, presenting {@code certificate}: it serves one client (handshake,
     * then echoes what arrives until the client closes or 10 s of quiet), then ends. Close it to stop early.
     */
    public static final class Echo implements AutoCloseable {
        private final SSLServerSocket server;
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        public Echo(GeneratedCertificate certificate) throws Exception {
            SSLContext context = TlsContexts.server(TlsServerSettings.generated(certificate));
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                    InetAddress.getLoopbackAddress());
            server.setSoTimeout(10_000);
            thread = Thread.ofVirtual().name("tls-test-echo").start(this::serve);
        }

        private void serve() {
            try (SSLSocket client = (SSLSocket) server.accept()) {
                client.setSoTimeout(10_000);
                client.startHandshake();
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[4096];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                failure.set(e); // the untrusted client hangs up in the handshake: expected there
            }
        }

        public int port() {
            return server.getLocalPort();
        }

        /** What ended the server's side, if anything went wrong. */
        public Throwable failure() {
            return failure.get();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }

    /** A client context that trusts exactly the certificate in {@code pemFile}. */
    public static SSLContext trusting(Path pemFile) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        byte[] pem = Files.readString(pemFile, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
        trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem)));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
