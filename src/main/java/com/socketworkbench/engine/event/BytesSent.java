package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/** Bytes were written to the socket (fully). {@code data} is owned by the event. */
public record BytesSent(Instant time, long connectionId, SocketAddress local, SocketAddress remote, byte[] data)
        implements DataEvent {

    @Override
    public boolean incoming() {
        return false;
    }
}
