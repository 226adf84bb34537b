package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.CloseReason;

/**
 * How a synthesized TCP connection ends, read from the ConnectionClosed event: which side closes, and with a FIN
 * exchange or a reset.
 */
enum TcpEnding {
    LOCAL_FIN(true, false),
    REMOTE_FIN(false, false),
    LOCAL_RST(true, true),
    REMOTE_RST(false, true);

    /** The detail the engine gives a close that sent RST (an abort, or a graceful close with SO_LINGER 0). */
    private static final String RESET_SENT = "RST sent";

    final boolean byLocal;
    final boolean reset;

    TcpEnding(boolean byLocal, boolean reset) {
        this.byLocal = byLocal;
        this.reset = reset;
    }

    /**
     * PEER_CLOSED: the peer's FIN first. RESET: the peer's RST. LOCAL_CLOSE, TIMEOUT, LISTENER_STOPPED: our FIN
     * first, or our RST when the engine's detail says it sent one. ERROR: our RST, as the connection ended abnormally
     * on our side.
     */
    static TcpEnding of(CloseReason reason, String detail) {
        return switch (reason) {
            case PEER_CLOSED -> REMOTE_FIN;
            case RESET -> REMOTE_RST;
            case ERROR -> LOCAL_RST;
            case LOCAL_CLOSE, TIMEOUT, LISTENER_STOPPED ->
                    detail != null && detail.startsWith(RESET_SENT) ? LOCAL_RST : LOCAL_FIN;
        };
    }
}
