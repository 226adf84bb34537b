package com.socketworkbench.engine.http;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * The HTTP tab's TLS client for other features (the WebSocket tab's wss): the same verification (the platform's
 * trust, or exactly a given trust store; host name checked; insecure per connection) and the same plain-words
 * failures as an https exchange.
 */
public final class TlsClient {

    /** A finished handshake: the TLS socket to talk over and what was negotiated. */
    public record Connection(SSLSocket socket, TlsInfo info) {
    }

    /** A handshake that failed, with why in words a user can act on and the chain the server sent, if any. */
    public static final class Failure extends IOException {
        private final transient Optional<TlsInfo> partial;

        Failure(String message, Optional<TlsInfo> partial, Throwable cause) {
            super(message, cause);
            this.partial = partial;
        }

        /** What the server presented before the handshake failed (its chain), when anything was. */
        public Optional<TlsInfo> partial() {
            return partial;
        }
    }

    private TlsClient() {
    }

    /**
     * Layers TLS over {@code plain} (connected to {@code host}:{@code port}) and runs the handshake. On failure the
     * plain socket is left open for the caller to close.
     *
     * @param insecure   accept any certificate and any host name (this connection only)
     * @param trustStore the certificates to trust instead of the platform's; null for the platform's
     * @param timeout    the read timeout the handshake runs with
     */
    public static Connection handshake(Socket plain, String host, int port, boolean insecure, KeyStore trustStore,
                                       Duration timeout) throws Failure {
        HttpTarget target = new HttpTarget("https", host, port);
        TlsSupport.CapturingTrustManager capturing;
        try {
            capturing = new TlsSupport.CapturingTrustManager(insecure ? null : TlsSupport.trustManager(trustStore));
        } catch (GeneralSecurityException e) {
            throw new Failure(String.valueOf(e.getMessage()), Optional.empty(), e);
        }
        try {
            SSLSocket ssl = TlsSupport.handshake(plain, target, capturing, !insecure, timeout);
            return new Connection(ssl, TlsSupport.info(ssl.getSession(), insecure));
        } catch (IOException | GeneralSecurityException e) {
            TlsInfo partial = capturing.partialInfo();
            Optional<TlsInfo> shown = partial.chain().isEmpty() && partial.protocol().isEmpty() ? Optional.empty()
                    : Optional.of(partial);
            throw new Failure(TlsSupport.explain(e, capturing, target, timeout), shown, e);
        }
    }
}
