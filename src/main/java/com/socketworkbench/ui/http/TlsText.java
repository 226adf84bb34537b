package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.TlsInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The TLS side of an exchange in words: protocol, cipher, verification and the certificate chain. */
final class TlsText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TlsText() {
    }

    static String describe(HttpExchange exchange, Instant now) {
        if (!exchange.target().isHttps()) {
            return "Plain HTTP: nothing was encrypted and no certificate was involved.";
        }
        Optional<TlsInfo> tls = exchange.tls();
        StringBuilder out = new StringBuilder();
        boolean handshakeFailed = exchange.response().isEmpty() && exchange.failure().isPresent();
        if (handshakeFailed) {
            out.append("The exchange failed: ").append(exchange.failure().get()).append("\n\n");
        }
        if (tls.isEmpty()) {
            out.append(handshakeFailed ? "No TLS session was established, and the server sent no certificate."
                    : exchange.connectionReused() ? "The request went over the kept-alive TLS connection."
                    : "No TLS details were recorded.");
            return out.toString();
        }
        TlsInfo info = tls.get();
        row(out, "Protocol", info.protocol().isEmpty() ? "(handshake did not finish)" : info.protocol());
        row(out, "Cipher suite", info.cipherSuite().isEmpty() ? "(unknown)" : info.cipherSuite());
        row(out, "Verification", info.insecure()
                ? "OFF: insecure TLS was on, the certificate was NOT checked; anyone could have answered"
                : handshakeFailed ? "failed (see above)" : "passed: the chain is trusted and matches the host name");
        if (exchange.connectionReused()) {
            row(out, "Connection", "kept-alive connection reused (no new handshake)");
        }
        int index = 1;
        for (CertSummary cert : info.chain()) {
            out.append('\n').append("Certificate ").append(index)
                    .append(index == 1 ? " (server)" : cert.selfSigned() ? " (root)" : " (issuer)").append('\n');
            row(out, "  Subject", cert.subject());
            row(out, "  Issuer", cert.issuer() + (cert.selfSigned() ? "  (self-signed)" : ""));
            row(out, "  Valid", DATE.format(cert.notBefore()) + " → " + DATE.format(cert.notAfter()) + "  ("
                    + validity(cert, now) + ")");
            row(out, "  SANs", cert.subjectAltNames().isEmpty() ? "(none)" : String.join(", ",
                    cert.subjectAltNames()));
            row(out, "  SHA-256", cert.sha256Fingerprint());
            index++;
        }
        if (info.chain().isEmpty()) {
            out.append("\nThe server sent no certificate chain.");
        }
        return out.toString().stripTrailing();
    }

    static String validity(CertSummary cert, Instant now) {
        if (now.isBefore(cert.notBefore())) {
            return "NOT YET VALID";
        }
        if (now.isAfter(cert.notAfter())) {
            return "EXPIRED";
        }
        return "valid now";
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("%-14s", label)).append(value).append('\n');
    }
}
