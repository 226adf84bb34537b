package com.socketworkbench.engine.relay;

/** Which way bytes go through a relay pair. */
public enum RelayDirection {
    /** From the client that connected to the relay, toward the target server. */
    CLIENT_TO_SERVER,
    /** From the target server back to the client. */
    SERVER_TO_CLIENT
}
