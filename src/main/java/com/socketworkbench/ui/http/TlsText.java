package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.TlsInfo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The TLS side of an exchange in words: protocol, cipher, verification and the certificate chain. */
final class TlsText {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TlsText() {
    }

    static String describe(HttpExchange exchange, Instant now) {
        if (!exchange.target().isHttps()) {
            return TEXT.get("tls.plain");
        }
        Optional<TlsInfo> tls = exchange.tls();
        StringBuilder out = new StringBuilder();
        boolean handshakeFailed = exchange.response().isEmpty() && exchange.failure().isPresent();
        if (handshakeFailed) {
            out.append(TEXT.get("tls.failed", exchange.failure().get())).append("\n\n");
        }
        if (tls.isEmpty()) {
            out.append(TEXT.get(handshakeFailed ? "tls.noSession"
                    : exchange.connectionReused() ? "tls.reusedOnly" : "tls.noDetails"));
            return out.toString();
        }
        TlsInfo info = tls.get();
        row(out, TEXT.get("tls.protocol"), info.protocol().isEmpty() ? TEXT.get("tls.protocol.unfinished")
                : info.protocol());
        row(out, TEXT.get("tls.cipher"), info.cipherSuite().isEmpty() ? TEXT.get("tls.unknown") : info.cipherSuite());
        row(out, TEXT.get("tls.verification"), verification(info, handshakeFailed));
        if (exchange.connectionReused()) {
            row(out, TEXT.get("tls.connection"), TEXT.get("tls.connection.reused"));
        }
        int index = 1;
        for (CertSummary cert : info.chain()) {
            out.append('\n').append(TEXT.get(index == 1 ? "tls.cert.server" : cert.selfSigned() ? "tls.cert.root"
                    : "tls.cert.issuer", index)).append('\n');
            row(out, "  " + TEXT.get("tls.cert.subject"), cert.subject());
            row(out, "  " + TEXT.get("tls.cert.issuedBy"), cert.selfSigned()
                    ? TEXT.get("tls.cert.selfSigned", cert.issuer()) : cert.issuer());
            row(out, "  " + TEXT.get("tls.cert.valid"), DATE.format(cert.notBefore()) + " → "
                    + DATE.format(cert.notAfter()) + "  (" + validity(cert, now) + ")");
            row(out, "  " + TEXT.get("tls.cert.sans"), cert.subjectAltNames().isEmpty() ? TEXT.get("tls.none")
                    : String.join(", ", cert.subjectAltNames()));
            row(out, "  SHA-256", cert.sha256Fingerprint());
            index++;
        }
        if (info.chain().isEmpty()) {
            out.append('\n').append(TEXT.get("tls.noChain"));
        }
        return out.toString().stripTrailing();
    }

    /** Passed, failed or off; with the extra CA file named when the system's trust was not all there was. */
    private static String verification(TlsInfo info, boolean failed) {
        if (info.insecure()) {
            return TEXT.get("tls.verification.off");
        }
        String key = failed ? "tls.verification.failed" : "tls.verification.passed";
        return info.caFile() == null ? TEXT.get(key) : TEXT.get(key + ".caFile", info.caFile());
    }

    static String validity(CertSummary cert, Instant now) {
        if (now.isBefore(cert.notBefore())) {
            return TEXT.get("tls.validity.notYet");
        }
        if (now.isAfter(cert.notAfter())) {
            return TEXT.get("tls.validity.expired");
        }
        return TEXT.get("tls.validity.now");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("%-14s", label)).append(value).append('\n');
    }
}
