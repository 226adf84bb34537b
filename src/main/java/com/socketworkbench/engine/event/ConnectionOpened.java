package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** An outgoing connection completed (the client side of {@link ConnectionAccepted}). */
public record ConnectionOpened(Instant time, long connectionId, SocketAddress local, SocketAddress remote)
        implements NetEvent {
}
