package com.socketworkbench.engine.tcp;

import java.net.SocketAddress;
import java.time.Instant;

/** A snapshot of one live connection with its exact counters (bytes and messages, in and out). */
public record ConnectionInfo(long id, SocketAddress local, SocketAddress remote, Instant since, long bytesIn,
                             long bytesOut, long messagesIn, long messagesOut) {
}
