package com.socketworkbench.engine.relay;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes and chunks forwarded each way; written by the thread forwarding that direction, read for snapshots. */
final class PairCounters {
    private final AtomicLong bytesClientToServer = new AtomicLong();
    private final AtomicLong bytesServerToClient = new AtomicLong();
    private final AtomicLong chunksClientToServer = new AtomicLong();
    private final AtomicLong chunksServerToClient = new AtomicLong();

    void add(RelayDirection direction, int bytes) {
        if (direction == RelayDirection.CLIENT_TO_SERVER) {
            bytesClientToServer.addAndGet(bytes);
            chunksClientToServer.incrementAndGet();
        } else {
            bytesServerToClient.addAndGet(bytes);
            chunksServerToClient.incrementAndGet();
        }
    }

    PairSnapshot snapshot(long pairId, java.net.SocketAddress client, java.net.SocketAddress server, String state,
                          boolean open) {
        return new PairSnapshot(pairId, client, server, state, bytesClientToServer.get(), bytesServerToClient.get(),
                chunksClientToServer.get(), chunksServerToClient.get(), open);
    }
}
