package com.socketworkbench.engine.repeat;

import java.util.concurrent.CompletableFuture;

/**
 * Where a periodic send or a file send hands its bytes: the tab's send path (a client's connection, a server's
 * selected client or all of them, a UDP target). The future completes when the bytes were written and fails when
 * they could not be (the connection is gone, the queue is full); the caller waits for it, which is its back-pressure.
 */
@FunctionalInterface
public interface SendSink {
    CompletableFuture<?> send(byte[] payload);
}
