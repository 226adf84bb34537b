package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.runtime.GuardedSink;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;

/** Where the parts of one {@link UdpEndpoint} report: its guarded sink, with the endpoint's id on every event. */
final class UdpEvents {
    final long id;
    private final EventSink sink;

    UdpEvents(long id, EventSink sink) {
        this.id = id;
        this.sink = new GuardedSink(sink);
    }

    void emit(NetEvent event) {
        sink.emit(event);
    }

    void notice(InetSocketAddress local, SocketAddress remote, String message) {
        emit(new Notice(Instant.now(), id, local, remote, message));
    }

    /** Emits {@code failure} and returns the exception that carries it to the caller. */
    SocketErrorException emitted(Failure failure) {
        emit(failure);
        return new SocketErrorException(failure, null);
    }

    /** Emits the Failure of an operation refused before it reached the system; returns its exception. */
    SocketErrorException refused(InetSocketAddress local, InetSocketAddress remote, Operation operation,
                                 FailureKind kind, String message) {
        return emitted(UdpErrors.failure(id, local, remote, operation, kind, message, null));
    }
}
