package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * Something went wrong. {@code message} is written for a user ("Connection refused: nothing is listening on
 * 127.0.0.1:9"), {@code technicalDetail} keeps the underlying exception text for the curious; never a stack trace.
 */
public record Failure(Instant time, long connectionId, SocketAddress local, SocketAddress remote, FailureKind kind,
                      String message, String technicalDetail) implements NetEvent {
}
