package com.socketworkbench.ui.udp;

/**
 * The UDP socket as the UI sees it. RUNNING also covers a socket the engine bound by itself to send (a free port),
 * since it receives replies like a started one; STARTING and STOPPING cover the engine work done off the FX thread.
 */
public enum UdpState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING
}
