package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** Informational event worth a timeline row ("bound ephemeral port 40123 for sending", "echo on"). */
public record Notice(Instant time, long connectionId, SocketAddress local, SocketAddress remote, String message)
        implements NetEvent {
}
