package com.socketworkbench.engine.relay;

import java.time.Instant;

/**
 * A chunk the relay holds for the user (intercept on): one TCP read or one datagram, waiting for
 * {@link Relay#forward}, {@link Relay#drop} or the hold timeout.
 *
 * @param bytes a copy for the listener; changing it changes nothing, forward the edited bytes instead
 */
public record HeldChunk(long holdId, long pairId, RelayDirection direction, byte[] bytes, Instant heldAt) {
}
