package com.socketworkbench.engine.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a server speaks TLS.
 *
 * @param keyMaterial      the server's certificate and key from files; null when {@code generated} is set
 * @param generated        a certificate made by the app; null when {@code keyMaterial} is set
 * @param clientAuth       whether clients are asked for a certificate
 * @param clientCaFile     the CAs (PEM or DER) a client certificate must chain to; required unless NONE
 * @param alpn             application protocols accepted, in order of preference; empty = no ALPN
 * @param min              lowest version accepted
 * @param max              highest version accepted
 * @param handshakeTimeout how long each client's handshake may take
 */
public record TlsServerSettings(KeyMaterial keyMaterial, GeneratedCertificate generated, ClientAuth clientAuth,
                                Path clientCaFile, List<String> alpn, TlsVersion min, TlsVersion max,
                                Duration handshakeTimeout) {
    public TlsServerSettings {
        if ((keyMaterial == null) == (generated == null)) {
            throw new IllegalArgumentException(TlsText.TEXT.get("settings.server.key"));
        }
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        if (clientAuth != ClientAuth.NONE && clientCaFile == null) {
            throw new IllegalArgumentException(TlsText.TEXT.get("settings.server.clientCa"));
        }
        alpn = alpn == null ? List.of() : alpn.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        min = min == null ? TlsVersion.TLS_1_2 : min;
        max = max == null ? TlsVersion.TLS_1_3 : max;
        handshakeTimeout = handshakeTimeout == null ? TlsClientSettings.DEFAULT_HANDSHAKE_TIMEOUT : handshakeTimeout;
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException(TlsText.TEXT.get("settings.range", min.jdkName(), max.jdkName()));
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException(TlsText.TEXT.get("settings.timeout"));
        }
    }

    /** A server presenting {@code certificate}: no client certificates, no ALPN, TLS 1.2 to 1.3, 10 s. */
    public static TlsServerSettings generated(GeneratedCertificate certificate) {
        return new TlsServerSettings(null, certificate, ClientAuth.NONE, null, List.of(), TlsVersion.TLS_1_2,
                TlsVersion.TLS_1_3, TlsClientSettings.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /** A server presenting the certificate and key in files, otherwise as {@link #generated}. */
    public static TlsServerSettings of(KeyMaterial key) {
        return new TlsServerSettings(key, null, ClientAuth.NONE, null, List.of(), TlsVersion.TLS_1_2,
                TlsVersion.TLS_1_3, TlsClientSettings.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public TlsServerSettings withClientAuth(ClientAuth auth, Path caFile) {
        return new TlsServerSettings(keyMaterial, generated, auth, caFile, alpn, min, max, handshakeTimeout);
    }

    public TlsServerSettings withAlpn(List<String> protocols) {
        return new TlsServerSettings(keyMaterial, generated, clientAuth, clientCaFile, protocols, min, max,
                handshakeTimeout);
    }

    public TlsServerSettings withVersions(TlsVersion lowest, TlsVersion highest) {
        return new TlsServerSettings(keyMaterial, generated, clientAuth, clientCaFile, alpn, lowest, highest,
                handshakeTimeout);
    }

    public TlsServerSettings withHandshakeTimeout(Duration timeout) {
        return new TlsServerSettings(keyMaterial, generated, clientAuth, clientCaFile, alpn, min, max, timeout);
    }
}
