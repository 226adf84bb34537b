package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.ui.tab.TabStatus;

/**
 * The HTTP tab's exact counters in its status bar: a request counts once any of its bytes went out, a response once
 * any byte came back; bytes are those on the wire.
 */
final class ExchangeCounters {
    private final TabStatus status;
    private long requestsSent;
    private long bytesSent;
    private long responsesReceived;
    private long bytesReceived;

    ExchangeCounters(TabStatus status) {
        this.status = status;
    }

    /** Counts one finished exchange and shows the totals. */
    void count(HttpExchange exchange) {
        long sent = Math.min(exchange.bytesSent(), exchange.request().length());
        long received = exchange.bytesReceived();
        if (sent > 0) {
            requestsSent++;
            bytesSent += sent;
        }
        if (received > 0) {
            responsesReceived++;
            bytesReceived += received;
        }
        status.setCounters(bytesReceived, bytesSent, responsesReceived, requestsSent);
    }
}
