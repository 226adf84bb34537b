package com.socketworkbench.engine.tcp;

/** What a connection does when its framer meets a frame larger than the framing's maximum. */
public enum OversizePolicy {
    /** Reports a Failure (LIMIT_EXCEEDED) and closes the connection (ConnectionClosed ERROR). The default. */
    DROP_CONNECTION,
    /**
     * Reports a Failure (LIMIT_EXCEEDED), drops the oversized frame and keeps reading: the framer resynchronises as
     * its mode allows (a length prefix skips the announced length, a delimiter skips past the next delimiter, an idle
     * gap skips to the next silence, a fixed size restarts at the next byte).
     */
    DISCARD
}
