package com.socketworkbench.cli;

import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code send --tls} against a JDK TLS echo server on loopback. */
class SendTlsTest {
    @TempDir
    Path dir;

    @Test
    void tlsWithTheCaVerifiesPrintsTheHandshakeAndTheEcho() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("CLI CA");
        try (JdkTlsServer server = new JdkTlsServer(TestCertificates.leaf(ca).serverContext(null), l -> {
            var params = l.getSSLParameters();
            params.setApplicationProtocols(new String[]{"h2"});
            l.setSSLParameters(params);
        })) {
            Path caFile = TestCertificates.writeCa(ca, dir, "ca");
            CliRun run = CliRun.of("send", "tcp", "localhost", Integer.toString(server.port()), "HELLO", "--tls",
                    "--ca", caFile.toString(), "--alpn", "h2,http/1.1", "--wait", "2s");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("TLS: TLS 1.3, ") && run.out().contains(", ALPN h2, verified"),
                    run::toString);
            assertTrue(run.out().contains("Certificate: CN=localhost, issued by CN=CLI CA"), run::toString);
            assertTrue(run.out().contains("over TLS."), run::toString);
            assertTrue(run.out().contains("|HELLO|"), run::toString);
        }
    }

    @Test
    void untrustedFailsWithExitOneInPlainWordsAndInsecureGoesThrough() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(TestCertificates.leaf(TestCertificates.ca("X"))
                .serverContext(null))) {
            String port = Integer.toString(server.port());
            CliRun refused = CliRun.of("send", "tcp", "localhost", port, "HI", "--tls", "--wait", "1s");
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("not signed by a trusted authority"), refused::toString);

            CliRun insecure = CliRun.of("send", "tcp", "localhost", port, "HI", "--tls", "--insecure", "--sni",
                    "device.local", "--wait", "2s");
            assertEquals(0, insecure.exitCode(), insecure::toString);
            assertTrue(insecure.out().contains("not verified"), insecure::toString);
            assertTrue(insecure.out().contains("|HI|"), insecure::toString);
        }
    }

    @Test
    void tlsOptionsWithoutTlsAndTlsOverUdpAreUsageErrors() {
        CliRun stray = CliRun.of("send", "tcp", "127.0.0.1", "9", "x", "--insecure");
        assertEquals(2, stray.exitCode(), stray::toString);
        assertTrue(stray.err().contains("--insecure is a TLS option: add --tls."), stray::toString);
        CliRun udp = CliRun.of("send", "udp", "127.0.0.1", "9", "x", "--tls");
        assertEquals(2, udp.exitCode(), udp::toString);
        assertTrue(udp.err().contains("--tls works with tcp only."), udp::toString);
    }

    /** A3: --connect-timeout 0 (no connect limit) works over TLS as over plain TCP. */
    @Test
    void connectTimeoutZeroWorksWithTls() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(TestCertificates.leaf(TestCertificates.ca("X"))
                .serverContext(null))) {
            CliRun run = CliRun.of("send", "tcp", "127.0.0.1", Integer.toString(server.port()), "HI", "--tls",
                    "--insecure", "--connect-timeout", "0", "--wait", "2s");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("|HI|"), run::toString);
        }
    }

    /** A3: a bad --sni is a usage error naming it, never "Unexpected error". */
    @Test
    void aBadSniIsAUsageError() {
        CliRun run = CliRun.of("send", "tcp", "127.0.0.1", "9", "x", "--tls", "--sni", "bad name");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--sni \"bad name\" is not a valid server name"), run::toString);
        assertTrue(!run.err().contains("Unexpected error"), run::toString);
    }

    /** B1: a refused certificate is printed after the reason, as openssl s_client prints it. */
    @Test
    void aRefusedCertificateIsPrintedAfterTheReason() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(TestCertificates.leaf(TestCertificates.ca("Unknown CA"))
                .serverContext(null))) {
            CliRun refused = CliRun.of("send", "tcp", "localhost", Integer.toString(server.port()), "HI", "--tls");
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("Server certificate 1 of 2: CN=localhost · issued by CN=Unknown CA"),
                    refused::toString);
            assertTrue(refused.err().contains("SHA-256 "), refused::toString);
        }
    }
}
