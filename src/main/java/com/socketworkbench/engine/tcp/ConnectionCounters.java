package com.socketworkbench.engine.tcp;

import java.util.concurrent.atomic.LongAdder;

/** The exact traffic of one connection: bytes and messages (frames in, socket writes out) each way. */
final class ConnectionCounters {
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder messagesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
}
