package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Small factories for engine events used by UI tests. */
public final class TestEvents {
    public static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5000);
    public static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40001);

    private TestEvents() {
    }

    public static BytesReceived received(String text) {
        return received(text.getBytes(StandardCharsets.UTF_8));
    }

    public static BytesReceived received(byte[] data) {
        return new BytesReceived(Instant.now(), 1, LOCAL, PEER, data);
    }

    public static BytesSent sent(byte[] data) {
        return new BytesSent(Instant.now(), 1, LOCAL, PEER, data);
    }

    public static Failure failure(String message) {
        return new Failure(Instant.now(), 1, LOCAL, PEER, Operation.RECEIVE, FailureKind.CONNECTION_RESET, message,
                "");
    }

    public static ConnectionClosed closed() {
        return new ConnectionClosed(Instant.now(), 1, LOCAL, PEER, CloseReason.PEER_CLOSED, "");
    }
}
