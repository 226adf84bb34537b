package com.socketworkbench.engine.scenario;

import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.tls.JdkTlsServer;
import com.socketworkbench.engine.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tls:} on a scenario's TCP connection, against a JDK TLS echo server on loopback. */
class ScenarioTlsTest {
    @TempDir
    Path dir;

    private ScenarioResult run(Path file, List<NetEvent> events) throws Exception {
        return new ScenarioRunner(ScenarioParser.parse(file), events::add, null).run();
    }

    @Test
    void tlsMapWithACaRelativeToTheFileIsVerifiedAndEchoes() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Scenario CA");
        try (JdkTlsServer server = new JdkTlsServer(TestCertificates.leaf(ca).serverContext(null))) {
            TestCertificates.writeCa(ca, dir, "ca");
            Path file = dir.resolve("tls.yaml");
            Files.writeString(file, """
                    connections:
                      dev: { tcp: "localhost:%d", tls: { verify: true, sni: localhost, alpn: [http/1.1], ca: ca.pem } }
                    steps:
                      - send: { to: dev, text: "PING\\n" }
                      - expect: { from: dev, contains: "PING" }
                    """.formatted(server.port()));
            List<NetEvent> events = new CopyOnWriteArrayList<>();
            ScenarioResult result = run(file, events);
            assertEquals(ScenarioOutcome.PASSED, result.outcome(), result.message());
            assertTrue(events.stream().anyMatch(e -> e instanceof TlsEstablished t && t.details().verified()),
                    events.toString());
        }
    }

    @Test
    void tlsTrueWithoutTheCaFailsTheConnectInPlainWords() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Scenario CA");
        try (JdkTlsServer server = new JdkTlsServer(TestCertificates.leaf(ca).serverContext(null))) {
            Path file = dir.resolve("untrusted.yaml");
            Files.writeString(file, """
                    connections:
                      dev: { tcp: "localhost:%d", tls: true }
                    steps:
                      - send: { to: dev, text: "PING" }
                    """.formatted(server.port()));
            ScenarioResult result = run(file, new CopyOnWriteArrayList<>());
            assertEquals(ScenarioOutcome.FAILED, result.outcome());
            assertTrue(result.message().contains("not signed by a trusted authority"), result.message());
        }
    }

    @Test
    void insecureConnectsToAnUntrustedServer() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(TestCertificates.leaf(TestCertificates.ca("X"))
                .serverContext(null))) {
            Path file = dir.resolve("insecure.yaml");
            Files.writeString(file, """
                    connections:
                      dev: { tcp: "127.0.0.1:%d", tls: { verify: false } }
                    steps:
                      - send: { to: dev, text: "hi" }
                      - expect: { from: dev, contains: "hi" }
                    """.formatted(server.port()));
            List<NetEvent> events = new CopyOnWriteArrayList<>();
            assertEquals(ScenarioOutcome.PASSED, run(file, events).outcome());
            assertTrue(events.stream().anyMatch(e -> e instanceof TlsEstablished t && !t.details().verified()));
        }
    }

    @Test
    void tlsOnAListenerOrWithAnUnknownKeyIsAnErrorAtItsLine() {
        ScenarioException listen = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("""
                connections:
                  srv: { listen: { tcp: "127.0.0.1:0" }, tls: true }
                steps:
                  - wait: 1ms
                """, "t.yaml"));
        assertTrue(listen.getMessage().contains("tls is for TCP client connections only"), listen.getMessage());
        ScenarioException key = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("""
                connections:
                  dev: { tcp: "127.0.0.1:1", tls: { verfy: false } }
                steps:
                  - wait: 1ms
                """, "t.yaml"));
        assertTrue(key.getMessage().contains("verfy") && key.getMessage().contains("verify, sni, alpn, ca"),
                key.getMessage());
    }

    /**
     * A3: connectTimeout 0 used to pass the parser and then throw from the engine (with TLS already while parsing),
     * which the Scenario tab lost and the CLI called "Unexpected error": now an error at its line.
     */
    @Test
    void connectTimeoutZeroIsAnErrorAtItsLine() {
        ScenarioException top = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("""
                connectTimeout: 0s
                connections:
                  dev: { tcp: "127.0.0.1:1", tls: { verify: false } }
                steps:
                  - wait: 1ms
                """, "t.yaml"));
        assertTrue(top.getMessage().contains("connectTimeout must be longer than zero"), top.getMessage());
        assertEquals(1, top.line());
        ScenarioException own = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("""
                connections:
                  dev:
                    tcp: "127.0.0.1:1"
                    tls: true
                    connectTimeout: 0ms
                steps:
                  - wait: 1ms
                """, "t.yaml"));
        assertEquals(5, own.line(), own.getMessage());
    }

    /** A3: a bad SNI name is an error at the sni line, not an exception from the engine. */
    @Test
    void aBadSniIsAnErrorAtItsLine() {
        ScenarioException bad = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("""
                connections:
                  dev:
                    tcp: "127.0.0.1:1"
                    tls: { sni: "bad name" }
                steps:
                  - wait: 1ms
                """, "t.yaml"));
        assertTrue(bad.getMessage().contains("Not a valid server name for sni: \"bad name\""), bad.getMessage());
        assertEquals(4, bad.line());
    }
}
