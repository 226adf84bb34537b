package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.NetEvent;

/**
 * Exact totals of data events seen by a pump: every event is counted before the timeline trims anything, so the
 * numbers stay right under floods. Written and read on the FX thread only.
 */
public final class TrafficCounters {
    private long bytesIn;
    private long bytesOut;
    private long messagesIn;
    private long messagesOut;

    public void record(NetEvent event) {
        switch (event) {
            case BytesReceived received -> {
                messagesIn++;
                bytesIn += received.data().length;
            }
            case BytesSent sent -> {
                messagesOut++;
                bytesOut += sent.data().length;
            }
            default -> {
            }
        }
    }

    public void reset() {
        bytesIn = 0;
        bytesOut = 0;
        messagesIn = 0;
        messagesOut = 0;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public long messagesIn() {
        return messagesIn;
    }

    public long messagesOut() {
        return messagesOut;
    }
}
