package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * Something went wrong: the one report of a failed operation (see the package documentation for the contract).
 * {@code message} is written for a user ("Connection refused: nothing is listening on 127.0.0.1:9"),
 * {@code technicalDetail} keeps the underlying exception text for the curious; never a stack trace.
 *
 * @param operation what failed, for a UI that reacts to one operation's failures
 */
public record Failure(Instant time, long connectionId, SocketAddress local, SocketAddress remote, Operation operation,
                      FailureKind kind, String message, String technicalDetail) implements NetEvent {

    /**
     * An operation refused for an argument the engine rejected before any socket was involved, such as settings
     * that make no valid config: INVALID_INPUT, no addresses, no technical detail.
     */
    public static Failure rejected(long connectionId, Operation operation, String message) {
        return new Failure(Instant.now(), connectionId, null, null, operation, FailureKind.INVALID_INPUT, message, "");
    }
}
