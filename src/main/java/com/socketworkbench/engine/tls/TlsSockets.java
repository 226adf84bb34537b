package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.http.TlsSupport;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * TLS layered over a connected plain socket (for a {@code SocketChannel}: its socket adaptor), with the per-socket
 * settings a context cannot hold, and the handshake bounded as a whole by its timeout.
 */
public final class TlsSockets {
    private TlsSockets() {
    }

    /**
     * A client TLS socket over {@code plain} (closing it closes {@code plain}); not yet handshaken.
     *
     * @param host the host connected to: SNI and the host name check use it unless the settings name another
     */
    public static SSLSocket client(SSLContext context, TlsClientSettings settings, Socket plain, String host, int port)
            throws IOException {
        String name = settings.serverName(host);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, name, port, true);
        socket.setUseClientMode(true);
        SSLParameters params = socket.getSSLParameters();
        // A host that is no valid SNI name (an underscore, say) is not sent either: the connection still works and
        // the certificate is still checked against it, where SNIHostName would have thrown.
        if (!TlsSupport.isIpLiteral(name) && TlsClientSettings.isValidServerName(name)) {
            params.setServerNames(List.of(new SNIHostName(name)));
        }
        if (settings.verify()) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        params.setProtocols(TlsVersion.range(settings.min(), settings.max()));
        if (!settings.alpn().isEmpty()) {
            params.setApplicationProtocols(settings.alpn().toArray(String[]::new));
        }
        socket.setSSLParameters(params);
        return socket;
    }

    /** A server TLS socket over an accepted {@code plain} socket; not yet handshaken. */
    public static SSLSocket server(SSLContext context, TlsServerSettings settings, Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        socket.setUseClientMode(false);
        SSLParameters params = socket.getSSLParameters();
        params.setProtocols(TlsVersion.range(settings.min(), settings.max()));
        switch (settings.clientAuth()) {
            case REQUIRED -> params.setNeedClientAuth(true);
            case OPTIONAL -> params.setWantClientAuth(true);
            case NONE -> params.setWantClientAuth(false);
        }
        if (!settings.alpn().isEmpty()) {
            List<String> accepted = settings.alpn();
            // Our preference order among what the client offers; no overlap: go on without ALPN.
            socket.setHandshakeApplicationProtocolSelector((s, offered) -> accepted.stream()
                    .filter(offered::contains).findFirst().orElse(""));
        }
        socket.setSSLParameters(params);
        return socket;
    }

    /**
     * Runs the handshake on the calling thread. Each read is bounded by the timeout and the whole handshake too: a
     * peer that trickles bytes is cut off at the deadline by closing the socket.
     *
     * @throws TlsHandshakeTimeoutException when the timeout passed first
     */
    public static void handshake(SSLSocket socket, Duration timeout) throws IOException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean expired = new AtomicBoolean();
        int previousTimeout = socket.getSoTimeout();
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!done.get()) {
                expired.set(true);
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all that was wanted
                }
            }
        });
        try {
            socket.startHandshake();
            done.set(true);
        } catch (SocketTimeoutException e) {
            done.set(true);
            TlsHandshakeTimeoutException timedOut = new TlsHandshakeTimeoutException(timeout);
            timedOut.initCause(e);
            throw timedOut;
        } catch (IOException e) {
            done.set(true);
            if (expired.get()) {
                TlsHandshakeTimeoutException timedOut = new TlsHandshakeTimeoutException(timeout);
                timedOut.initCause(e);
                throw timedOut;
            }
            throw e;
        }
        try {
            socket.setSoTimeout(previousTimeout);
        } catch (SocketException e) {
            if (expired.get()) {
                throw new TlsHandshakeTimeoutException(timeout);
            }
            throw e;
        }
    }

    /** What the finished handshake of {@code socket} agreed on. */
    public static TlsSessionDetails details(SSLSocket socket, boolean verified) {
        SSLSession session = socket.getSession();
        List<CertSummary> peer;
        try {
            peer = summaries(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            peer = List.of();
        }
        Certificate[] local = session.getLocalCertificates();
        String alpn = socket.getApplicationProtocol();
        return new TlsSessionDetails(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn,
                peer, local == null ? List.of() : summaries(local), verified && !peer.isEmpty(),
                socket.getUseClientMode() ? "" : requestedServerName(session));
    }

    /** The host name a client asked this server for (SNI), as a server tester wants to see it; "" for none. */
    private static String requestedServerName(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession extended)) {
            return "";
        }
        return extended.getRequestedServerNames().stream().filter(n -> n instanceof SNIHostName)
                .map(n -> ((SNIHostName) n).getAsciiName()).findFirst().orElse("");
    }

    private static List<CertSummary> summaries(Certificate[] certs) {
        return Arrays.stream(certs).filter(c -> c instanceof X509Certificate)
                .map(c -> CertSummary.of((X509Certificate) c)).toList();
    }
}
