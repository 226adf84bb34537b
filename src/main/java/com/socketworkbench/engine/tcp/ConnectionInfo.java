package com.socketworkbench.engine.tcp;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * A snapshot of one live connection with its exact counters (bytes and messages, in and out).
 *
 * @param pendingBytes bytes received that do not form a complete frame yet (what the framer holds after the last
 *                     read); the bytes themselves: {@link TcpServer#pending(long)}
 */
public record ConnectionInfo(long id, SocketAddress local, SocketAddress remote, Instant since, long bytesIn,
                             long bytesOut, long messagesIn, long messagesOut, int pendingBytes) {

    /** Without pending bytes (0). */
    public ConnectionInfo(long id, SocketAddress local, SocketAddress remote, Instant since, long bytesIn,
                          long bytesOut, long messagesIn, long messagesOut) {
        this(id, local, remote, since, bytesIn, bytesOut, messagesIn, messagesOut, 0);
    }
}
