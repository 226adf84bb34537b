package com.socketworkbench.engine.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager of a client without a certificate: it has nothing to present, but notes that the server asked.
 * The JDK calls {@code chooseClientAlias} only on a CertificateRequest, and a TLS 1.2 server that requires a
 * certificate then just sends handshake_failure or hangs up, which alone reads like "not a TLS server"
 * ({@link TlsFailures#explain(Throwable, String, SSLSocket)} uses the note).
 */
final class NoCertificateKeyManager extends X509ExtendedKeyManager {

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        HandshakeTrace.noteAskedForCertificate(socket);
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        HandshakeTrace.noteAskedForCertificate(engine);
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
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
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return null;
    }
}
