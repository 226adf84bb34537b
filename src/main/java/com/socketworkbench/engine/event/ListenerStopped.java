package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** The listener is closed; {@code reason} says why in user words ("stopped by user", "bind failed", ...). */
public record ListenerStopped(Instant time, long connectionId, SocketAddress local, SocketAddress remote,
                              String reason) implements NetEvent {
}
