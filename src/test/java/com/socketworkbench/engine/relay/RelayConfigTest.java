package com.socketworkbench.engine.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayConfigTest {

    private static String problem(Runnable making) {
        return assertThrows(IllegalArgumentException.class, making::run).getMessage();
    }

    @Test
    void badSettingsAreRefusedInPlainWords() {
        assertEquals("The listen port must be between 0 and 65535 (0 picks a free port), not 70000.",
                problem(() -> RelayConfig.tcp("127.0.0.1", 70_000, "127.0.0.1", 80)));
        assertEquals("The target port must be between 1 and 65535, not 0.",
                problem(() -> RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1", 0)));
        assertEquals("Enter the target host the relay forwards to.",
                problem(() -> RelayConfig.udp("127.0.0.1", 0, " ", 53)));
        assertEquals("Enter the address to listen on (127.0.0.1 for this computer only).",
                problem(() -> RelayConfig.tcp("", 0, "example.org", 80)));
        assertEquals("The connect timeout must be longer than zero.",
                problem(() -> RelayConfig.tcp("127.0.0.1", 0, "127.0.0.1", 80).withConnectTimeout(Duration.ZERO)));
        assertEquals("The UDP pair idle time must be longer than zero.",
                problem(() -> RelayConfig.udp("127.0.0.1", 0, "127.0.0.1", 80).withUdpPairIdle(Duration.ZERO)));
    }

    @Test
    void defaultsAndTrimming() {
        RelayConfig config = RelayConfig.udp(" 127.0.0.1 ", 0, " localhost ", 53);
        assertEquals(RelayTransport.UDP, config.transport());
        assertEquals("127.0.0.1", config.bindHost());
        assertEquals("localhost", config.targetHost());
        assertEquals(Duration.ofSeconds(60), config.udpPairIdle());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
    }

    @Test
    void faultsAreOffAtZeroAndRefuseNegativeValues() {
        assertTrue(Faults.none().isNone());
        assertEquals(false, Faults.none().withSegmentSize(4).isNone());
        assertEquals("The bandwidth limit cannot be negative (0 means no limit).",
                problem(() -> Faults.none().withBytesPerSecond(-1)));
        assertEquals("The added latency cannot be negative.",
                problem(() -> Faults.none().withLatency(Duration.ofMillis(-1), Duration.ZERO)));
    }
}
