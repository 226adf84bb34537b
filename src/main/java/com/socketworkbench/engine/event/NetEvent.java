package com.socketworkbench.engine.event;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * The one event model the engine speaks. Every socket component (TCP server/client, UDP endpoint, ...) reports what
 * happened as one of these immutable records through an {@link EventSink}; the UI adapts them, tests assert on them.
 *
 * <p>{@code connectionId} identifies a connection (or, for listener-level events, the listener) within the component
 * that emitted it. {@code local}/{@code remote} are {@link java.net.InetSocketAddress},
 * {@link java.net.UnixDomainSocketAddress}, or for a client accepted on a Unix socket (which has no name of its own)
 * {@link com.socketworkbench.engine.net.UnixPeerAddress}; either may be null when it is not known (e.g. a connect that
 * failed before a local port was bound). {@link com.socketworkbench.engine.net.Endpoints#describe} words them all.
 * The two events that carry bytes share {@link DataEvent}.
 */
public sealed interface NetEvent
        permits ListenerStarted, ListenerStopped, ConnectionAccepted, ConnectionOpened, ConnectionRejected,
                DataEvent, ConnectionClosed, Failure, Notice, TlsEstablished {

    Instant time();

    long connectionId();

    SocketAddress local();

    SocketAddress remote();
}
