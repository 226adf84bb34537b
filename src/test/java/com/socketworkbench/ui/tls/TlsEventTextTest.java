package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.tls.TlsSessionDetails;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handshake row's line and the details with the certificate chain. */
class TlsEventTextTest {
    private static final CertSummary SERVER = new CertSummary("CN=localhost", "CN=Test CA",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
            List.of("DNS:localhost", "IP:127.0.0.1"), "AB:CD:EF");
    private static final CertSummary CA = new CertSummary("CN=Test CA", "CN=Test CA",
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"), List.of(), "01:02");

    @Test
    void theRowSaysProtocolCipherAlpnAndVerification() {
        TlsSessionDetails verified = new TlsSessionDetails("TLSv1.3", "TLS_AES_128_GCM_SHA256", "h2",
                List.of(SERVER), List.of(), true);
        assertEquals("TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN h2, verified", TlsEventText.summary(verified));
        assertFalse(TlsEventText.unverified(verified));

        TlsSessionDetails insecure = new TlsSessionDetails("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "",
                List.of(SERVER), List.of(), false);
        assertEquals("TLSv1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, no ALPN, NOT verified",
                TlsEventText.summary(insecure));
        assertTrue(TlsEventText.unverified(insecure));

        TlsSessionDetails serverSide = new TlsSessionDetails("TLSv1.3", "TLS_AES_256_GCM_SHA384", "", List.of(),
                List.of(SERVER), false);
        assertTrue(TlsEventText.summary(serverSide).endsWith("no certificate from the peer"));
        assertFalse(TlsEventText.unverified(serverSide), "a client without a certificate is no warning");
    }

    @Test
    void theDetailsListEveryCertificateOfTheChain() {
        String details = TlsEventText.details(new TlsSessionDetails("TLSv1.3", "TLS_AES_128_GCM_SHA256", "",
                List.of(SERVER, CA), List.of(), true), Instant.parse("2026-07-01T00:00:00Z"));
        assertTrue(details.startsWith("Protocol        TLSv1.3\nCipher suite    TLS_AES_128_GCM_SHA256\n"), details);
        assertTrue(details.contains("ALPN            none agreed"), details);
        assertTrue(details.contains("\n\nPeer certificate 1\n  Subject       CN=localhost"),
                details);
        assertTrue(details.contains("  Issuer        CN=Test CA\n"), details);
        assertTrue(details.contains("2026-01-01 00:00 UTC → 2027-01-01 00:00 UTC  (valid now)"), details);
        assertTrue(details.contains("  Names (SAN)   DNS:localhost, IP:127.0.0.1"), details);
        assertTrue(details.contains("  SHA-256       AB:CD:EF"), details);
        assertTrue(details.contains("Peer certificate 2\n  Subject       CN=Test CA\n  Issuer        CN=Test CA "
                + "(self-signed)"), details);
        assertTrue(details.contains("(EXPIRED)"), details);
    }
}
