package com.socketworkbench.engine.scenario;

import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import com.socketworkbench.engine.tls.TlsVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tls: {cert, key, password, min, max}}: a client certificate for a JDK TLS echo server on loopback that
 * requires one, and every bad setting an error at its own line before anything connects.
 */
class ScenarioMutualTlsTest {
    @TempDir
    Path dir;

    private TestCertificates.Issued serverCa;
    private TestCertificates.Issued clientCa;
    private TestCertificates.Issued client;

    @BeforeEach
    void certificates() throws Exception {
        serverCa = TestCertificates.ca("Server CA");
        clientCa = TestCertificates.ca("Client CA");
        client = TestCertificates.leaf(clientCa);
        TestCertificates.writeCa(serverCa, dir, "ca");
    }

    /** A server that requires a certificate signed by the client CA. */
    private JdkTlsServer server(String... versions) throws Exception {
        return new JdkTlsServer(TestCertificates.leaf(serverCa).serverContext(clientCa), l -> {
            l.setNeedClientAuth(true);
            if (versions.length > 0) {
                l.setEnabledProtocols(versions);
            }
        });
    }

    private ScenarioResult run(String tls, int port, List<NetEvent> events) throws Exception {
        Path file = dir.resolve("mtls.yaml");
        Files.writeString(file, """
                connections:
                  dev: { tcp: "localhost:%d", tls: %s }
                steps:
                  - send: { to: dev, text: "PING\\n" }
                  - expect: { from: dev, contains: "PING", within: 5s }
                """.formatted(port, tls));
        return new ScenarioRunner(ScenarioParser.parse(file), events::add, null).run();
    }

    private ScenarioException invalid(String tls) {
        return assertThrows(ScenarioException.class, () -> ScenarioParser.parse("""
                connections:
                  dev:
                    tcp: "localhost:1"
                    tls:
                %s
                steps:
                  - wait: 1ms
                """.formatted(tls.indent(6).stripTrailing()), "t.yaml", dir));
    }

    @Test
    void aPemCertificateAndKeyBesideTheFileAreAcceptedByAServerThatRequiresOne() throws Exception {
        client.writePem(dir, "client");
        try (JdkTlsServer server = server()) {
            List<NetEvent> events = new CopyOnWriteArrayList<>();
            ScenarioResult result = run("{ ca: ca.pem, cert: client.crt, key: client.key, min: TLSv1.2, max: "
                    + "TLSv1.3 }", server.port(), events);
            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            assertTrue(events.stream().anyMatch(e -> e instanceof TlsEstablished t && t.details().verified()
                    && !t.details().localChain().isEmpty()
                    && t.details().localChain().getFirst().issuer().equals("CN=Client CA")), events.toString());
        }
    }

    @Test
    void aPkcs12FileWithItsPasswordIsAccepted() throws Exception {
        client.writePkcs12(dir, "client", "s3cret");
        try (JdkTlsServer server = server()) {
            ScenarioResult result = run("{ ca: ca.pem, cert: client.p12, password: s3cret }", server.port(),
                    new CopyOnWriteArrayList<>());
            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
        }
    }

