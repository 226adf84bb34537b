package com.socketworkbench.engine.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Notes the chain the peer presented ({@link HandshakeTrace}), so a failed handshake can still show it; then lets
 * the real trust manager decide and, when it rejects, throws a {@link RejectedCertificateException} carrying
 * the chain; with no delegate (verification off) accepts every certificate. A certificate trusted directly (a pinned
 * self-signed one) is date-checked too, which PKIX does not do for a trust anchor.
 */
final class CheckingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    /** @param delegate null to accept any certificate (insecure) */
    CheckingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void check(Check check, X509Certificate[] certs) throws CertificateException {
        if (delegate == null) {
            return;
        }
        try {
            check.run();
            if (certs != null && certs.length > 0) {
                certs[0].checkValidity();
            }
        } catch (CertificateException e) {
            throw new RejectedCertificateException(e, certs, delegate.getAcceptedIssuers());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket)
            throws CertificateException {
        HandshakeTrace.presented(socket, certs);
        check(() -> delegate.checkServerTrusted(certs, authType, socket), certs);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
            throws CertificateException {
        HandshakeTrace.presented(engine, certs);
        check(() -> delegate.checkServerTrusted(certs, authType, engine), certs);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        check(() -> delegate.checkServerTrusted(certs, authType), certs);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket)
            throws CertificateException {
        HandshakeTrace.presented(socket, certs);
        check(() -> delegate.checkClientTrusted(certs, authType, socket), certs);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
            throws CertificateException {
        HandshakeTrace.presented(engine, certs);
        check(() -> delegate.checkClientTrusted(certs, authType, engine), certs);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
        check(() -> delegate.checkClientTrusted(certs, authType), certs);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
    }
}
