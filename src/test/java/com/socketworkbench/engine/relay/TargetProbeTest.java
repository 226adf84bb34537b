package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's start-time look at its TCP target: one connect, closed at once, never a condition. */
@Timeout(30)
class TargetProbeTest {

    @Test
    void aListeningTargetAcceptsAndTheConnectionIsClosedAtOnce() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            target.setSoTimeout(10_000);
            assertEquals(Optional.empty(), TargetProbe.check("127.0.0.1", target.getLocalPort(), Duration.ofSeconds(1)));
            try (Socket probe = target.accept()) {
                probe.setSoTimeout(10_000);
                assertEquals(-1, probe.getInputStream().read(), "closed at once, nothing sent");
            }
        }
    }

    @Test
    void aPortNobodyListensOnIsARefusalInPlainWords() throws Exception {
        int free;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = closed.getLocalPort();
        }
        Failure failure = TargetProbe.check("127.0.0.1", free, Duration.ofSeconds(1)).orElseThrow();
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals(Operation.CONNECT, failure.operation());
        assertTrue(failure.message().contains("127.0.0.1:" + free), failure.message());
    }
}
