package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.http.TlsSupport;
import com.socketworkbench.engine.text.DurationText;

import java.io.EOFException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;

/** Why a TLS handshake (or a TLS connection) failed, in words a user can act on. */
public final class TlsFailures {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private TlsFailures() {
    }

    /**
     * @param host the host this side connected to (certificate name checks), or null on the server side: the peer is
     *             then a client
     */
    public static String explain(Throwable failure, String host) {
        return explain(failure, host, null);
    }

    /**
     * As {@link #explain(Throwable, String)}, with what {@code socket}'s handshake showed before it failed: a server
     * that asked for a client certificate this client does not have, or that sent its certificate and then hung up
     * (so it does speak TLS).
     *
     * @param socket the socket whose handshake failed; null when unknown
     */
    public static String explain(Throwable failure, String host, SSLSocket socket) {
        boolean server = host == null;
        RejectedCertificateException rejected = find(failure, RejectedCertificateException.class);
        if (rejected != null) {
            return server ? clientCertificate(rejected)
                    : TlsSupport.explainCertificate(rejected.reason(), rejected.chain(), host);
        }
        TlsHandshakeTimeoutException timeout = find(failure, TlsHandshakeTimeoutException.class);
        if (timeout != null) {
            return TlsText.TEXT.get(server ? "failure.timeout.server" : "failure.timeout.client",
                    DurationText.of(timeout.timeout()));
        }
        String message = messages(failure);
        String lower = message.toLowerCase(Locale.ROOT);
        boolean closed = find(failure, EOFException.class) != null || lower.contains("remote host terminated")
                || lower.contains("connection reset") || lower.contains("broken pipe");
        // Only a client without a certificate has the key manager that notes the request. Over TLS 1.2 a server
        // that requires one answers the empty Certificate with handshake_failure, or closes with our flight unread
        // (a reset here): both read as something else without the note.
        if (!server && HandshakeTrace.askedForCertificate(socket) && (closed || lower.contains("handshake_failure")
                || lower.contains("certificate_required") || lower.contains("bad_certificate")
                || lower.contains("certificate_unknown") || lower.contains("access_denied"))) {
            return TlsText.TEXT.get("failure.clientCertificate.asked");
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return TlsText.TEXT.get(server ? "failure.plaintext.client" : "failure.plaintext.server");
        }
        if (lower.contains("unexpected handshake message: client_hello")) {
            return TlsText.TEXT.get("failure.echoedHello");
        }
        if (lower.contains("empty client certificate chain") || lower.contains("null cert chain")) {
            return TlsText.TEXT.get("failure.clientCertificate.missing");
        }
        if (lower.contains("certificate_required")) {
            return TlsText.TEXT.get("failure.clientCertificate.required");
        }
        if (lower.contains("bad_certificate") || lower.contains("certificate_unknown")
                || lower.contains("unknown_ca") || lower.contains("certificate_expired")) {
            return TlsText.TEXT.get(server ? "failure.peerRejected.server" : "failure.peerRejected.client",
                    message);
        }
        if (lower.contains("protocol_version") || lower.contains("protocol is disabled")
                || lower.contains("no appropriate protocol") || lower.contains("not enabled or supported")) {
            return TlsText.TEXT.get("failure.version", message);
        }
        if (lower.contains("no_application_protocol")) {
            return TlsText.TEXT.get("failure.alpn", message);
        }
        if (lower.contains("handshake_failure") || lower.contains("insufficient_security")
                || lower.contains("no cipher suites in common")) {
            return TlsText.TEXT.get("failure.cipher", message);
        }
        if (lower.contains("unrecognized_name")) {
            return TlsText.TEXT.get("failure.unrecognizedName", server ? "" : host);
        }
        if (closed) {
            // A peer that sent its certificate speaks TLS: it refused something later, not our hello.
            if (HandshakeTrace.chain(socket).length > 0) {
                return TlsText.TEXT.get(server ? "failure.closed.client.afterCertificate"
                        : "failure.closed.server.afterCertificate");
            }
            return TlsText.TEXT.get(server ? "failure.closed.client" : "failure.closed.server");
        }
        return TlsText.TEXT.get("failure.other", message);
    }

