package com.socketworkbench.ui.websocket;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.engine.websocket.WsEvent;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tab's sessions as the All Traffic view shows the socket tabs' connections: each session one connection,
 * numbered from 1 in the tab, opened with its socket's two ends; every frame's payload as bytes sent or received
 * (unmasked, inflated when the message came compressed; headers and handshake stay in the tab); closed with who ended
 * it, or a connect or handshake that failed. Reassembled messages are left out: their frames are already there.
 */
final class WsMergedTraffic {
    private volatile EventSink sockets = event -> { };
    private Consumer<List<NetEvent>> batches = batch -> { };
    private Runnable rowsShown = () -> { };
    /** FX thread from here on: the session being shown, and its ends. */
    private long session;
    private SocketAddress target;
    private SocketAddress local;
    private SocketAddress remote;

    void feed(EventSink sockets, Consumer<List<NetEvent>> batches, Runnable rowsShown) {
        this.batches = batches;
        this.rowsShown = rowsShown;
        this.sockets = sockets;
    }

    /** Counts the session's connection as it opens and ends; the session's threads, never waits. */
    void count(WsEvent event) {
        switch (event) {
            case WsEvent.Opened opened -> sockets.emit(new ConnectionOpened(opened.time(), 0, opened.local(),
                    opened.remote()));
            case WsEvent.Closed closed -> sockets.emit(new ConnectionClosed(closed.time(), 0, null, null,
                    closed.how(), closed.reason()));
            default -> {
            }
        }
    }

    /** Hands on what one applied batch means in socket terms, then lets the merged view catch up (FX thread). */
    void applied(List<WsEvent> batch) {
        List<NetEvent> events = new ArrayList<>();
        for (WsEvent event : batch) {
            NetEvent merged = merged(event);
            if (merged != null) {
                events.add(merged);
            }
        }
        if (!events.isEmpty()) {
            batches.accept(events);
            rowsShown.run();
        }
    }

    private NetEvent merged(WsEvent event) {
        return switch (event) {
            case WsEvent.Connecting connecting -> {
                session++;
                target = InetSocketAddress.createUnresolved(connecting.url().host(), connecting.url().port());
                local = null;
                remote = null;
                yield null;
            }
            case WsEvent.Continuing continuing -> {
                session++;
                target = null;
                yield null;
            }
            case WsEvent.Opened opened -> {
                local = opened.local();
                remote = opened.remote();
                yield new ConnectionOpened(opened.time(), session, local, remote);
            }
            case WsEvent.Frame frame -> {
                byte[] payload = frame.inflated() != null ? frame.inflated() : frame.frame().payload();
                yield frame.direction() == Direction.IN
                        ? new BytesReceived(frame.time(), session, local, remote, payload, 1,
                        frame.inflated() == null && frame.frame().truncated())
                        : new BytesSent(frame.time(), session, local, remote, payload);
            }
            case WsEvent.Closed closed -> new ConnectionClosed(closed.time(), session, local, remote, closed.how(),
                    closed.reason());
            case WsEvent.Failed failed -> new Failure(failed.time(), session, null, target, Operation.CONNECT,
                    FailureKind.IO_ERROR, failed.reason(), null);
            case WsEvent.TlsEstablished ignored -> null;
            case WsEvent.HandshakeSent ignored -> null;
            case WsEvent.HandshakeReceived ignored -> null;
            case WsEvent.Message ignored -> null;
        };
    }
}
