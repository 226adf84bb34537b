package com.socketworkbench.engine.tcp;

/** How to end a TCP connection. */
public enum CloseMode {
    /** Sends what is queued, then FIN: the peer reads end of stream after the last byte. */
    GRACEFUL,
    /** Sends what is queued, then shuts down output only: the peer sees end of stream but may keep sending to us. */
    HALF_CLOSE,
    /** Closes at once with SO_LINGER 0: queued data is dropped and the peer sees a reset (RST). */
    ABORT
}
