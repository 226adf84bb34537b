package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.CertSummary;

import java.util.List;
import java.util.Objects;

/**
 * What a finished handshake agreed on.
 *
 * @param protocol    "TLSv1.3"
 * @param cipherSuite "TLS_AES_128_GCM_SHA256"
 * @param alpn        the application protocol agreed on; "" when none
 * @param peerChain   the peer's certificates, leaf first (empty when a client presented none)
 * @param localChain  the certificates this side presented, leaf first
 * @param verified    the peer's certificate was checked (false: insecure client, or a server without client auth)
 * @param requestedServerName on a server, the name the client asked for in its hello (SNI); "" when it sent none,
 *                    and always "" on a client
 */
public record TlsSessionDetails(String protocol, String cipherSuite, String alpn, List<CertSummary> peerChain,
                                List<CertSummary> localChain, boolean verified, String requestedServerName) {
    public TlsSessionDetails {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        alpn = alpn == null ? "" : alpn;
        peerChain = List.copyOf(peerChain);
        localChain = List.copyOf(localChain);
        requestedServerName = requestedServerName == null ? "" : requestedServerName;
    }

    /** Without a requested server name: a client's session, or a client that sent no SNI. */
    public TlsSessionDetails(String protocol, String cipherSuite, String alpn, List<CertSummary> peerChain,
                             List<CertSummary> localChain, boolean verified) {
        this(protocol, cipherSuite, alpn, peerChain, localChain, verified, "");
    }

    /** "TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN h2, verified": one line for a timeline. */
    public String summary() {
        String version = protocol.startsWith("TLSv") ? "TLS " + protocol.substring(4) : protocol;
        String alpnPart = alpn.isEmpty() ? "" : ", ALPN " + alpn;
        return TlsText.TEXT.get(verified ? "summary.verified" : "summary.notVerified", version, cipherSuite, alpnPart);
    }
}
