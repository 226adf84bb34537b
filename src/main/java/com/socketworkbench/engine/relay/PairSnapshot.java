package com.socketworkbench.engine.relay;

import java.net.SocketAddress;

/**
 * One pair as it was when {@link Relay#pairs()} was called. Byte and chunk counts are what was forwarded (after
 * edits, without dropped chunks).
 *
 * @param server the target server's address (resolved once connected)
 * @param state  the state in the user's language ("connecting", "open", "client half-closed", "closed", ...)
 */
public record PairSnapshot(long pairId, SocketAddress client, SocketAddress server, String state,
                           long bytesClientToServer, long bytesServerToClient, long chunksClientToServer,
                           long chunksServerToClient, boolean open) {
}
