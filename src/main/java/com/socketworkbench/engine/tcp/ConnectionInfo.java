package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.tls.TlsSessionDetails;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * A snapshot of one live connection with its exact counters (bytes and messages, in and out).
 *
 * @param pendingBytes bytes received that do not form a complete frame yet (what the framer holds after the last
 *                     read); the bytes themselves: {@link TcpServer#pending(long)}
 * @param tls          what the TLS handshake agreed on; null for a plain connection or before the handshake is done
 */
public record ConnectionInfo(long id, SocketAddress local, SocketAddress remote, Instant since, long bytesIn,
                             long bytesOut, long messagesIn, long messagesOut, int pendingBytes,
                             TlsSessionDetails tls) {

    /** A plain connection. */
    public ConnectionInfo(long id, SocketAddress local, SocketAddress remote, Instant since, long bytesIn,
                          long bytesOut, long messagesIn, long messagesOut, int pendingBytes) {
        this(id, local, remote, since, bytesIn, bytesOut, messagesIn, messagesOut, pendingBytes, null);
    }

    /** Without pending bytes (0). */
    public ConnectionInfo(long id, SocketAddress local, SocketAddress remote, Instant since, long bytesIn,
                          long bytesOut, long messagesIn, long messagesOut) {
        this(id, local, remote, since, bytesIn, bytesOut, messagesIn, messagesOut, 0);
    }
}
