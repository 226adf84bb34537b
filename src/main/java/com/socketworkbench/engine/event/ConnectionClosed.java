package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** A connection ended; {@code detail} may add context ("after 3 s idle", the exception message) or be empty. */
public record ConnectionClosed(Instant time, long connectionId, SocketAddress local, SocketAddress remote,
                               CloseReason reason, String detail) implements NetEvent {
}
