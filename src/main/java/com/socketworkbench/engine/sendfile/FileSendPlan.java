package com.socketworkbench.engine.sendfile;

import com.socketworkbench.engine.text.Texts;

/**
 * How a file is cut and paced.
 *
 * @param chunkBytes     bytes per send: a TCP write (the stream has no boundaries anyway) or one UDP datagram
 * @param bytesPerSecond a rate limit, 0 for none
 * @param window         sends in flight at once (queued, not yet written); the sender waits for the oldest before it
 *                       reads more, so the engine's send queue holds at most {@code window × chunkBytes}
 * @throws IllegalArgumentException with a message fit for the user
 */
public record FileSendPlan(int chunkBytes, long bytesPerSecond, int window) {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.sendfile.sendfile");
    /** TCP: large enough to keep loopback busy, small enough that few of them hold little memory. */
    public static final int STREAM_CHUNK = 64 * 1024;
    public static final int STREAM_WINDOW = 4;
    public static final int DATAGRAM_WINDOW = 8;
    /** The largest UDP payload over IPv4. */
    public static final int MAX_DATAGRAM = 65_507;

    public FileSendPlan {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException(TEXT.get("plan.chunk", chunkBytes));
        }
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException(TEXT.get("plan.rate"));
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
    }

    /** For a stream (TCP, local sockets): 64 KiB writes, four in flight. */
    public static FileSendPlan stream(long bytesPerSecond) {
        return new FileSendPlan(STREAM_CHUNK, bytesPerSecond, STREAM_WINDOW);
    }

    /** For UDP: one datagram of {@code size} bytes (1..{@value #MAX_DATAGRAM}) per chunk, the last one shorter. */
    public static FileSendPlan datagrams(int size, long bytesPerSecond) {
        if (size < 1 || size > MAX_DATAGRAM) {
            throw new IllegalArgumentException(TEXT.get("plan.datagram", MAX_DATAGRAM));
        }
        return new FileSendPlan(size, bytesPerSecond, DATAGRAM_WINDOW);
    }
}
