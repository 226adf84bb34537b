package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.tcp.CloseMode;

/** A client and its way to the target: a TCP connection pair, or one UDP client address and its upstream socket. */
interface RelayPair {
    long id();

    PairSnapshot snapshot();

    /** Both directions' pipes, for a changed hold timeout; either may be null before the pair is connected. */
    Pipe pipe(RelayDirection direction);

    /** Ends the pair from the API: {@code side} as {@code mode} says, the other side gracefully. */
    void close(RelaySide side, CloseMode mode);

    /** Ends the pair because the relay stops. */
    void stop();
}
