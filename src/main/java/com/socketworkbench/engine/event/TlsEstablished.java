package com.socketworkbench.engine.event;

import com.socketworkbench.engine.tls.TlsSessionDetails;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * A TLS handshake finished (client or server side): what was agreed on and the certificates. Comes after the
 * connection's ConnectionOpened/ConnectionAccepted and before any of its BytesReceived. Carries no bytes.
 */
public record TlsEstablished(Instant time, long connectionId, SocketAddress local, SocketAddress remote,
                             TlsSessionDetails details) implements NetEvent {
}
