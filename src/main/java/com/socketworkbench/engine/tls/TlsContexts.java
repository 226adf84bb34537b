package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.TlsSupport;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * SSLContexts from settings. What a context cannot hold (SNI, host name check, ALPN, versions, client auth) is set
 * on each socket by {@link TlsSockets}.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * Trust: the system's plus the extra CA file, or anything when verification is off; the client certificate when
     * given.
     */
    public static SSLContext client(TlsClientSettings settings) throws TlsSetupException {
        // Without a certificate of our own, a key manager that notes a server asking for one (to say so if the
        // handshake then fails) instead of the JDK's silent default.
        KeyManager[] keys = settings.clientCertificate() == null ? new KeyManager[]{new NoCertificateKeyManager()}
                : keyManagers(KeyMaterials.keyStore(settings.clientCertificate()));
        X509ExtendedTrustManager trust = null;
        if (settings.verify()) {
            trust = settings.extraCaFile() == null ? systemTrust() : systemTrustPlus(settings.extraCaFile());
        } else if (settings.extraCaFile() != null) {
            KeyMaterials.trustStore(settings.extraCaFile()); // still report a bad file, even when not used
        }
        return context(keys, new CheckingTrustManager(trust));
    }

    /** The server's certificate and key; the client CA file's trust when clients are asked for a certificate. */
    public static SSLContext server(TlsServerSettings settings) throws TlsSetupException {
        KeyStore keyStore;
        if (settings.generated() != null) {
            GeneratedCertificate generated = settings.generated();
            PrivateKey key = generated.privateKey();
            keyStore = KeyMaterials.keyStore(key, List.of(generated.certificate()));
        } else {
            keyStore = KeyMaterials.keyStore(settings.keyMaterial());
        }
        TrustManager[] trust = null;
        if (settings.clientAuth() != ClientAuth.NONE) {
            trust = new TrustManager[]{new CheckingTrustManager(trustOf(KeyMaterials.trustStore(
                    settings.clientCaFile())))};
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(keyStore), trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
    }

    private static SSLContext context(KeyManager[] keys, TrustManager trust) throws TlsSetupException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[]{trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
    }

    private static KeyManager[] keyManagers(KeyStore store) throws TlsSetupException {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, KeyMaterials.MEMORY_PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
    }

    private static X509ExtendedTrustManager systemTrust() throws TlsSetupException {
        return trustOf(null);
    }

    /** The system's trusted certificates and those of {@code caFile}, in one store. */
    private static X509ExtendedTrustManager systemTrustPlus(java.nio.file.Path caFile) throws TlsSetupException {
        KeyStore store = KeyMaterials.trustStore(caFile);
        try {
            int i = 0;
            for (X509Certificate anchor : systemTrust().getAcceptedIssuers()) {
                store.setCertificateEntry("system" + i++, anchor);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
        return trustOf(store);
    }

    private static X509ExtendedTrustManager trustOf(KeyStore store) throws TlsSetupException {
        try {
            return TlsSupport.trustManager(store);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
    }

}