    /** The password from an environment variable: here one this JVM surely has, as the PKCS#12 password. */
    @Test
    void passwordEnvReadsThePasswordFromTheEnvironment() throws Exception {
        java.util.Map.Entry<String, String> variable = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Z_]+") && !e.getValue().isEmpty()).findFirst().orElseThrow();
        client.writePkcs12(dir, "client", variable.getValue());
        try (JdkTlsServer server = server()) {
            ScenarioResult result = run("{ ca: ca.pem, cert: client.p12, passwordEnv: " + variable.getKey() + " }",
                    server.port(), new CopyOnWriteArrayList<>());
            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
        }
        ScenarioException unset = invalid("cert: client.p12\npasswordEnv: SWB_SURELY_UNSET_42");
        assertEquals(6, unset.line());
        assertEquals("passwordEnv SWB_SURELY_UNSET_42: no environment variable of that name is set", unset.reason());
        ScenarioException both = invalid("cert: client.p12\npassword: a\npasswordEnv: B");
        assertEquals(7, both.line());
    }

    @Test
    void withoutACertificateTheRunFailsSayingTheServerRequiresOne() throws Exception {
        try (JdkTlsServer server = server()) {
            List<NetEvent> events = new CopyOnWriteArrayList<>();
            ScenarioResult result = run("{ ca: ca.pem }", server.port(), events);
            assertEquals(ScenarioOutcome.FAILED, result.outcome());
            assertTrue(result.message().contains("requires a client certificate"), result.message() + events);
        }
    }

    @Test
    void minAndMaxLimitTheVersionsOffered() throws Exception {
        client.writePem(dir, "client");
        try (JdkTlsServer server = server(TlsVersion.TLS_1_2.jdkName())) {
            List<NetEvent> events = new CopyOnWriteArrayList<>();
            ScenarioResult result = run("{ ca: ca.pem, cert: client.crt, key: client.key, max: TLS 1.2 }",
                    server.port(), events);
            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            assertTrue(events.stream().anyMatch(e -> e instanceof TlsEstablished t
                    && t.details().protocol().equals("TLSv1.2")), events.toString());

            ScenarioResult refused = run("{ ca: ca.pem, cert: client.crt, key: client.key, min: TLSv1.3 }",
                    server.port(), new CopyOnWriteArrayList<>());
            assertEquals(ScenarioOutcome.FAILED, refused.outcome());
            assertTrue(refused.message().contains("No TLS version both sides accept"), refused.message());
        }
    }

    @Test
    void aWrongOrMissingPasswordIsAnErrorAtItsLine() throws Exception {
        client.writePkcs12(dir, "client", "s3cret");
        ScenarioException wrong = invalid("cert: client.p12\npassword: nope");
        assertEquals(6, wrong.line(), wrong.getMessage());
        assertEquals("Client certificate not usable: Wrong password for " + dir.resolve("client.p12")
                + " (or the file is damaged).", wrong.reason());
        ScenarioException none = invalid("cert: client.p12");
        assertEquals(5, none.line(), none.getMessage());
        assertTrue(none.reason().contains("Wrong password for"), none.reason());
    }

    @Test
    void aMissingFileOrAKeyOfAnotherCertificateIsAnErrorAtItsLine() throws Exception {
        client.writePem(dir, "client");
        TestCertificates.leaf(clientCa).writePem(dir, "other");
        ScenarioException missing = invalid("cert: nowhere.crt\nkey: client.key");
        assertEquals(5, missing.line(), missing.getMessage());
        assertEquals("File not found for cert: " + dir.resolve("nowhere.crt"), missing.reason());
        ScenarioException missingKey = invalid("cert: client.crt\nkey: nowhere.key");
        assertEquals(6, missingKey.line(), missingKey.getMessage());
        ScenarioException mismatch = invalid("cert: client.crt\nkey: other.key");
        assertEquals(6, mismatch.line(), mismatch.getMessage());
        assertTrue(mismatch.reason().startsWith("Client certificate not usable: The private key in "
                + dir.resolve("other.key") + " does not belong to the certificate in "), mismatch.reason());
    }

    @Test
    void keyOrPasswordWithoutCertAndKeyBesidePkcs12AreErrors() throws Exception {
        client.writePkcs12(dir, "client", "s3cret");
        ScenarioException keyAlone = invalid("key: client.key");
        assertEquals(5, keyAlone.line());
        assertTrue(keyAlone.reason().startsWith("key goes with cert"), keyAlone.reason());
        ScenarioException passwordAlone = invalid("password: x");
        assertTrue(passwordAlone.reason().startsWith("password goes with cert"), passwordAlone.reason());
        ScenarioException besidePkcs12 = invalid("cert: client.p12\nkey: client.p12\npassword: s3cret");
        assertEquals(6, besidePkcs12.line());
        assertTrue(besidePkcs12.reason().contains("is PKCS#12 and holds its own key"), besidePkcs12.reason());
    }

    @Test
    void anUnknownVersionOrMinAboveMaxIsAnErrorAtItsLine() {
        ScenarioException unknown = invalid("min: TLSv1.2\nmax: TLSv1.1");
        assertEquals(6, unknown.line());
        assertEquals("Unknown TLS version for max: \"TLSv1.1\" (use one of TLSv1.2, TLSv1.3)", unknown.reason());
        ScenarioException range = invalid("min: TLSv1.3\nmax: 1.2");
        assertEquals(5, range.line());
        assertEquals("tls min TLSv1.3 is newer than max TLSv1.2", range.reason());
    }
}
