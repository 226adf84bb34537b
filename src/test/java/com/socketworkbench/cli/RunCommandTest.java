package com.socketworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run} against loopback peers: exit codes, the step lines, and the JUnit XML read back with the JDK's DOM. */
class RunCommandTest {
    private static final String GREET = """
            name: greet and answer
            connections:
              dev: { tcp: "127.0.0.1:%d" }
            steps:
              - send:   { to: dev, text: "HELLO\\r\\n" }
              - expect: { from: dev, regex: "^OK (\\\\d+)", within: 5s }
              - close:  dev
            """;
    private static final String WRONG = """
            name: wants nope
            connections:
              dev: { tcp: "127.0.0.1:%d" }
            steps:
              - send:   { to: dev, text: "HELLO\\r\\n" }
              - expect: { from: dev, contains: "NOPE", within: 300ms }
              - close:  dev
            """;

    @Test
    void aPassingScenarioExitsWithZeroAndReportsEveryStep(@TempDir Path dir) throws Exception {
        try (var peer = LoopbackPeers.tcp(7, received -> "OK 42\r\n".getBytes(StandardCharsets.US_ASCII))) {
            Path greet = write(dir, "greet.yaml", GREET.formatted(peer.port()));
            Path report = dir.resolve("reports/report.xml");
            CliRun run = CliRun.of("run", greet.toString(), "--junit", report.toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("PASS  step 1 send to dev: HELLO\\r\\n  "), run::toString);
            assertTrue(run.out().contains("PASS  step 2 expect from dev: regex ^OK (\\d+)  "), run::toString);
            assertTrue(run.out().contains("PASS  step 3 close dev"), run::toString);
            assertTrue(run.out().contains("Scenarios: 1 passed, 0 failed. Steps: 3 passed, 0 failed, 0 skipped."),
                    run::toString);
            Element suites = read(report);
            assertEquals("3", suites.getAttribute("tests"));
            assertEquals("0", suites.getAttribute("failures"));
            NodeList suite = suites.getElementsByTagName("testsuite");
            assertEquals(1, suite.getLength());
            assertEquals("greet and answer", ((Element) suite.item(0)).getAttribute("name"));
            assertEquals(0, suites.getElementsByTagName("failure").getLength());
        }
    }

