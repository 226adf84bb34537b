package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.tls.TlsSessionDetails;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * The words of a TLS handshake in the timeline: the row's one line ("TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN h2,
 * verified") and, in the details under the timeline, the whole session with each certificate of the chain (subject,
 * issuer, validity, names, SHA-256 fingerprint) as plain text that can be selected and copied.
 */
public final class TlsEventText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final int LABEL_WIDTH = 16;

    private TlsEventText() {
    }

    /** The kind column's word. */
    public static String kind() {
        return TEXT.get("kind");
    }

    /** The row's one line: protocol, cipher suite, ALPN result, verified or not. */
    public static String summary(TlsSessionDetails details) {
        String alpn = details.alpn() == null || details.alpn().isEmpty() ? TEXT.get("row.alpn.none")
                : TEXT.get("row.alpn", details.alpn());
        return TEXT.get("row.summary", details.protocol(), details.cipherSuite(), alpn, verification(details));
    }

    /**
     * True when the peer's certificate was accepted without a check (insecure mode): the row is shown red. A peer
     * that presented no certificate (a client on a server without client authentication) is no warning.
     */
    public static boolean unverified(TlsSessionDetails details) {
        return !details.verified() && !details.peerChain().isEmpty();
    }

    private static String verification(TlsSessionDetails details) {
        if (details.peerChain().isEmpty()) {
            return TEXT.get("row.no.peer.cert");
        }
        return TEXT.get(details.verified() ? "row.verified" : "row.not.verified");
    }

    /** "CN=localhost · DNS:localhost, IP:127.0.0.1 · valid until 2027-12-03": a certificate in one line. */
    public static String oneLine(CertSummary cert) {
        String names = cert.subjectAltNames().isEmpty() ? TEXT.get("details.none")
                : String.join(", ", cert.subjectAltNames());
        return TEXT.get("generated.info", cert.subject(), names, DAY.format(cert.notAfter()));
    }

    /** The whole session for the details pane, at {@code now} (for "valid now" / "EXPIRED"). */
    public static String details(TlsSessionDetails details, Instant now) {
        // No title: the inspector's bar already says what the row is.
        StringBuilder out = new StringBuilder();
        row(out, TEXT.get("details.protocol"), details.protocol());
        row(out, TEXT.get("details.cipher"), details.cipherSuite());
        row(out, TEXT.get("details.alpn"), details.alpn() == null || details.alpn().isEmpty()
                ? TEXT.get("details.alpn.none") : details.alpn());
        if (!details.requestedServerName().isEmpty()) {
            row(out, TEXT.get("details.sni"), details.requestedServerName());
        }
        row(out, TEXT.get("details.verification"), TEXT.get(details.peerChain().isEmpty() ? "details.no.peer"
                : details.verified() ? "details.verified" : "details.not.verified"));
        chain(out, "details.peer.cert", details.peerChain(), now);
        chain(out, "details.local.cert", details.localChain(), now);
        return out.toString().stripTrailing();
    }

    /** Each certificate under its heading ("Peer certificate 1"), leaf first. */
    private static void chain(StringBuilder out, String headingKey, List<CertSummary> chain, Instant now) {
        int index = 1;
        for (CertSummary cert : chain) {
            out.append('\n').append(TEXT.get(headingKey, index++)).append('\n');
            row(out, "  " + TEXT.get("details.cert.subject"), cert.subject());
            row(out, "  " + TEXT.get("details.cert.issuer"), cert.selfSigned()
                    ? TEXT.get("details.cert.self.signed", cert.issuer()) : cert.issuer());
            row(out, "  " + TEXT.get("details.cert.valid"), DATE.format(cert.notBefore()) + " → "
                    + DATE.format(cert.notAfter()) + "  (" + validity(cert, now) + ")");
            row(out, "  " + TEXT.get("details.cert.sans"), cert.subjectAltNames().isEmpty()
                    ? TEXT.get("details.none") : String.join(", ", cert.subjectAltNames()));
            row(out, "  SHA-256", cert.sha256Fingerprint());
        }
    }

    static String validity(CertSummary cert, Instant now) {
        if (now.isBefore(cert.notBefore())) {
            return TEXT.get("details.validity.not.yet");
        }
        return TEXT.get(now.isAfter(cert.notAfter()) ? "details.validity.expired" : "details.validity.now");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(label);
        // Pads by characters: a Chinese label is wider on screen, but the values still start in one column per
        // language, which is what keeps a chain readable.
        out.append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length()))).append(value).append('\n');
    }
}
