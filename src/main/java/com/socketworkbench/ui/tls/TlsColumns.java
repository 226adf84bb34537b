package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.tls.TlsSessionDetails;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/** A TLS server's clients table columns: what each shows of a client's session, its header and width. */
public enum TlsColumns {
    PROTOCOL("column.tls", 64),
    CIPHER("column.cipher", 180),
    ALPN("column.alpn", 64),
    SNI("column.sni", 120),
    CLIENT_CERTIFICATE("column.client.cert", 140);

    private final String key;
    private final double width;

    TlsColumns(String key, double width) {
        this.key = key;
        this.width = width;
    }

    /** The cell's text for {@code session}; empty before the handshake (null). */
    public String text(TlsSessionDetails session) {
        if (session == null) {
            return "";
        }
        return switch (this) {
            case PROTOCOL -> session.protocol();
            case CIPHER -> session.cipherSuite();
            case ALPN -> session.alpn().isEmpty() ? TEXT.get("none") : session.alpn();
            case SNI -> session.requestedServerName().isEmpty() ? TEXT.get("none") : session.requestedServerName();
            case CLIENT_CERTIFICATE -> session.peerChain().isEmpty() ? TEXT.get("none")
                    : subjectOf(session.peerChain().getFirst());
        };
    }

    private static String subjectOf(CertSummary cert) {
        return cert.subject();
    }

    public String title() {
        return TEXT.get(key);
    }

    public String tooltip() {
        return TEXT.get(key + ".tooltip");
    }

    public double width() {
        return width;
    }

    /** The column's id in the clients table, for lookups and tests ("tlsColAlpn"). */
    public String columnId() {
        return switch (this) {
            case PROTOCOL -> "tlsColProtocol";
            case CIPHER -> "tlsColCipher";
            case ALPN -> "tlsColAlpn";
            case SNI -> "tlsColSni";
            case CLIENT_CERTIFICATE -> "tlsColClientCert";
        };
    }
}
