package com.socketworkbench.engine.http;

import java.time.Duration;

/**
 * Progress of one exchange. Called on the exchange's own thread: implementations return quickly and hand over to the
 * UI thread themselves.
 */
public interface ExchangeListener {

    String RESOLVING = "Resolving host";
    String CONNECTING = "Connecting";
    String TLS_HANDSHAKE = "TLS handshake";
    String REUSING_CONNECTION = "Reusing the open connection";
    String SENDING = "Sending request";
    String WAITING = "Waiting for the response";
    String RECEIVING = "Receiving";
    String DONE = "Done";

    ExchangeListener NONE = new ExchangeListener() {
    };

    /** A phase (one of the constants above) starts, {@code at} after the exchange started. */
    default void onPhase(String phase, Duration at) {
    }

    /** Response bytes received so far (called after every socket read). */
    default void onBytes(long received) {
    }
}
