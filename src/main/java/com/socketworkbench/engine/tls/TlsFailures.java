package com.socketworkbench.engine.tls;

import com.socketworkbench.engine.http.TlsSupport;
import com.socketworkbench.engine.text.DurationText;

import java.io.EOFException;
import java.util.Locale;

/** Why a TLS handshake (or a TLS connection) failed, in words a user can act on. */
public final class TlsFailures {
    private TlsFailures() {
    }

    /**
     * @param host the host this side connected to (certificate name checks), or null on the server side: the peer is
     *             then a client
     */
    public static String explain(Throwable failure, String host) {
        boolean server = host == null;
        RejectedCertificateException rejected = find(failure, RejectedCertificateException.class);
        if (rejected != null) {
            // The certificate explanations speak of the server's certificate: on the server side the JDK's words.
            return server ? TlsText.TEXT.get("failure.clientCertificate.rejected", rejected.reason().getMessage())
                    : TlsSupport.explainCertificate(rejected.reason(), rejected.chain(), host);
        }
        TlsHandshakeTimeoutException timeout = find(failure, TlsHandshakeTimeoutException.class);
        if (timeout != null) {
            return TlsText.TEXT.get(server ? "failure.timeout.server" : "failure.timeout.client",
                    DurationText.of(timeout.timeout()));
        }
        String message = messages(failure);
        String lower = message.toLowerCase(Locale.ROOT);
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
        if (find(failure, EOFException.class) != null || lower.contains("remote host terminated")
                || lower.contains("connection reset") || lower.contains("broken pipe")) {
            return TlsText.TEXT.get(server ? "failure.closed.client" : "failure.closed.server");
        }
        return TlsText.TEXT.get("failure.other", message);
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