    @Test
    void aFailingStepExitsWithOneAndTheReportSaysWhatArrivedInstead(@TempDir Path dir) throws Exception {
        try (var good = LoopbackPeers.tcp(7, received -> "OK 42\r\n".getBytes(StandardCharsets.US_ASCII));
             var odd = LoopbackPeers.tcpKeepingOpen(7,
                     received -> "\0\u0007OK 42\r\n".getBytes(StandardCharsets.US_ASCII))) {
            Path greet = write(dir, "greet.yaml", GREET.formatted(good.port()));
            Path wrong = write(dir, "wrong.yaml", WRONG.formatted(odd.port()));
            Path report = dir.resolve("report.xml");
            CliRun run = CliRun.of("run", greet.toString(), wrong.toString(), "--junit", report.toString());
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.out().contains("FAIL  step 2 expect from dev: contains NOPE  "), run::toString);
            assertTrue(run.out().contains("SKIP  step 3 close dev"), run::toString);
            assertTrue(run.out().contains("Scenarios: 1 passed, 1 failed. Steps: 4 passed, 1 failed, 1 skipped."),
                    run::toString);

            Element suites = read(report);
            assertEquals("6", suites.getAttribute("tests"));
            assertEquals("1", suites.getAttribute("failures"));
            assertEquals("1", suites.getAttribute("skipped"));
            NodeList suite = suites.getElementsByTagName("testsuite");
            assertEquals(2, suite.getLength());
            Element second = (Element) suite.item(1);
            assertEquals("wants nope", second.getAttribute("name"));
            assertEquals(wrong.toString(), second.getAttribute("file"));
            assertEquals("3", second.getAttribute("tests"));
            assertEquals("1", second.getAttribute("failures"));
            NodeList cases = second.getElementsByTagName("testcase");
            Element failedCase = (Element) cases.item(1);
            assertEquals("step 2 expect from dev: contains NOPE", failedCase.getAttribute("name"));
            assertTrue(Double.parseDouble(failedCase.getAttribute("time")) >= 0.3, "waited its 300 ms, in seconds");
            Element failure = (Element) failedCase.getElementsByTagName("failure").item(0);
            String message = failure.getAttribute("message");
            assertTrue(message.contains("NOPE") && message.contains("OK 42"), message);
            assertTrue(failure.getTextContent().contains("expected: NOPE"), failure.getTextContent());
            assertTrue(failure.getTextContent().contains("00 07 4f 4b 20 34 32 0d 0a"), failure.getTextContent());
            assertEquals(1, ((Element) cases.item(2)).getElementsByTagName("skipped").getLength());
        }
    }

    @Test
    void aScenarioThatCannotConnectFailsInTheReportToo(@TempDir Path dir) throws Exception {
        Path greet = write(dir, "greet.yaml", GREET.formatted(LoopbackPeers.closedTcpPort()));
        Path report = dir.resolve("report.xml");
        CliRun run = CliRun.of("run", greet.toString(), "--junit", report.toString());
        assertEquals(1, run.exitCode(), run::toString);
        Element suites = read(report);
        assertEquals("1", suites.getAttribute("failures"));
        Element failure = (Element) suites.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("127.0.0.1"), failure.getAttribute("message"));
    }

    @Test
    void varOptionsReplaceTheFilesVariables(@TempDir Path dir) throws Exception {
        try (var peer = LoopbackPeers.tcp(4, received -> "OK 1\r\n".getBytes(StandardCharsets.US_ASCII))) {
            Path greet = write(dir, "vars.yaml", """
                    vars: { greeting: HELLO, port: "1" }
                    connections:
                      dev: { tcp: "127.0.0.1:${port}" }
                    steps:
                      - send:   { to: dev, text: "${greeting}\\r\\n" }
                      - expect: { from: dev, contains: "OK", within: 5s }
                    """);
            CliRun run = CliRun.of("run", greet.toString(), "--var", "greeting=HI", "--var", "port=" + peer.port());
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("HI\r\n", new String(peer.received, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theTimeoutStopsALongScenario(@TempDir Path dir) throws Exception {
        try (var peer = LoopbackPeers.tcp(1, received -> null)) {
            Path slow = write(dir, "slow.yaml", """
                    connections:
                      dev: { tcp: "127.0.0.1:%d" }
                    steps:
                      - wait: 30s
                    """.formatted(peer.port()));
            long started = System.nanoTime();
            CliRun run = CliRun.of("run", slow.toString(), "--timeout", "300ms");
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(System.nanoTime() - started < 20_000_000_000L, "stopped well before the 30 s wait");
        }
    }

    @Test
    void anInvalidFileExitsWithTwoNamingFileLineAndColumnAndRunsNothing(@TempDir Path dir) throws Exception {
        Path good = write(dir, "good.yaml", GREET.formatted(LoopbackPeers.closedTcpPort()));
        Path unknownKey = write(dir, "typo.yaml", """
                name: typo
                connections:
                  dev: { tcp: "127.0.0.1:5020" }
                steps:
                  - sned: { to: dev, text: "hi" }
                """);
        Path syntax = write(dir, "syntax.yaml", "name: broken\nsteps: [ { send: \n");
        Path report = dir.resolve("report.xml");
        CliRun run = CliRun.of("run", good.toString(), unknownKey.toString(), syntax.toString(),
                "--junit", report.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(unknownKey + ":5:"), run::toString);
        assertTrue(run.err().matches("(?s).*" + java.util.regex.Pattern.quote(syntax.toString()) + ":\\d+:\\d+: .*"),
                run::toString);
        assertFalse(run.out().contains("PASS") || run.out().contains("FAIL"), run::toString);
        assertFalse(Files.exists(report), "no report for a run that did not happen");
        CliRun missing = CliRun.of("run", dir.resolve("absent.yaml").toString());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().startsWith("Cannot read " + dir.resolve("absent.yaml")), missing::toString);
    }

    @Test
    void runWithoutFilesOrWithABadTimeoutIsAUsageError() {
        CliRun none = CliRun.of("run");
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().startsWith("Missing FILE"), none::toString);
        CliRun timeout = CliRun.of("run", "x.yaml", "--timeout", "forever");
        assertEquals(2, timeout.exitCode(), timeout::toString);
        assertTrue(timeout.err().startsWith("Invalid --timeout 'forever'"), timeout::toString);
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Element read(Path report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(report.toFile());
        Element root = document.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        return root;
    }
}
