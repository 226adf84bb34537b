package com.socketworkbench.engine.relay;

/** What a relay carries: TCP connections, or UDP datagrams (a pair per client address). */
public enum RelayTransport {
    TCP,
    UDP
}
