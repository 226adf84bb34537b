package com.socketworkbench.ui.udp;

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
 * The UDP tab keeps its multicast groups over Stop and joins them again at Start: {@link UdpTabNamespaceChecks} in a
 * JVM inside a new network namespace ({@link NetworkNamespace}), since joining a group must not touch the host's
 * network. Skipped, with the reason, where namespaces cannot be created.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UdpTabNamespaceTest {

    @TempDir
    static Path dir;

    private static NetworkNamespace namespace;

    @BeforeAll
    static void runChecksInANetworkNamespace() throws Exception {
        namespace = NetworkNamespace.run(UdpTabNamespaceChecks.class, dir);
    }

    @TestFactory
    Stream<DynamicTest> multicastGroupsOverStopAndStart() {
        return namespace.tests(UdpTabNamespaceChecks.CHECK_IDS);
    }
}
