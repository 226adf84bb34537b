package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.TlsSupport;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
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

    /**
     * Reads a client certificate and its key as {@link #client} will, so that a scenario or the command line can
     * report a missing file, a wrong password or a key that is not the certificate's before connecting.
     *
     * @return the certificate presented (the chain's first)
     */
    public static X509Certificate checkClientCertificate(KeyMaterial material) throws TlsSetupException {
        try {
            return (X509Certificate) KeyMaterials.keyStore(material).getCertificate(KeyMaterials.ALIAS);
        } catch (java.security.KeyStoreException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
    }

    /** The server's certificate and key; the client CA file's trust when clients are asked for a certificate. */
    public static SSLContext server(TlsServerSettings settings) throws TlsSetupException {
        KeyStore keyStore;
        if (settings.generated() != null) {
            GeneratedCertificate generated = settings.generated();
            PrivateKey key = generated.privateKey();
            keyStore = KeyMaterials.keyStore(key, List.of(generated.certificate()));
        } else {
            // Refuses a PEM key of another certificate by name (KeyPairs), which every handshake would fail.
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

    /** A certificate this close to its end is worth a word when a server starts with it. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    /**
     * A sentence for a server starting with a certificate that expired, or expires within {@link #EXPIRY_WARNING}
     * (a generated one is valid a year and saved with the workspace, so a year later it is served expired without
     * a word); null when it is fine. Reads the files again: once per start.
     */
    public static String expiryWarning(TlsServerSettings settings, Instant now) throws TlsSetupException {
        X509Certificate leaf;
        if (settings.generated() != null) {
            leaf = settings.generated().certificate();
        } else {
            try {
                java.security.cert.Certificate first = KeyMaterials.keyStore(settings.keyMaterial())
                        .getCertificate(KeyMaterials.ALIAS);
                if (!(first instanceof X509Certificate x509)) {
                    return null;
                }
                leaf = x509;
            } catch (java.security.KeyStoreException e) {
                return null; // the context was built from the same store: nothing to warn about here
            }
        }
        return expiryWarning(leaf, settings.generated() != null, now);
    }

    /** @see #expiryWarning(TlsServerSettings, Instant) */
    public static String expiryWarning(X509Certificate leaf, boolean generated, Instant now) {
        Instant end = leaf.getNotAfter().toInstant();
        String remedy = TlsText.TEXT.get(generated ? "server.expiry.generated" : "server.expiry.file");
        String day = DAY.format(end);
        if (now.isAfter(end)) {
            return TlsText.TEXT.get("server.expiry.expired", day, remedy);
        }
        if (now.plus(EXPIRY_WARNING).isAfter(end)) {
            long days = Math.max(1, Duration.between(now, end).toDays());
            return TlsText.TEXT.get("server.expiry.soon", day, days, remedy);
        }
        return null;
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
        return trustOf(systemAnd(caFile));
    }

    /**
     * A trust store of the system's trusted certificates plus every certificate of {@code caFile} (PEM or DER): for
     * the clients that take a store instead of the platform's (the HTTP and WebSocket tabs), so an extra CA adds to
     * what is trusted rather than replacing it. A file that is missing or holds no certificate is a
     * {@link TlsSetupException} whose message names the file and says what is wrong.
     */
    public static KeyStore systemAnd(java.nio.file.Path caFile) throws TlsSetupException {
        KeyStore store = KeyMaterials.trustStore(caFile);
        try {
            int i = 0;
            for (X509Certificate anchor : systemTrust().getAcceptedIssuers()) {
                store.setCertificateEntry("system" + i++, anchor);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
        return store;
    }

    private static X509ExtendedTrustManager trustOf(KeyStore store) throws TlsSetupException {
        try {
            return TlsSupport.trustManager(store);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.failed", e.getMessage()), e);
        }
    }

}
