package com.socketworkbench.ui.tab;

/**
 * A listening socket as a tab sees it (the TCP server's listener, the UDP tab's bound socket). STARTING and STOPPING
 * cover the engine work done off the FX thread. The UDP tab is also RUNNING when the engine bound a free port by
 * itself to send, since it receives replies like a started socket.
 */
public enum ListenerState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING
}
