package com.socketworkbench.engine.event;

/** A classification of failures so that the UI and tests need not parse exception messages. */
public enum FailureKind {
    CONNECTION_REFUSED,
    CONNECT_TIMEOUT,
    UNKNOWN_HOST,
    PORT_IN_USE,
    ADDRESS_NOT_AVAILABLE,
    PERMISSION_DENIED,
    CONNECTION_RESET,
    BROKEN_PIPE,
    NETWORK_UNREACHABLE,
    INVALID_INPUT,
    /** The component cannot do it now: not connected, not bound, already connected, closed. */
    INVALID_STATE,
    LIMIT_EXCEEDED,
    IO_ERROR
}
