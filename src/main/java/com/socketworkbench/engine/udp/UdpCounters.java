package com.socketworkbench.engine.udp;

import java.util.concurrent.atomic.LongAdder;

/** The exact datagram and byte counts of one {@link UdpEndpoint}, kept across stop and start. */
final class UdpCounters {
    private final LongAdder datagramsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder datagramsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder truncatedIn = new LongAdder();

    void received(int bytes, boolean truncated) {
        datagramsIn.increment();
        bytesIn.add(bytes);
        if (truncated) {
            truncatedIn.increment();
        }
    }

    void sent(int bytes) {
        datagramsOut.increment();
        bytesOut.add(bytes);
    }

    long datagramsIn() {
        return datagramsIn.sum();
    }

    long bytesIn() {
        return bytesIn.sum();
    }

    long datagramsOut() {
        return datagramsOut.sum();
    }

    long bytesOut() {
        return bytesOut.sum();
    }

    long truncatedIn() {
        return truncatedIn.sum();
    }
}
