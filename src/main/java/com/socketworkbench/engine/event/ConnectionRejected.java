package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** A server refused a connection it had accepted at the socket level, e.g. because the maximum was reached. */
public record ConnectionRejected(Instant time, long connectionId, SocketAddress local, SocketAddress remote,
                                 String reason) implements NetEvent {
}
