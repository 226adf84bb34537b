package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** A server accepted a client connection. */
public record ConnectionAccepted(Instant time, long connectionId, SocketAddress local, SocketAddress remote)
        implements NetEvent {
}
