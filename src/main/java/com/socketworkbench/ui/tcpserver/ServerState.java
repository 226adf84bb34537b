package com.socketworkbench.ui.tcpserver;

/** The listener's life as the UI sees it; STARTING and STOPPING cover the engine work done off the FX thread. */
public enum ServerState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING
}
