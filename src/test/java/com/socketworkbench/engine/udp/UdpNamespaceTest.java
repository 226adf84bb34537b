package com.socketworkbench.engine.udp;

import com.socketworkbench.testing.NetworkNamespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Broadcast and multicast of the engine, which must not touch the host's network: {@link UdpNamespaceChecks} in a
 * JVM inside a new network namespace ({@link NetworkNamespace}: lo, 224.0.0.0/4 routed to lo, a veth pair for IPv6).
 * Skipped, with the reason, where namespaces cannot be created.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UdpNamespaceTest {

    @TempDir
    static Path dir;

    private static NetworkNamespace namespace;

    @BeforeAll
    static void runChecksInANetworkNamespace() throws Exception {
        namespace = NetworkNamespace.run(UdpNamespaceChecks.class, dir);
    }

    @TestFactory
    Stream<DynamicTest> broadcastAndMulticastInsideANetworkNamespace() {
        return namespace.tests(UdpNamespaceChecks.CHECK_IDS);
    }
}
