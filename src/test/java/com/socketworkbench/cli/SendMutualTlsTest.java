package com.socketworkbench.cli;

import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutual TLS from the command line: {@code send --cert/--key/--pass/--pass-env/--tls-min/--tls-max} and a scenario's
 * {@code tls: {cert, key}} through {@code run}, against a JDK TLS echo server on loopback that requires a client
 * certificate signed by its client CA.
 */
class SendMutualTlsTest {
    @TempDir
    Path dir;

    private TestCertificates.Issued serverCa;
    private TestCertificates.Issued clientCa;
    private TestCertificates.Issued client;
    private Path caFile;

    @BeforeEach
    void certificates() throws Exception {
        serverCa = TestCertificates.ca("Server CA");
        clientCa = TestCertificates.ca("Client CA");
        client = TestCertificates.leaf(clientCa);
        caFile = TestCertificates.writeCa(serverCa, dir, "ca");
    }

    private JdkTlsServer server() throws Exception {
        return new JdkTlsServer(TestCertificates.leaf(serverCa).serverContext(clientCa),
                l -> l.setNeedClientAuth(true));
    }

    /** {@code send tcp localhost PORT HELLO --tls --ca ca.pem OPTIONS...} */
    private CliRun send(JdkTlsServer server, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("send", "tcp", "localhost",
                Integer.toString(server.port()), "HELLO", "--tls", "--ca", caFile.toString()));
        args.addAll(java.util.List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPemCertificateAndKeyAreAcceptedAndTheEchoComesBack() throws Exception {
        Path[] pem = client.writePem(dir, "client");
        try (JdkTlsServer server = server()) {
            CliRun run = send(server, "--cert", pem[0].toString(), "--key", pem[1].toString(), "--tls-max",
                    "TLSv1.2", "--wait", "2s");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("TLS: TLS 1.2, "), run::toString);
            assertTrue(run.out().contains("Client certificate presented: CN=localhost, issued by CN=Client CA"),
                    run::toString);
            assertTrue(run.out().contains("|HELLO|"), run::toString);
        }
    }

    /** The password from an environment variable: here one this JVM surely has, as the PKCS#12 password. */
    @Test
    void aPkcs12FileWithItsPasswordFromTheEnvironmentIsAccepted() throws Exception {
        Map.Entry<String, String> variable = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Z_]+") && !e.getValue().isEmpty()).findFirst().orElseThrow();
        Path p12 = client.writePkcs12(dir, "client", variable.getValue());
        try (JdkTlsServer server = server()) {
            CliRun run = send(server, "--cert", p12.toString(), "--pass-env", variable.getKey(), "--tls-min",
                    "1.3", "--wait", "2s");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("TLS: TLS 1.3, "), run::toString);
            assertTrue(run.out().contains("|HELLO|"), run::toString);
        }
    }

    @Test
    void withoutACertificateItFailsSayingTheServerRequiresOne() throws Exception {
        try (JdkTlsServer server = server()) {
            CliRun run = send(server, "--wait", "2s");
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("requires a client certificate"), run::toString);
            assertFalse(run.out().contains("|HELLO|"), run::toString);
        }
    }

    @Test
    void aWrongPasswordIsAUsageErrorBeforeConnecting() throws Exception {
        Path p12 = client.writePkcs12(dir, "client", "s3cret");
        try (JdkTlsServer server = server()) {
            CliRun run = send(server, "--cert", p12.toString(), "--pass", "nope");
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("--cert: the client certificate is not usable: Wrong password for "
                    + p12 + " (or the file is damaged)."), run::toString);
            assertTrue(server.clients().isEmpty(), "nothing connected");
        }
    }

    @Test
    void badCombinationsAreUsageErrorsNamingTheOption() throws Exception {
        Path[] pem = client.writePem(dir, "client");
        Path p12 = client.writePkcs12(dir, "client", "s3cret");
        String cert = pem[0].toString();
        assertUsage("--cert is a TLS option: add --tls.", "send", "tcp", "127.0.0.1", "9", "x", "--cert", cert);
        assertUsage("--tls-min is a TLS option: add --tls.", "send", "tcp", "127.0.0.1", "9", "x", "--tls-min",
                "TLSv1.3");
        assertUsage("--key goes with --cert", "send", "tcp", "127.0.0.1", "9", "x", "--tls", "--key",
                pem[1].toString());
        assertUsage("--pass-env goes with --cert", "send", "tcp", "127.0.0.1", "9", "x", "--tls", "--pass-env",
                "X");
        assertUsage("--pass or --pass-env, not both", "send", "tcp", "127.0.0.1", "9", "x", "--tls", "--cert",
                p12.toString(), "--pass", "a", "--pass-env", "B");
        assertUsage("--pass-env SWB_SURELY_UNSET_42: no environment variable of that name is set.", "send", "tcp",
                "127.0.0.1", "9", "x", "--tls", "--cert", p12.toString(), "--pass-env", "SWB_SURELY_UNSET_42");
        assertUsage("is PKCS#12 and holds its own key", "send", "tcp", "127.0.0.1", "9", "x", "--tls", "--cert",
                p12.toString(), "--key", pem[1].toString(), "--pass", "s3cret");
        assertUsage("--tls-max \"TLSv1.1\" is not a TLS version: use one of TLSv1.2, TLSv1.3.", "send", "tcp",
                "127.0.0.1", "9", "x", "--tls", "--tls-max", "TLSv1.1");
        assertUsage("--tls-min TLSv1.3 is newer than --tls-max TLSv1.2.", "send", "tcp", "127.0.0.1", "9", "x",
                "--tls", "--tls-min", "TLSv1.3", "--tls-max", "TLSv1.2");
        assertUsage("File not found: " + dir.resolve("none.crt"), "send", "tcp", "127.0.0.1", "9", "x", "--tls",
                "--cert", dir.resolve("none.crt").toString());
    }

    private static void assertUsage(String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(expected), () -> "expected \"" + expected + "\" in\n" + run);
        assertFalse(run.err().contains("Unexpected error"), run::toString);
    }

    /** {@code run} reads a scenario's relative cert and key beside the file, wherever the command runs from. */
    @Test
    void runUsesAScenarioClientCertificateBesideTheFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenarios"));
        client.writePem(folder, "client");
        TestCertificates.writeCa(serverCa, folder, "ca");
        try (JdkTlsServer server = server()) {
            Path file = folder.resolve("mtls.yaml");
            Files.writeString(file, """
                    connections:
                      dev: { tcp: "localhost:%d", tls: { ca: ca.pem, cert: client.crt, key: client.key } }
                    steps:
                      - send: { to: dev, text: "PING" }
                      - expect: { from: dev, contains: "PING", within: 5s }
                    """.formatted(server.port()));
            CliRun run = CliRun.of("run", file.toString());
            assertEquals(0, run.exitCode(), run::toString);

            Files.writeString(folder.resolve("wrong.yaml"), """
                    connections:
                      dev: { tcp: "localhost:%d", tls: { ca: ca.pem, cert: client.crt, key: nowhere.key } }
                    steps:
                      - send: { to: dev, text: "PING" }
                    """.formatted(server.port()));
            CliRun wrong = CliRun.of("run", folder.resolve("wrong.yaml").toString());
            assertEquals(2, wrong.exitCode(), wrong::toString);
            assertTrue(wrong.err().contains("wrong.yaml:2:") && wrong.err().contains("File not found for key: "
                    + folder.resolve("nowhere.key")), wrong::toString);
        }
    }
}
