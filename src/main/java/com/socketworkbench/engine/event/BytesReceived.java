package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * Bytes arrived: one TCP read, one assembled frame, or one UDP datagram; or, marked {@code incomplete}, the bytes a
 * framing still holds when the line fell silent (a prompt such as {@code Password: } that never gets its delimiter).
 *
 * @param data       the bytes, copied out of the read buffer; owned by the event, never mutated afterwards
 * @param reads      how many socket reads contributed (1 for a raw read or a datagram; more when framing joined reads)
 * @param truncated  true when the payload was cut by a limit (e.g. a datagram larger than the receive buffer)
 * @param incomplete true for a provisional view of an unfinished frame: not a message, not counted; the frame they
 *                   start is reported again, whole, when its end arrives
 */
public record BytesReceived(Instant time, long connectionId, SocketAddress local, SocketAddress remote,
                            byte[] data, int reads, boolean truncated, boolean incomplete) implements DataEvent {

    public BytesReceived(Instant time, long connectionId, SocketAddress local, SocketAddress remote, byte[] data,
                         int reads, boolean truncated) {
        this(time, connectionId, local, remote, data, reads, truncated, false);
    }

    public BytesReceived(Instant time, long connectionId, SocketAddress local, SocketAddress remote, byte[] data) {
        this(time, connectionId, local, remote, data, 1, false, false);
    }

    @Override
    public boolean incoming() {
        return true;
    }
}
