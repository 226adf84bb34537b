package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay's start-time look at its TCP target: on this machine without connecting, never a condition. */
@Timeout(30)
class TargetProbeTest {

    @Test
    void aListeningTargetOnThisMachineIsSeenWithoutUsingUpItsAccept() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            assertEquals(Optional.empty(), TargetProbe.check("127.0.0.1", target.getLocalPort(), Duration.ofSeconds(1)));
            // A one-shot server (nc -l) must still have its one connection for the real client.
            target.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, target::accept, "the probe made no connection");
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
