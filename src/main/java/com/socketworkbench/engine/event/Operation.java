package com.socketworkbench.engine.event;

/**
 * What a {@link Failure} failed, so that a UI can react to one operation's failures (show a send failure next to
 * the Send button, offer to delete a stale socket file after a failed start) without parsing messages.
 */
public enum Operation {
    /** Binding and listening, including the free port a UDP endpoint binds before its first send. */
    START,
    /** Accepting a connection on a listening socket. */
    ACCEPT,
    /** Connecting a TCP client, or connecting and disconnecting a UDP socket to and from one peer. */
    CONNECT,
    /** A send: its checks (not connected, bad target, plan limits, a full queue) and its writes. */
    SEND,
    /** Reading a connection or receiving datagrams, including framing's limits. */
    RECEIVE,
    /** Closing or half-closing a connection, and removing a Unix socket's file afterwards. */
    CLOSE,
    /** Setting socket options or an endpoint's own settings (broadcast, the receive limit). */
    OPTIONS,
    /** Multicast: joining and leaving groups, and the TTL, loopback and interface used to send to them. */
    MULTICAST
}
