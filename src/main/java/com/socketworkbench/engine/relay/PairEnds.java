package com.socketworkbench.engine.relay;

import java.io.IOException;

/** What a pipe tells its pair: bytes went through, the stream ended, a write failed, a fault limit was hit. */
interface PairEnds {
    /** {@code data} was written in {@code direction} (one write, one event); owned by the callee from now on. */
    void forwarded(RelayDirection direction, byte[] data);

    /** Everything before the end of stream in {@code direction} is forwarded: pass the FIN on. */
    void endForwarded(RelayDirection direction);

    /**
     * Writing in {@code direction} failed. A TCP pair ends (the receiving side is gone); a UDP pair reports the lost
     * datagram and carries on.
     *
     * @return true when the pipe should carry on with the next chunk
     */
    boolean writeFailed(RelayDirection direction, IOException error);

    /** The drop-after-bytes fault of {@code direction} was reached. */
    void dropLimitReached(RelayDirection direction, long limit);

    /** A Notice for this pair. */
    void notice(String message);
}
