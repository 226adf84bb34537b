package com.socketworkbench.ui.fx;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;

/**
 * Exact totals of data events seen by a pump: every event is counted as it is drained, before the timeline holds or
 * trims anything, so the numbers stay right under floods. Written and read on the FX thread only.
 */
public final class TrafficCounters {
    private long bytesIn;
    private long bytesOut;
    private long messagesIn;
    private long messagesOut;

    public void record(NetEvent event) {
        if (event instanceof DataEvent data && !data.incomplete()) { // a provisional view is no message
            if (data.incoming()) {
                messagesIn++;
                bytesIn += data.data().length;
            } else {
                messagesOut++;
                bytesOut += data.data().length;
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
