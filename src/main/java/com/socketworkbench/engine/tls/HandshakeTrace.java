package com.socketworkbench.engine.tls;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What a socket's handshake showed on the way, for explaining a handshake that then failed: the certificates the
 * peer presented (recorded before the trust manager decides, so a rejected chain is kept too) and whether the server
 * asked for a client certificate. The JDK's exception carries neither.
 *
 * <p>Keyed by the {@code SSLSocket} (or {@code SSLEngine}) the JDK hands to the trust and key managers; the
 * contexts are shared by many connections, so the record cannot live in them. Weak keys: a socket nobody holds any
 * more takes its record with it.
 */
final class HandshakeTrace {
    private static final Map<Object, Seen> SEEN = Collections.synchronizedMap(new WeakHashMap<>());

    /** One socket's record; written by its handshake thread, read after the handshake failed. */
    private static final class Seen {
        private volatile X509Certificate[] chain = new X509Certificate[0];
        private volatile boolean askedForCertificate;
    }

    private HandshakeTrace() {
    }

    static void presented(Object socket, X509Certificate[] chain) {
        if (socket != null && chain != null) {
            SEEN.computeIfAbsent(socket, s -> new Seen()).chain = chain.clone();
        }
    }

    static void noteAskedForCertificate(Object socket) {
        if (socket != null) {
            SEEN.computeIfAbsent(socket, s -> new Seen()).askedForCertificate = true;
        }
    }

    /** The peer's chain as presented, leaf first; empty when none was seen. */
    static X509Certificate[] chain(Object socket) {
        Seen seen = socket == null ? null : SEEN.get(socket);
        return seen == null ? new X509Certificate[0] : seen.chain.clone();
    }

    /** True when the server asked this client for a certificate (it sent a CertificateRequest). */
    static boolean askedForCertificate(Object socket) {
        Seen seen = socket == null ? null : SEEN.get(socket);
        return seen != null && seen.askedForCertificate;
    }
}
