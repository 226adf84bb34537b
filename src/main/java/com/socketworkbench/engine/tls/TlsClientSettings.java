package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.TlsSupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;

/**
 * How a client speaks TLS.
 *
 * @param verify            check the server's certificate (trust and host name); off = insecure, per connection
 * @param extraCaFile       certificates (PEM or DER) trusted besides the system's; null for none
 * @param sni               the server name sent (and checked against the certificate); null = the host connected to
 * @param alpn              application protocols offered, in order of preference ("h2", "http/1.1"); empty = none
 * @param min               lowest version offered
 * @param max               highest version offered
 * @param clientCertificate presented when the server asks; null for none
 * @param handshakeTimeout  how long the whole handshake may take
 */
public record TlsClientSettings(boolean verify, Path extraCaFile, String sni, List<String> alpn, TlsVersion min,
                                TlsVersion max, KeyMaterial clientCertificate, Duration handshakeTimeout) {
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    public TlsClientSettings {
        sni = sni == null || sni.isBlank() ? null : sni.strip();
        alpn = alpn == null ? List.of() : alpn.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        min = min == null ? TlsVersion.TLS_1_2 : min;
        max = max == null ? TlsVersion.TLS_1_3 : max;
        handshakeTimeout = handshakeTimeout == null ? DEFAULT_HANDSHAKE_TIMEOUT : handshakeTimeout;
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException(TlsText.TEXT.get("settings.range", min.jdkName(), max.jdkName()));
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException(TlsText.TEXT.get("settings.timeout"));
        }
        if (sni != null && !isValidServerName(sni)) {
            throw new IllegalArgumentException(TlsText.TEXT.get("settings.sni", sni));
        }
    }

    /**
     * The handshake timeout that goes with a connect timeout: the same, except that zero (a connect without limit)
     * gets {@link #DEFAULT_HANDSHAKE_TIMEOUT}. A handshake always needs a deadline, or a peer that accepts and never
     * answers would hold the connection forever.
     */
    public static Duration handshakeTimeoutFor(Duration connectTimeout) {
        return connectTimeout == null || connectTimeout.isZero() || connectTimeout.isNegative()
                ? DEFAULT_HANDSHAKE_TIMEOUT : connectTimeout;
    }

    /**
     * True when {@code name} can be the SNI name: a DNS name the JDK accepts (letters, digits, hyphens, dots), or an
     * IP literal, which is not sent but checked against the certificate's IP names.
     */
    public static boolean isValidServerName(String name) {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (TlsSupport.isIpLiteral(name)) {
            return true;
        }
        try {
            new SNIHostName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Verification on, system trust, SNI = the host, no ALPN, TLS 1.2 to 1.3, no client certificate, 10 s. */
    public static TlsClientSettings defaults() {
        return new TlsClientSettings(true, null, null, List.of(), TlsVersion.TLS_1_2, TlsVersion.TLS_1_3, null,
                DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public TlsClientSettings withVerify(boolean on) {
        return new TlsClientSettings(on, extraCaFile, sni, alpn, min, max, clientCertificate, handshakeTimeout);
    }

    public TlsClientSettings withExtraCaFile(Path file) {
        return new TlsClientSettings(verify, file, sni, alpn, min, max, clientCertificate, handshakeTimeout);
    }

    public TlsClientSettings withSni(String name) {
        return new TlsClientSettings(verify, extraCaFile, name, alpn, min, max, clientCertificate, handshakeTimeout);
    }

    public TlsClientSettings withAlpn(List<String> protocols) {
        return new TlsClientSettings(verify, extraCaFile, sni, protocols, min, max, clientCertificate,
                handshakeTimeout);
    }

    public TlsClientSettings withVersions(TlsVersion lowest, TlsVersion highest) {
        return new TlsClientSettings(verify, extraCaFile, sni, alpn, lowest, highest, clientCertificate,
                handshakeTimeout);
    }

    public TlsClientSettings withClientCertificate(KeyMaterial key) {
        return new TlsClientSettings(verify, extraCaFile, sni, alpn, min, max, key, handshakeTimeout);
    }

    public TlsClientSettings withHandshakeTimeout(Duration timeout) {
        return new TlsClientSettings(verify, extraCaFile, sni, alpn, min, max, clientCertificate, timeout);
    }

    /** The name sent as SNI and checked against the certificate when connecting to {@code host}. */
    public String serverName(String host) {
        return sni != null ? sni : Objects.requireNonNull(host, "host");
    }
}
