package com.socketworkbench.engine.relay;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sizes of a relay's read buffers. Each direction of a pair starts small (a thousand idle pairs hold little) and
 * doubles its buffer each time a read fills it, up to {@link #MAX_BYTES}: on loopback a bulk transfer then reads
 * 2–3 MiB per call, and each read and write the relay saves is kernel work the sender and the sink do not have to
 * wait for (docs/relay.md, Performance). What the buffers grow beyond their first size is shared by the whole relay
 * and bounded by {@link #BUDGET_BYTES}, so many bulk pairs at once keep the smaller buffers they have instead of
 * claiming gigabytes of direct memory.
 */
final class ReadBuffers {
    static final int FIRST_BYTES = 16 * 1024;
    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final long BUDGET_BYTES = 64L * 1024 * 1024;

    private final AtomicLong grown = new AtomicLong();

    ByteBuffer first(RelaySocket side) {
        return side.buffer(FIRST_BYTES);
    }

    /** Twice {@code current}'s size when it is under the largest and the relay's budget allows it; else {@code current}. */
    ByteBuffer grow(RelaySocket side, ByteBuffer current) {
        int size = current.capacity();
        if (size >= MAX_BYTES) {
            return current;
        }
        if (grown.addAndGet(size) > BUDGET_BYTES) {
            grown.addAndGet(-size);
            return current;
        }
        return side.buffer(size * 2);
    }

    /** The reader of one direction ended: what its buffer had grown goes back to the budget. */
    void release(ByteBuffer last) {
        grown.addAndGet(-(last.capacity() - FIRST_BYTES));
    }

    /** Bytes the relay's buffers have grown beyond their first size, all directions together. */
    long grownBytes() {
        return grown.get();
    }
}
