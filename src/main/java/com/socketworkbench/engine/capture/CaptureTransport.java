package com.socketworkbench.engine.capture;

/**
 * What the events of a capture travelled over, which the events themselves do not say: the tab that collected them
 * knows (a TCP server or client tab: {@link #TCP}; a UDP tab: {@link #UDP}). Rows of a Unix domain socket are told
 * apart by their addresses, whatever the transport.
 */
public enum CaptureTransport {
    /** Connections: handshake, data segments with sequence numbers, FIN or RST. */
    TCP,
    /** Datagrams: one per data row. */
    UDP
}
