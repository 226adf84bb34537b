package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * Bytes arrived: one TCP read, one assembled frame, or one UDP datagram.
 *
 * @param data      the bytes, copied out of the read buffer; owned by the event, never mutated afterwards
 * @param reads     how many socket reads contributed (1 for a raw read or a datagram; more when framing joined reads)
 * @param truncated true when the payload was cut by a limit (e.g. a datagram larger than the receive buffer)
 */
public record BytesReceived(Instant time, long connectionId, SocketAddress local, SocketAddress remote,
                            byte[] data, int reads, boolean truncated) implements DataEvent {

    public BytesReceived(Instant time, long connectionId, SocketAddress local, SocketAddress remote, byte[] data) {
        this(time, connectionId, local, remote, data, 1, false);
    }

    @Override
    public boolean incoming() {
        return true;
    }
}
