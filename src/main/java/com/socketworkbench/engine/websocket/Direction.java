package com.socketworkbench.engine.websocket;

/** Which way a frame went. */
public enum Direction {
    /** Client to server: sent by this tab. */
    OUT,
    /** Server to client: received. */
    IN
}
