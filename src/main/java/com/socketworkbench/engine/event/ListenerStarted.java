package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** A server socket (or UDP socket) is bound and ready; {@code local} carries the actual port (port 0 resolved). */
public record ListenerStarted(Instant time, long connectionId, SocketAddress local, SocketAddress remote,
                              String transport) implements NetEvent {
}
