package com.socketworkbench.engine.relay;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a pipe writes: a TCP socket (all of the buffer) or a datagram destination (one datagram). */
interface Outlet {
    void write(ByteBuffer data) throws IOException;

    /** True for datagrams: a write is a message, so bandwidth pacing must not cut it. */
    boolean keepsBoundaries();
}
