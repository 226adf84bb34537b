package com.socketworkbench.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class ScenarioParserTest {
    static final String DOC_EXAMPLE = """
            name: greet and answer
            connections:
              dev: { tcp: "127.0.0.1:5020" }
            steps:
              - send:   { to: dev, text: "HELLO\\r\\n" }
              - expect: { from: dev, regex: "^OK (\\\\d+)", within: 2s }
              - wait:   300ms
              - close:  dev
            """;

    @Test
    void theDocExampleReadsAsWritten() throws Exception {
        Scenario scenario = ScenarioParser.parse(DOC_EXAMPLE, "greet.yaml");

        assertEquals("greet and answer", scenario.name());
        ConnectionSpec dev = scenario.connections().get("dev");
        assertEquals(ConnectionSpec.Transport.TCP, dev.transport());
        assertEquals("127.0.0.1:5020", dev.addressText());
        List<Step> steps = scenario.steps();
        assertEquals(4, steps.size());
        Step.Send send = assertInstanceOf(Step.Send.class, steps.get(0));
        assertEquals("HELLO\r\n", send.payload().source());
        Step.Expect expect = assertInstanceOf(Step.Expect.class, steps.get(1));
        assertEquals("^OK (\\d+)", expect.pattern().source().source());
        assertEquals(Duration.ofSeconds(2), expect.within());
        assertEquals(Duration.ofMillis(300), assertInstanceOf(Step.Wait.class, steps.get(2)).duration());
        assertEquals("dev", assertInstanceOf(Step.Close.class, steps.get(3)).connection());
        assertEquals(new SourceLocation("greet.yaml", 5, 5), send.location());
    }

    @Test
    void durationsTakeTheirUnits() {
        assertEquals(Duration.ofMillis(300), Durations.parse("300ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("1m"));
        assertEquals(null, Durations.parse("2"));
        assertEquals(null, Durations.parse("2 sec"));
    }

    @Test
    void aYamlSyntaxErrorNamesFileLineAndColumn() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("""
                name: x
                connections:
                  dev: { tcp: "127.0.0.1:1"
                steps: []
                """, "broken.yaml"));

        assertEquals("broken.yaml", e.file());
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.getMessage().startsWith("broken.yaml:" + e.line() + ":" + e.column() + ": YAML syntax error"),
                e.getMessage());
    }

    @Test
    void anUnknownKeyIsReportedAtTheKey() {
        ScenarioException e = parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - send: { to: dev, txt: "x" }
                """);

        assertEquals(4, e.line());
        assertEquals(22, e.column());
        assertTrue(e.reason().contains("Unknown key \"txt\""), e.reason());
    }

    @Test
    void anUnknownConnectionIsReportedAtItsName() {
        ScenarioException e = parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - expect: { from: dve, contains: "OK" }
                """);

        assertEquals(4, e.line());
        assertEquals(21, e.column());
        assertEquals("Unknown connection \"dve\"; declared: dev", e.reason());
    }

    @Test
    void badValuesAreReportedWhereTheyAre() {
        assertEquals(4, parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - wait: 3 seconds
                """).line());
        assertTrue(parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - expect: { from: dev, regex: "OK (" }
                """).reason().startsWith("Invalid regex"));
        assertTrue(parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - expect: { from: dev, hex: "01 zz" }
                """).reason().startsWith("Invalid hex pattern"));
        ScenarioException badSend = parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - send: { to: dev, hex: "0g" }
                """);
        assertEquals(4, badSend.line());
        assertEquals(4, parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - repeat: { times: many, steps: [ { wait: 1ms } ] }
                """).line());
        assertTrue(parseError("""
                connections:
                  dev: { tcp: "localhost" }
                steps:
                  - wait: 1ms
                """).reason().startsWith("Not a host:port address"));
        assertTrue(parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - send: { to: dev, text: "id=${id}" }
                """).reason().startsWith("Variable \"id\" has no value here"));
        assertTrue(parseError("""
                connections:
                  dev: { tcp: "127.0.0.1:1" }
                steps:
                  - send: [ dev ]
                """).reason().startsWith("Expected a mapping"));
    }

    @Test
    void variablesCapturesAndLoopsRead() throws Exception {
        Scenario scenario = ScenarioParser.parse("""
                vars: { user: alice }
                within: 1s
                connections:
                  srv: { listen: { tcp: "127.0.0.1:0" }, connectTimeout: 3s }
                  dev: { tcp: "127.0.0.1:${srv.port}", within: 500ms }
                steps:
                  - send: { to: dev, text: "LOGIN ${user}\\n" }
                  - expect: { from: srv, regex: "LOGIN (?<name>\\\\w+)", save: { who: name } }
                  - repeat:
                      times: 3
                      steps:
                        - send: { to: srv, text: "hi ${who}\\n", fields: true }
                        - expect: { from: dev, contains: "hi" }
                """, "vars.yaml");

        assertEquals(5, scenario.allSteps().size());
        assertEquals(Duration.ofSeconds(3), scenario.connections().get("srv").connectTimeout());
        assertEquals(Duration.ofSeconds(1), scenario.connections().get("srv").within());
        assertEquals(Duration.ofMillis(500), scenario.connections().get("dev").within());
        Step.Repeat repeat = assertInstanceOf(Step.Repeat.class, scenario.steps().get(2));
        assertEquals(3, repeat.times());
        assertEquals(1, repeat.steps().getFirst().depth());
    }

    private static ScenarioException parseError(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioParser.parse(text, "t.yaml"));
    }
}