    /**
     * Why this server refused a client's certificate, sorted as the client side sorts a server's
     * ({@link TlsSupport#problemOf}) and worded for the client's: expired on which day, not yet valid, not signed by
     * the client CA chosen (named by its subjects); anything else in the JDK's words.
     */
    private static String clientCertificate(RejectedCertificateException rejected) {
        X509Certificate[] chain = rejected.chain();
        String subject = chain.length == 0 ? "?" : CertSummary.of(chain[0]).subject();
        return switch (TlsSupport.problemOf(rejected.reason())) {
            case EXPIRED -> {
                int i = TlsSupport.firstExpired(chain, Instant.now());
                yield i < 0 ? TlsText.TEXT.get("failure.clientCertificate.chainExpired.some")
                        : TlsText.TEXT.get(i == 0 ? "failure.clientCertificate.expired"
                                : "failure.clientCertificate.chainExpired", CertSummary.of(chain[i]).subject(),
                        DAY.format(chain[i].getNotAfter().toInstant()));
            }
            case NOT_YET_VALID -> chain.length == 0
                    ? TlsText.TEXT.get("failure.clientCertificate.rejected", rejected.reason().getMessage())
                    : TlsText.TEXT.get("failure.clientCertificate.notYetValid", subject,
                    DAY.format(chain[0].getNotBefore().toInstant()));
            case UNTRUSTED -> {
                String cas = Arrays.stream(rejected.trusted()).map(ca -> CertSummary.of(ca).subject()).distinct()
                        .limit(3).reduce((a, b) -> a + "; " + b)
                        .orElse(TlsText.TEXT.get("failure.clientCertificate.untrusted.anyCa"));
                yield TlsText.TEXT.get("failure.clientCertificate.untrusted", subject,
                        chain.length == 0 ? "?" : CertSummary.of(chain[chain.length - 1]).issuer(), cas);
            }
            case OTHER -> TlsText.TEXT.get("failure.clientCertificate.rejected", rejected.reason().getMessage());
        };
    }

    /**
     * Why a client's TLS connection ended right after its handshake, before anything arrived, when that says more
     * than the JDK's "Connection or outbound has closed" or a reset: a TLS 1.3 server refuses a missing client
     * certificate only after the handshake, and a write racing the read of its alert fails on the closed connection
     * (or makes the server reset it), so the alert's explanation is never read. Null when nothing better is known.
     */
    public static String explainEarlyClose(Throwable failure, String host, SSLSocket socket) {
        String lower = messages(failure).toLowerCase(Locale.ROOT);
        boolean closed = lower.contains("outbound has closed") || lower.contains("connection reset")
                || lower.contains("broken pipe");
        return host != null && closed && HandshakeTrace.askedForCertificate(socket)
                ? TlsText.TEXT.get("failure.clientCertificate.asked") : null;
    }

    /**
     * The certificates the peer presented in a handshake that failed, leaf first, as the trust manager saw them
     * before it decided (so an expired, untrusted or wrong-host chain too); empty when the handshake failed before
     * the peer sent any.
     *
     * @param socket the socket whose handshake failed; null when unknown (the chain of a rejection is still found)
     */
    public static List<CertSummary> presentedChain(Throwable failure, SSLSocket socket) {
        X509Certificate[] chain = HandshakeTrace.chain(socket);
        if (chain.length == 0) {
            RejectedCertificateException rejected = find(failure, RejectedCertificateException.class);
            chain = rejected == null ? chain : rejected.chain();
        }
        return Arrays.stream(chain).map(CertSummary::of).toList();
    }

    /**
     * One line per certificate, for a timeline row: "Server certificate 1 of 2: CN=x · issued by CN=y · valid
     * 2024-01-01 to 2024-12-31 (EXPIRED) · DNS:x · SHA-256 AB:CD:...".
     *
     * @param ofServer true when the certificates are the server's (this side is the client)
     * @param now      for "expired" and "not yet valid"
     */
    public static List<String> chainLines(List<CertSummary> chain, boolean ofServer, Instant now) {
        List<String> lines = new ArrayList<>();
        int index = 1;
        for (CertSummary cert : chain) {
            String state = now.isBefore(cert.notBefore()) ? TlsText.TEXT.get("chain.notYetValid")
                    : now.isAfter(cert.notAfter()) ? TlsText.TEXT.get("chain.expired") : "";
            String names = cert.subjectAltNames().isEmpty() ? TlsText.TEXT.get("chain.noNames")
                    : String.join(", ", cert.subjectAltNames());
            lines.add(TlsText.TEXT.get(ofServer ? "chain.server" : "chain.client", index++, chain.size(),
                    cert.subject(), cert.issuer(), DAY.format(cert.notBefore()), DAY.format(cert.notAfter()), state,
                    names, cert.sha256Fingerprint()));
        }
        return lines;
    }

    /** The messages of the failure and its causes, joined: the JDK puts the telling words at different depths. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                if (!all.isEmpty()) {
                    all.append(": ");
                }
                all.append(t.getMessage());
            }
        }
        return all.isEmpty() ? failure.getClass().getSimpleName() : all.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
